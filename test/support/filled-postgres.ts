/**
 * A workspace big enough that PostgreSQL's planner shows its real choices
 * (on a few rows it reads every table whole, rightly): `organisations`
 * organisations in seven countries and six kinds, two people each, five
 * interactions each, a call per ten organisations with a deadline (the
 * officer watches every fourth, other members theirs), a candidate project
 * for every other call with five milestones, an activity per twenty
 * organisations with six participants; then VACUUM ANALYZE, as autovacuum does on a server in use. Written in bulk SQL (generate_series) on the real tables, so the
 * schema's constraints and search triggers take every row as they take
 * the app's.
 *
 * Names interleave in name order (`Org 000123 Technologiezentrum`), so a
 * common word is common all along the name index; a few are rare:
 * `Stadtwerke` names 400 organisations at most, fewer than FEW_MATCHES
 * (db/crm/search.ts), whatever the size.
 * Half the organisations take part in a partnership: a quarter in the
 * officer's (p1), a quarter in p2; a few were recorded by the officer's
 * organisation.
 */
import type { World } from './world.js';
import { vacuumAsInUse } from './postgres-plans.js';
import { runSql } from './sql.js';
import type { DB } from '../../db/connection.js';

export interface FilledSize {
  organisations: number;
}

/** Text of an instant as the app stores it (`2026-12-07T09:00:00.000Z`), in SQL. */
const ISO = (expression: string) => `to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const organisationId = (i: number) => `org-${String(i).padStart(7, '0')}`;

export async function fillPostgresWorkspace(h: { db: DB; world: World }, size: FilledSize = { organisations: 20_000 }): Promise<void> {
  await fillRows(h, size);
  // what autovacuum does on a server in use: statistics, the pages marked visible to all (index-only scans), and the search
  // index's pending entries merged into the GIN index (until then every search reads them one by one, and the planner counts that in)
  await vacuumAsInUse(h);
}

async function fillRows(h: { db: DB; world: World }, size: FilledSize): Promise<void> {
  const n = size.organisations;
  const { p1, p2 } = h.world.partnerships;
  const org = (i: string) => `'org-' || lpad((${i})::text, 7, '0')`;
  await runSql(
    h,
    `INSERT INTO organisations (id, name, short_name, kind, region_id, country, nuts_code, website, recorded_by_organisation_id, created_at, updated_at)
     SELECT ${org('i')},
            'Org ' || lpad(i::text, 7, '0') || CASE WHEN i % 50 = 48 AND i < 20000 THEN ' Stadtwerke' WHEN i % 3 = 0 THEN ' Technologiezentrum' ELSE ' Hochschule' END,
            NULL,
            (ARRAY['company', 'agency', 'university', 'research', 'ngo', 'regional_authority'])[1 + i % 6],
            NULL,
            (ARRAY['DE', 'BE', 'NL', 'FR', 'AT', 'LU', 'PL'])[1 + i % 7],
            NULL, NULL,
            CASE WHEN i % 97 = 0 THEN ? END,
            '2026-01-01T00:00:00.000Z',
            ${ISO("timestamp '2024-01-01' + (i::bigint * 1237 % 100000) * interval '10 minutes'")}
     FROM generate_series(1, ?) AS i`,
    h.world.organisations.vrrn,
    n
  );
  await runSql(h, `INSERT INTO partnership_stakeholders (partnership_id, organisation_id) SELECT CASE WHEN i % 4 = 0 THEN ? ELSE ? END, ${org('i')} FROM generate_series(2, ?, 2) AS i`, p1, p2, n);
  await runSql(
    h,
    `INSERT INTO people (id, organisation_id, name, lawful_basis, created_at, updated_at)
     SELECT 'person-' || lpad(i::text, 7, '0'), ${org('1 + i % ?')}, 'Person ' || lpad(i::text, 7, '0'), 'public_task', '2026-01-01T00:00:00.000Z',
            ${ISO("timestamp '2024-01-01' + (i::bigint * 7919 % 100000) * interval '10 minutes'")}
     FROM generate_series(1, ?) AS i`,
    n,
    2 * n
  );
  await runSql(
    h,
    `INSERT INTO interactions (id, kind, occurred_at, summary, organisation_id, person_id, partnership_id, created_at, updated_at)
     SELECT 'interaction-' || lpad(i::text, 8, '0'), 'note',
            ${ISO("timestamp '2021-01-01' + (i::bigint * 104729 % 2600000) * interval '1 minute'")},
            'Met at the fair.', ${org('1 + i % ?')},
            CASE WHEN i % 3 = 0 THEN 'person-' || lpad((1 + i % (2 * ?))::text, 7, '0') END,
            CASE WHEN i % 10 = 0 THEN ? END,
            '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
     FROM generate_series(1, ?) AS i`,
    n,
    n,
    p1,
    5 * n
  );
  const calls = Math.ceil(n / 10);
  const call = (i: string) => `'call-' || lpad((${i})::text, 6, '0')`;
  await runSql(h, `INSERT INTO calls (id, identifier, title, keywords) SELECT ${call('i')}, 'PLAN-' || i, 'Plan call ' || i, '[]' FROM generate_series(1, ?) AS i`, calls);
  await runSql(
    h,
    `INSERT INTO call_deadlines (id, call_id, position, label, deadline_at, time_zone)
     SELECT 'deadline-' || lpad(i::text, 6, '0'), ${call('i')}, 0, NULL, ${ISO("timestamp '2026-01-01 16:00' + (i % 900) * interval '1 day'")}, 'Europe/Brussels'
     FROM generate_series(1, ?) AS i`,
    calls
  );
  // the officer watches every fourth call; the other members watch theirs
  const { officer, admin, editor, viewer, outsider } = h.world.users;
  for (const [user, every] of [[officer.id, 4], [admin.id, 3], [editor.id, 5], [viewer.id, 7], [outsider.id, 2]] as const) {
    await runSql(h, `INSERT INTO call_watches (user_id, call_id) SELECT ?, ${call('i')} FROM generate_series(?::int, ?::int, ?::int) AS i`, user, every, calls, every);
  }
  // a candidate project for every other call, a quarter of them in the officer's partnership, five milestones each (a third done)
  await runSql(
    h,
    `INSERT INTO proposals (id, acronym, title, call_id, partnership_id)
     SELECT 'proposal-' || lpad(i::text, 6, '0'), 'P' || i, 'Proposal ' || i, ${call('i')}, CASE WHEN i % 4 = 0 THEN ? ELSE ? END
     FROM generate_series(2, ?, 2) AS i`,
    p1,
    p2,
    calls
  );
  await runSql(
    h,
    `INSERT INTO milestones (id, proposal_id, kind, title, due_on, due_time, owner_id, done_at)
     SELECT 'milestone-' || lpad(i::text, 6, '0') || '-' || k, 'proposal-' || lpad(i::text, 6, '0'), 'other', 'Milestone ' || i || '/' || k,
            to_char(date '2026-01-01' + ((i + 37 * k) % 900), 'YYYY-MM-DD'), NULL, NULL, CASE WHEN (i + k) % 3 = 0 THEN '2026-01-01T00:00:00Z' END
     FROM generate_series(2, ?, 2) AS i, generate_series(1, 5) AS k`,
    calls
  );
  // an activity per twenty organisations, in one partnership each, with six participants: three organisations, three people
  const activities = Math.ceil(n / 20);
  const activity = (i: string) => `'activity-' || lpad((${i})::text, 6, '0')`;
  await runSql(
    h,
    `INSERT INTO activities (id, type, title, starts_at, ends_at, time_zone, city, country)
     SELECT ${activity('i')}, 'meeting', 'Meeting ' || i, ${ISO("timestamp '2021-01-01 09:00' + (i::bigint * 7907 % 2000) * interval '1 day'")},
            ${ISO("timestamp '2021-01-01 17:00' + (i::bigint * 7907 % 2000) * interval '1 day'")}, 'Europe/Berlin', 'Mannheim', 'DE'
     FROM generate_series(1, ?) AS i`,
    activities
  );
  await runSql(h, `INSERT INTO activity_partnerships (activity_id, partnership_id) SELECT ${activity('i')}, CASE WHEN i % 2 = 0 THEN ? ELSE ? END FROM generate_series(1, ?) AS i`, p1, p2, activities);
  await runSql(
    h,
    `INSERT INTO activity_participants (id, activity_id, person_id, organisation_id, role)
     SELECT 'participant-' || lpad(i::text, 6, '0') || '-' || k, ${activity('i')},
            CASE WHEN k > 3 THEN 'person-' || lpad((1 + (i * 13 + k * 7919) % (2 * ?))::text, 7, '0') END,
            CASE WHEN k <= 3 THEN ${org('1 + (i * 17 + k * 104729) % ?')} END,
            'participant'
     FROM generate_series(1, ?) AS i, generate_series(1, 6) AS k`,
    n,
    n,
    activities
  );
}
