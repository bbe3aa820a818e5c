/** The demo workspace, seeded into a real database (the tests' engine: a SQLite file, or PostgreSQL) as bootstrap does it. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../api/platform/auth/passwords.js';
import { demoIds, seedDemo } from '../../../fixtures/demo.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { tableCounts, testDatabase } from '../../support/database.js';
import { jsonText } from '../../../db/json-columns.js';
import { ftsMatchExpression, indexMatches } from '../../../db/crm/search.js';

type Opened = Awaited<ReturnType<typeof testDatabase>>;

const KINDS = ['regional_authority', 'municipality', 'county', 'agency', 'university_research', 'company', 'cluster_intermediary', 'ngo', 'network'];
const BASES = ['consent', 'legitimate_interest', 'public_task', 'contract'];

let h: Opened;
const opened: Opened[] = [];
async function freshDatabase(): Promise<Opened> {
  const database = await testDatabase();
  opened.push(database);
  return database;
}

beforeAll(async () => {
  h = await freshDatabase();
  await seedDemo(h.db);
});
afterAll(async () => {
  for (const database of opened) await database.close();
});

describe('seedDemo', () => {
  it('fills every part of the workspace', async () => {
    const counts = await tableCounts(h);
    expect(counts.regions).toBe(9);
    expect(counts.organisations).toBeGreaterThanOrEqual(60);
    expect(counts.organisations).toBeLessThanOrEqual(90);
    expect(counts.people).toBeGreaterThanOrEqual(40);
    expect(counts.partnerships).toBe(5);
    expect(counts.interactions).toBeGreaterThanOrEqual(30);
    expect(counts.partnership_stakeholders).toBeGreaterThanOrEqual(60);
    expect(counts.person_domains).toBeGreaterThanOrEqual(40);
    // only the annual cycle is written through the services, by the two officers, so its history is the application's own
    const audited = await sql<{ entity_type: string; actor: string }>`
      SELECT DISTINCT a.entity_type, u.email AS actor FROM audit_events a JOIN users u ON u.id = a.actor_id ORDER BY 1, 2`.execute(h.db);
    expect(audited.rows).toEqual([
      { entity_type: 'evaluation', actor: 'officer.rn@demo.regiodesk.eu' },
      { entity_type: 'evaluation', actor: 'officer.vb@demo.regiodesk.eu' },
      { entity_type: 'work_plan', actor: 'officer.rn@demo.regiodesk.eu' },
      { entity_type: 'work_plan', actor: 'officer.vb@demo.regiodesk.eu' }
    ]);
    expect(counts.work_plans).toBe(2);
    expect(counts.evaluations).toBe(2);
    expect(counts.sessions).toBe(0);
    expect(counts.access_tokens).toBe(0);
  });

  it('keeps the renewal chain 2025–2028 (demo) → 2021–2024 → 2016', async () => {
    const rows = await h.db.selectFrom('partnerships').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const current = rows.find((r) => r.title.endsWith('2025–2028 (demo)'))!;
    expect(current).toMatchObject({ starts_on: '2025-01-01', ends_on: '2028-12-31', notice_months: 6 });
    const renewal = byId.get(current.predecessor_id!)!;
    expect(renewal).toMatchObject({ starts_on: '2021-01-01', ends_on: '2024-12-31', notice_months: 6, visits_per_year: 1, evaluation_month: 11, work_plan_month: 12, first_to_inform: 1 });
    expect(JSON.parse(renewal.forms)).toEqual(['delegation_trips', 'conferences', 'matchmaking', 'business_settlement', 'knowhow_exchange', 'joint_eu_positions', 'actor_support', 'third_partner_support']);
    const first = byId.get(renewal.predecessor_id!)!;
    expect(first).toMatchObject({ title: 'Rhein-Neckar – Vlaams-Brabant (2016 agreement)', signed_on: '2016-12-01', starts_on: '2016-12-01', ends_on: '2020-12-31', predecessor_id: null });

    const domainCount = async (id: string) =>
      (await h.db.selectFrom('partnership_domains').select(sql<number>`count(*)`.as('n')).where('partnership_id', '=', id).executeTakeFirstOrThrow()).n;
    expect(await domainCount(first.id)).toBe(7);
    expect(await domainCount(renewal.id)).toBe(12);
    expect(await domainCount(current.id)).toBe(12);
    const regioHub = rows.find((r) => r.title === 'Regio.hub Berlin-Brandenburg')!;
    expect(regioHub.ends_on).toBe('2026-12-31');
  });

  it('names both parties of the current agreement with contact persons at their own organisation', async () => {
    const parties = await h.db
      .selectFrom('partnership_parties as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .innerJoin('regions as r', 'r.id', 'pp.region_id')
      .leftJoin('people as p', 'p.id', 'pp.contact_person_id')
      .select(['pp.position', 'o.short_name', 'r.name as region', 'p.organisation_id as contact_organisation', 'pp.organisation_id', 'pp.networks'])
      .where('pp.partnership_id', '=', demoIds.partnership('rnVb2025'))
      .orderBy('pp.position')
      .execute();
    expect(parties.map((p) => [p.position, p.short_name, p.region])).toEqual([
      [0, 'VRRN', 'Rhein-Neckar'],
      [1, 'PFB', 'Vlaams-Brabant']
    ]);
    for (const party of parties) {
      expect(party.contact_organisation).toBe(party.organisation_id);
      expect(JSON.parse(party.networks)).toContainEqual({ name: 'EGTC Interregional Alliance for the Rhine-Alpine Corridor', since: expect.any(Number) });
    }
    // every contact person anywhere works at the party's organisation
    const mismatched = await h.db
      .selectFrom('partnership_parties as pp')
      .innerJoin('people as p', 'p.id', 'pp.contact_person_id')
      .select('pp.id')
      .whereRef('p.organisation_id', '!=', 'pp.organisation_id')
      .execute();
    expect(mismatched).toEqual([]);
  });

  it('records at least 50 organisations of the allowed kinds, with maturities 1–5', async () => {
    const organisations = await h.db.selectFrom('organisations').select(['id', 'kind', 'country', 'nuts_code', 'recorded_by_organisation_id']).execute();
    expect(organisations.length).toBeGreaterThanOrEqual(50);
    for (const o of organisations) {
      expect(KINDS).toContain(o.kind);
      expect(o.country).toMatch(/^[A-Z]{2}$/);
      if (o.nuts_code) expect(o.nuts_code.startsWith(o.country)).toBe(true);
    }
    const recorders = new Set(organisations.map((o) => o.recorded_by_organisation_id));
    expect(recorders).toEqual(new Set([demoIds.organisation('vrrn'), demoIds.organisation('pfb'), demoIds.organisation('wfbb')]));

    const maturities = await h.db.selectFrom('organisation_domains').select(['organisation_id', 'maturity']).execute();
    expect(maturities.length).toBeGreaterThanOrEqual(organisations.length);
    expect(maturities.filter((m) => !Number.isInteger(m.maturity) || m.maturity < 1 || m.maturity > 5)).toEqual([]);
    expect(new Set(maturities.map((m) => m.maturity)).size).toBeGreaterThanOrEqual(3);
    const withoutDomains = organisations.filter((o) => !maturities.some((m) => m.organisation_id === o.id));
    expect(withoutDomains).toEqual([]);
  });

  it('keeps people with a lawful basis, and consent with its date and source', async () => {
    const people = await h.db.selectFrom('people').selectAll().execute();
    for (const p of people) {
      expect(BASES).toContain(p.lawful_basis);
      expect(p.organisation_id).not.toBeNull();
      const emails: string[] = JSON.parse(p.emails);
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) expect(email).toMatch(/@[a-z0-9.-]+\.example$/);
      if (p.lawful_basis === 'consent') {
        expect(p.consent_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(p.consent_source).toBeTruthy();
      } else {
        expect(p.consent_date).toBeNull();
      }
    }
    expect(people.filter((p) => p.lawful_basis === 'consent').length).toBeGreaterThanOrEqual(3);
  });

  it('creates the demo users with argon2id hashes of the printed password and their memberships', async () => {
    expect(DEMO_SIGN_IN.password).toBe('regiodesk-demo');
    const emails = DEMO_SIGN_IN.accounts.map((a) => a.email);
    expect(emails).toEqual(expect.arrayContaining(['officer.rn@demo.regiodesk.eu', 'officer.vb@demo.regiodesk.eu', 'admin@demo.regiodesk.eu']));

    const users = await h.db.selectFrom('users').selectAll().execute();
    expect(users.map((u) => u.email).sort()).toEqual([...emails].sort());
    for (const user of users) {
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.password_hash!, DEMO_SIGN_IN.password)).toBe(true);
      expect(user.organisation_id).not.toBeNull();
      expect(user.disabled_at).toBeNull();
    }
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(users.length);
    expect(users.find((u) => u.email === 'admin@demo.regiodesk.eu')!.is_admin).toBe(1);
    expect(users.filter((u) => u.is_admin === 1)).toHaveLength(1);

    const roles = async (email: string) =>
      Object.fromEntries(
        (
          await h.db
            .selectFrom('memberships as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .select(['m.partnership_id', 'm.role'])
            .where('u.email', '=', email)
            .execute()
        ).map((m) => [m.partnership_id, m.role])
      );
    for (const email of ['officer.rn@demo.regiodesk.eu', 'officer.vb@demo.regiodesk.eu']) {
      expect(await roles(email)).toMatchObject({
        [demoIds.partnership('rnVb2016')]: 'viewer',
        [demoIds.partnership('rnVb2021')]: 'officer',
        [demoIds.partnership('rnVb2025')]: 'officer'
      });
    }
    expect(await roles('admin@demo.regiodesk.eu')).toEqual({});
  });

  it('logs interactions from 2024 to 2026 by demo users, on organisations and people', async () => {
    const rows = await h.db.selectFrom('interactions').selectAll().execute();
    const authors = new Set((await h.db.selectFrom('users').select('id').execute()).map((u) => u.id));
    for (const i of rows) {
      expect(['note', 'call', 'email', 'meeting']).toContain(i.kind);
      expect(i.occurred_at >= '2024-01-01' && i.occurred_at < '2027-01-01').toBe(true);
      expect(authors.has(i.author_id!)).toBe(true);
      expect(i.organisation_id).not.toBeNull();
    }
    // a person's interaction is on that person's organisation's timeline too
    const offTimeline = await h.db
      .selectFrom('interactions as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select('i.id')
      .whereRef('p.organisation_id', '!=', 'i.organisation_id')
      .execute();
    expect(offTimeline).toEqual([]);
    expect(rows.filter((i) => i.partnership_id === demoIds.partnership('rnVb2025')).length).toBeGreaterThanOrEqual(15);
  });

  it('gives the demo partnership a record to evaluate: 2025 and 2026 activities, feedback, costs against budgets, candidate projects', async () => {
    const counts = await tableCounts(h);
    expect(counts.activities).toBe(11);
    expect(counts.budgets).toBe(4);
    expect(counts.proposals).toBe(6);
    const held = await sql<{ year: string; n: number }>`
      SELECT substr(a.starts_local, 1, 4) AS year, count(*) AS n FROM activities a
      JOIN activity_partnerships ap ON ap.activity_id = a.id
      WHERE ap.partnership_id = ${demoIds.partnership('rnVb2025')} AND a.status != 'cancelled'
      GROUP BY year ORDER BY year`.execute(h.db);
    expect(held.rows).toEqual([{ year: '2025', n: 4 }, { year: '2026', n: 6 }]);
    const orphans = await sql<{ n: number }>`SELECT count(*) AS n FROM feedback_links f JOIN activity_participants p ON p.id = f.participant_id WHERE p.activity_id != f.activity_id`.execute(h.db);
    expect(orphans.rows[0].n).toBe(0);
  });

  it('writes the annual cycle: 2025 and 2026 plans adopted by both parties with the year’s progress, 2025 evaluated and adopted, 2026 in draft', async () => {
    const plans = await h.db.selectFrom('work_plans').select(['year', 'status', 'revision']).orderBy('year').execute();
    expect(plans).toEqual([
      { year: 2025, status: 'adopted', revision: 1 },
      { year: 2026, status: 'adopted', revision: 1 }
    ]);
    const approvals = await sql<{ n: number }>`SELECT count(*) AS n FROM cycle_approvals WHERE withdrawn_at IS NULL`.execute(h.db);
    expect(approvals.rows[0].n).toBe(6);
    const progress = await sql<{ status: string; n: number }>`
      SELECT i.status, count(*) AS n FROM work_plan_items i JOIN work_plans p ON p.id = i.work_plan_id WHERE p.year = 2026 GROUP BY i.status ORDER BY 1`.execute(h.db);
    expect(progress.rows).toEqual([
      { status: 'done', n: 4 },
      { status: 'dropped', n: 1 },
      { status: 'in_progress', n: 2 },
      { status: 'planned', n: 1 }
    ]);
    const evaluations = await h.db
      .selectFrom('evaluations')
      .select(['year', 'status'])
      .select((eb) => eb.case().when('figures', 'is not', null).then(1).else(0).end().as('frozen'))
      .orderBy('year')
      .execute();
    expect(evaluations).toEqual([
      { year: 2025, status: 'adopted', frozen: 1 },
      { year: 2026, status: 'draft', frozen: 0 }
    ]);
  });

  it('fills the search index, folding accents: "universitat" finds Universität Heidelberg', async () => {
    // the search as the app asks it, on either engine (FTS5's MATCH, or PostgreSQL's tsvector)
    const hits = await sql<{ entity_type: string; name: string }>`
      SELECT search_index.entity_type, o.name FROM search_index JOIN organisations o ON o.id = search_index.entity_id
      WHERE ${indexMatches(ftsMatchExpression('universitat')!)} AND search_index.entity_type = 'organisation'`.execute(h.db);
    expect(hits.rows.map((r) => r.name)).toContain('Universität Heidelberg');
    const people = await sql<{ entity_id: string }>`SELECT entity_id FROM search_index WHERE ${indexMatches(ftsMatchExpression('brandstatter')!)}`.execute(h.db);
    expect(people.rows).toEqual([{ entity_id: demoIds.person('felixBrandstaetter') }]);
    const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM search_index`.execute(h.db);
    const counts = await tableCounts(h);
    expect(indexed.rows[0].n).toBe(counts.organisations + counts.people + counts.partnerships + counts.activities + counts.calls + counts.proposals);
  });

  it('gives the same ids on every fresh database', async () => {
    const other = await freshDatabase();
    await seedDemo(other.db);
    for (const table of ['regions', 'organisations', 'people', 'partnerships', 'partnership_parties', 'users', 'interactions'] as const) {
      const ids = async (database: Opened) => (await database.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
      expect(await ids(other)).toEqual(await ids(h));
    }
    const heidelberg = await h.db.selectFrom('organisations').select('id').where('name', '=', 'Universität Heidelberg').executeTakeFirstOrThrow();
    expect(heidelberg.id).toBe(demoIds.organisation('uniHeidelberg'));
  });

  it('refuses a database that already has users, changing nothing', async () => {
    const before = await tableCounts(h);
    await expect(seedDemo(h.db)).rejects.toThrow(/empty database.*already has users/);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('writes all or nothing: a failure half-way leaves the database as it was', async () => {
    const database = await freshDatabase();
    // no users, but a record in the way of the people insert (same id as a demo person)
    await database.db
      .insertInto('people')
      .values({ id: demoIds.person('katrinWellmann'), organisation_id: null, name: 'Someone else', function: null, emails: jsonText([]), phones: jsonText([]), languages: jsonText([]), lawful_basis: 'consent', consent_date: null, consent_source: null, recorded_by_organisation_id: null })
      .execute();
    const before = await tableCounts(database);
    await expect(seedDemo(database.db)).rejects.toThrow(/UNIQUE|PRIMARY KEY/i);
    expect(await tableCounts(database)).toEqual(before);
    expect(before.organisations).toBe(0);
  });
});
