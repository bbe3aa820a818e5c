/**
 * The plans of the deadline dashboard's and the calendar feed's SQL on
 * PostgreSQL: the counterpart of deadline-plans.test.ts (SQLite's plans),
 * on a workspace like its own — 3,000 calls with a deadline each, every one
 * watched by the officer (and some by other members) — with more
 * milestones (a candidate project for every other call, four milestones
 * each: SQLite's 300 PostgreSQL rightly reads whole), VACUUM ANALYZEd as
 * autovacuum leaves a database in use (PostgreSQL's planner weighs its
 * statistics). Each statement is explained with `EXPLAIN (FORMAT JSON)` and
 * the parameters it ran with: the dashboard's pages and the feed's pages
 * are index walks that stop at their page or horizon — no Seq Scan of
 * calls, deadlines, watches, milestones or proposals, no Sort, no hashed
 * subquery. The feed's fingerprint covers every watched deadline of the
 * caller: there only the caller's watches are required to be found by
 * their key (see the test).
 *
 * PostgreSQL only: vitest.config.ts (POSTGRES_ONLY) runs this file in the
 * PostgreSQL pass (REGIODESK_TEST_ENGINE=postgres) and leaves it out of the
 * SQLite one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as calendar from '../../../db/deadlines/calendar.js';
import * as deadlines from '../../../db/deadlines/deadlines.js';
import type { Scope } from '../../../db/scope.js';
import { testDatabase } from '../../support/database.js';
import { hashedSubplans, type PlanNode, planNodes, planText, plannedDuring, plansRun, sortNodes, vacuumAsInUse, walkUnderLimit } from '../../support/postgres-plans.js';
import { runSql } from '../../support/sql.js';
import { buildWorld, type World } from '../../support/world.js';

let opened: Awaited<ReturnType<typeof testDatabase>>;
let world: World;

const CALLS = 3_000;
const BOUNDED_TABLES = ['calls', 'call_deadlines', 'call_watches', 'milestones', 'proposals', 'tasks'];

beforeAll(async () => {
  opened = await testDatabase();
  expect(opened.engine).toBe('postgres');
  world = await buildWorld(opened.db);
  const h = { db: opened.db };
  const call = (i: string) => `'call-' || lpad((${i})::text, 5, '0')`;
  await runSql(h, `INSERT INTO calls (id, identifier, title, keywords) SELECT ${call('i')}, 'PLAN-' || i, 'Plan call ' || i, '[]' FROM generate_series(0, ?) AS i`, CALLS - 1);
  await runSql(
    h,
    `INSERT INTO call_deadlines (id, call_id, position, label, deadline_at, time_zone)
     SELECT 'deadline-' || lpad(i::text, 5, '0'), ${call('i')}, 0, NULL, to_char(timestamp '2026-01-01 16:00' + (i % 900) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'Europe/Brussels'
     FROM generate_series(0, ?) AS i`,
    CALLS - 1
  );
  await runSql(h, `INSERT INTO call_watches (user_id, call_id) SELECT ?, ${call('i')} FROM generate_series(0, ?) AS i`, world.users.officer.id, CALLS - 1);
  for (const [user, every] of [[world.users.admin.id, 3], [world.users.editor.id, 5], [world.users.outsider.id, 2], [world.users.viewer.id, 50]] as const) {
    await runSql(h, `INSERT INTO call_watches (user_id, call_id) SELECT ?, ${call('i')} FROM generate_series(0, ?::int, ?::int) AS i`, user, CALLS - 1, every);
  }
  await runSql(
    h,
    `INSERT INTO proposals (id, acronym, title, call_id, partnership_id)
     SELECT 'proposal-' || lpad(i::text, 5, '0'), 'P' || i, 'Proposal ' || i, ${call('i')}, CASE WHEN i % 20 = 0 THEN ? ELSE ? END
     FROM generate_series(0, ?, 2) AS i`,
    world.partnerships.p2,
    world.partnerships.p1,
    CALLS - 1
  );
  await runSql(
    h,
    `INSERT INTO milestones (id, proposal_id, kind, title, due_on, due_time, owner_id, done_at)
     SELECT 'milestone-' || lpad(i::text, 5, '0') || '-' || k, 'proposal-' || lpad(i::text, 5, '0'), 'other', 'Milestone ' || i || '/' || k,
            to_char(date '2026-01-01' + ((i + 211 * k) % 900), 'YYYY-MM-DD'), NULL, NULL, CASE WHEN (i + k) % 30 = 0 THEN '2026-01-01T00:00:00Z' END
     FROM generate_series(0, ?, 2) AS i, generate_series(1, 4) AS k`,
    CALLS - 1
  );
  await vacuumAsInUse(h);
}, 120_000);
afterAll(() => opened?.close());

/**
 * Each plan of the one statement `run` executes: the plan for its values, and the generic one PostgreSQL keeps from the
 * sixth run of the statement prepared by name on, if it keeps one (db/named-statements.ts).
 */
async function plansOf(run: () => Promise<unknown>): Promise<{ sql: string; plan: PlanNode }[]> {
  const statements = await plannedDuring(opened, run);
  expect(statements).toHaveLength(1);
  return plansRun(statements[0]!);
}

const explained = (statement: { sql: string; plan: PlanNode }) => `${statement.sql}\n${planText(statement.plan)}`;

function expectBounded(statement: { sql: string; plan: PlanNode }) {
  const whole = planNodes(statement.plan).filter((node) => node['Node Type'] === 'Seq Scan' && BOUNDED_TABLES.includes(node['Relation Name'] ?? ''));
  expect(whole.map((node) => node['Relation Name']), explained(statement)).toEqual([]);
  expect(sortNodes(statement), explained(statement)).toEqual([]);
  expect(hashedSubplans(statement), explained(statement)).toEqual([]);
}

const member = (): Scope => ({ all: false, organisationId: world.organisations.vrrn, partnershipIds: [world.partnerships.p1] });
const range = { from: '2026-12-07T00:00:00.000Z', to: '2027-03-07T00:00:00.000Z' };

describe('the deadline dashboard’s plans on PostgreSQL', () => {
  it('walks the deadlines by instant and stops at the page, watched or not', async () => {
    for (const watched of [false, true]) {
      for (const statement of await plansOf(() => deadlines.upcomingCallDeadlines(opened.db, { after: { at: range.from, id: null }, to: range.to }, world.users.officer.id, watched, 51))) {
        expect(walkUnderLimit(statement)?.['Index Name'], explained(statement)).toBe('call_deadlines_at_id');
        expectBounded(statement);
      }
    }
  });

  it('enters the index at the cursor of the next page (deadline_at, id) > (…), watched or not', async () => {
    for (const watched of [false, true]) {
      for (const statement of await plansOf(() => deadlines.upcomingCallDeadlines(opened.db, { after: { at: range.from, id: '0' }, to: range.to }, world.users.officer.id, watched, 51))) {
        const walk = walkUnderLimit(statement);
        expect(walk?.['Index Name'], explained(statement)).toBe('call_deadlines_at_id');
        expect(walk?.['Index Cond'], explained(statement)).toMatch(/ROW\(deadline_at, id\) > ROW\(.*\) AND \(deadline_at <=? /);
        expectBounded(statement);
      }
    }
  });

  it('reads the milestones of the horizon by due date, from a batch’s end too, for a member and for the administrator', async () => {
    for (const scope of [member(), { all: true } as const]) {
      for (const after of [null, { dueOn: '2026-12-20', id: '0' }]) {
        for (const statement of await plansOf(() => deadlines.upcomingMilestones(opened.db, scope, { fromDate: '2026-12-05', toDate: '2027-03-09', after }, 51))) {
          const walk = walkUnderLimit(statement);
          expect(walk?.['Index Name'], explained(statement)).toBe('milestones_open_due');
          expect(walk?.['Index Cond'], explained(statement)).toMatch(after ? /ROW\(due_on, id\) > ROW\(/ : /due_on >= /);
          expectBounded(statement);
        }
      }
    }
  });
});

describe('the calendar feed’s plans on PostgreSQL', () => {
  it('pages the watched deadlines along the watches without a sort, and finds the caller’s watches by their key for the fingerprint', async () => {
    for (const after of [null, { callId: '0', position: 0 }]) {
      for (const statement of await plansOf(() => calendar.feedDeadlinePage(opened.db, world.users.officer.id, after, 1000))) {
        // read along the caller's watches (whichever way PostgreSQL joins them to the deadlines in call order)
        const watches = planNodes(statement.plan).find((node) => node['Index Name'] === 'call_watches_pk');
        expect(watches?.['Index Cond'], explained(statement)).toMatch(after ? /user_id = .* AND \(call_id >= / : /user_id = /);
        expectBounded(statement);
      }
    }
    // the fingerprint is over every watched deadline and open milestone of the caller: PostgreSQL may join them to the deadlines
    // and milestones read whole (its costs find that cheaper than a seek per watch, even for 60 watches of 3,000 calls, or of
    // 20,000), so what is checked is that the caller's watches are found by the caller's key, and nothing is hashed per row
    const scope = { all: false as const, organisationId: world.organisations.vrrn, partnershipIds: [world.partnerships.p1] };
    for (const fingerprint of await plansOf(() => calendar.feedFingerprint(opened.db, scope, world.users.viewer.id, scope.partnershipIds))) {
      const watches = planNodes(fingerprint.plan).filter((node) => node['Relation Name'] === 'call_watches');
      expect(watches.map((node) => `${node['Node Type']} ${node['Index Name']}: ${node['Index Cond']}`), explained(fingerprint)).toEqual([expect.stringMatching(/^Index (Only )?Scan call_watches_pk: .*user_id = /)]);
      expect(hashedSubplans(fingerprint), explained(fingerprint)).toEqual([]);
    }
  });
});
