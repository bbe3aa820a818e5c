/**
 * The plans of the deadline dashboard's and the calendar feed's SQL on a
 * workspace of 3,000 watched calls: each is an index walk that stops at
 * its page or horizon — no SCAN of calls, deadlines, watches or
 * milestones, no temporary B-tree to sort them.
 *
 * SQLite only: vitest.config.ts (SQLITE_ONLY) leaves this file out of the
 * PostgreSQL pass, since it reads SQLite's own plans; PostgreSQL's are
 * deadline-plans-postgres.test.ts.
 */
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import * as calendar from '../../../db/deadlines/calendar.js';
import * as deadlines from '../../../db/deadlines/deadlines.js';
import type { Database } from '../../../db/schema.js';
import type { Scope } from '../../../db/scope.js';
import { testDatabase } from '../../support/database.js';
import { buildWorld, type World } from '../../support/world.js';

let opened: Awaited<ReturnType<typeof testDatabase>>;
let world: World;
/** the same database, remembering every statement it runs */
let logged: Kysely<Database>;
const statements: { sql: string; parameters: readonly unknown[] }[] = [];

/** The plan of each statement `run` executes, one line per step. */
async function plansOf(run: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await run(logged);
  expect(statements.length).toBeGreaterThan(0);
  return statements.map(({ sql, parameters }) =>
    (opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]).map((row) => row.detail).join('\n')
  );
}

function expectBounded(plan: string) {
  expect(plan).not.toMatch(/\bSCAN (c|d|w|m|pr|calls|call_deadlines|call_watches|milestones|proposals|tasks)\b/);
  expect(plan).not.toContain('TEMP B-TREE');
}

beforeAll(async () => {
  opened = await testDatabase();
  world = await buildWorld(opened.db);
  const { sqlite } = opened;
  sqlite.transaction(() => {
    const call = sqlite.prepare("INSERT INTO calls (id, identifier, title, keywords) VALUES (?, ?, ?, '[]')");
    const deadline = sqlite.prepare("INSERT INTO call_deadlines (id, call_id, position, label, deadline_at, time_zone) VALUES (?, ?, 0, NULL, ?, 'Europe/Brussels')");
    const watch = sqlite.prepare('INSERT INTO call_watches (user_id, call_id) VALUES (?, ?)');
    const proposal = sqlite.prepare('INSERT INTO proposals (id, acronym, title, call_id, partnership_id) VALUES (?, ?, ?, ?, ?)');
    const milestone = sqlite.prepare("INSERT INTO milestones (id, proposal_id, kind, title, due_on, due_time, owner_id, done_at) VALUES (?, ?, 'other', ?, ?, NULL, NULL, ?)");
    for (let i = 0; i < 3_000; i++) {
      const id = newId();
      call.run(id, `PLAN-${i}`, `Plan call ${i}`);
      deadline.run(newId(), id, new Date(Date.parse('2026-01-01T16:00:00Z') + (i % 900) * 86_400_000).toISOString());
      watch.run(world.users.officer.id, id);
      if (i % 10 === 0) {
        const proposalId = newId();
        proposal.run(proposalId, `P${i}`, `Proposal ${i}`, id, i % 20 ? world.partnerships.p1 : world.partnerships.p2);
        milestone.run(newId(), proposalId, `Milestone ${i}`, new Date(Date.parse('2026-01-01') + (i % 900) * 86_400_000).toISOString().slice(0, 10), i % 30 ? null : '2026-01-01T00:00:00Z');
      }
    }
  })();
  logged = new Kysely<Database>({
    dialect: new SqliteDialect({ database: opened.sqlite }),
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    }
  });
});
afterAll(() => opened.close());

const member = (): Scope => ({ all: false, organisationId: world.organisations.vrrn, partnershipIds: [world.partnerships.p1] });
const range = { from: '2026-12-07T00:00:00.000Z', to: '2027-03-07T00:00:00.000Z' };

describe('the deadline dashboard’s plans', () => {
  it('walks the deadlines by instant and stops at the page, watched or not', async () => {
    for (const watched of [false, true]) {
      const [plan] = await plansOf((db) => deadlines.upcomingCallDeadlines(db, { after: { at: range.from, id: null }, to: range.to }, world.users.officer.id, watched, 51));
      expect(plan).toContain('USING INDEX call_deadlines_at_id');
      expectBounded(plan!);
    }
  });

  it('enters the index at the cursor of the next page (deadline_at, id) > (?, ?), watched or not', async () => {
    for (const watched of [false, true]) {
      const [plan] = await plansOf((db) => deadlines.upcomingCallDeadlines(db, { after: { at: range.from, id: '0' }, to: range.to }, world.users.officer.id, watched, 51));
      expect(plan).toMatch(/SEARCH d USING INDEX call_deadlines_at_id \(\(deadline_at,id\)>\(\?,\?\) AND deadline_at<\?\)/);
      expectBounded(plan!);
    }
  });

  it('reads the milestones of the horizon by due date, from a batch’s end too, for a member and for the administrator', async () => {
    for (const scope of [member(), { all: true } as const]) {
      for (const after of [null, { dueOn: '2026-12-20', id: '0' }]) {
        const [plan] = await plansOf((db) => deadlines.upcomingMilestones(db, scope, { fromDate: '2026-12-05', toDate: '2027-03-09', after }, 51));
        expect(plan).toMatch(after ? /SEARCH m USING INDEX milestones_open_due \(\(due_on,id\)>\(\?,\?\) AND due_on<\?\)/ : /SEARCH m USING INDEX milestones_open_due \(due_on>\? AND due_on<\?\)/);
        expectBounded(plan!);
      }
    }
  });
});

describe('the calendar feed’s plans', () => {
  it('pages the watched deadlines along the watches, and fingerprints them without a sort', async () => {
    const [first] = await plansOf((db) => calendar.feedDeadlinePage(db, world.users.officer.id, null, 1000));
    const [next] = await plansOf((db) => calendar.feedDeadlinePage(db, world.users.officer.id, { callId: '0', position: 0 }, 1000));
    for (const plan of [first!, next!]) {
      expect(plan).toMatch(/SEARCH w USING COVERING INDEX sqlite_autoindex_call_watches_1 \(user_id=\?/);
      expectBounded(plan);
    }
    expect(next).toContain('call_id>?');
    const scope = { all: false as const, organisationId: world.organisations.vrrn, partnershipIds: [world.partnerships.p1] };
    const [fingerprint] = await plansOf((db) => calendar.feedFingerprint(db, scope, world.users.officer.id, scope.partnershipIds));
    expect(fingerprint).not.toMatch(/\bSCAN (c|d|w|m|pr|tasks)\b/);
  });
});
