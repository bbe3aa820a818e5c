/**
 * The demo workspace, seeded into a real database (the tests' engine: a SQLite file, or PostgreSQL) as bootstrap does it:
 * its content on one fixed day, and, seeded on days across the year, what a newcomer finds through the real API
 * (the app on that database with its clock on that day, signed in with the demo password).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { verifyPassword } from '../../../api/platform/auth/passwords.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { demoIds, seedDemo } from '../../../fixtures/demo.js';
import { fixtureId } from '../../../fixtures/ids.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { tableCounts, testDatabase } from '../../support/database.js';
import { client } from '../../support/http.js';
import { jsonText } from '../../../db/json-columns.js';
import { ftsMatchExpression, indexMatches } from '../../../db/crm/search.js';

type Opened = Awaited<ReturnType<typeof testDatabase>>;

const KINDS = ['regional_authority', 'municipality', 'county', 'agency', 'university_research', 'company', 'cluster_intermediary', 'ngo', 'network'];
const BASES = ['consent', 'legitimate_interest', 'public_task', 'contract'];
/** the day the content tests seed for: a Monday in December of the cycle's year as authored (fixtures/demo-calendar.ts) */
const DAY = '2026-12-07';
const PARTNERSHIP = demoIds.partnership('rnVb2025');

let h: Opened;
const opened: Opened[] = [];
async function freshDatabase(): Promise<Opened> {
  const database = await testDatabase();
  opened.push(database);
  return database;
}

beforeAll(async () => {
  h = await freshDatabase();
  await seedDemo(h.db, { today: DAY });
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
    expect(counts.work_plans).toBe(3);
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
      .where('pp.partnership_id', '=', PARTNERSHIP)
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

  it('keeps people with a lawful basis, and consent with its date (before the seed day) and source', async () => {
    const people = await h.db.selectFrom('people').selectAll().execute();
    for (const p of people) {
      expect(BASES).toContain(p.lawful_basis);
      expect(p.organisation_id).not.toBeNull();
      const emails: string[] = JSON.parse(p.emails);
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) expect(email).toMatch(/@[a-z0-9.-]+\.example$/);
      if (p.lawful_basis === 'consent') {
        expect(p.consent_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(p.consent_date! < DAY).toBe(true);
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
        [PARTNERSHIP]: 'officer'
      });
    }
    expect(await roles('admin@demo.regiodesk.eu')).toEqual({});
  });

  it('logs interactions from 2024 up to the seed day by demo users, on organisations and people', async () => {
    const rows = await h.db.selectFrom('interactions').selectAll().execute();
    const authors = new Set((await h.db.selectFrom('users').select('id').execute()).map((u) => u.id));
    for (const i of rows) {
      expect(['note', 'call', 'email', 'meeting']).toContain(i.kind);
      expect(i.occurred_at >= '2024-01-01' && i.occurred_at < DAY).toBe(true);
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
    expect(rows.filter((i) => i.partnership_id === PARTNERSHIP).length).toBeGreaterThanOrEqual(15);
    // the cycle's meetings of this autumn are logged once their day has come: the evaluation's in November, the work plan's in December
    expect(rows.map((r) => r.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/^Evaluierung 2026 für den 19\. November terminiert/), expect.stringMatching(/^Arbeitsplan 2027: offene Vorhaben aus 2026/)]));
  });

  it('gives the demo partnership a record to evaluate: activities of last year and this year, feedback, costs against budgets, candidate projects', async () => {
    const counts = await tableCounts(h);
    expect(counts.activities).toBe(15);
    expect(counts.budgets).toBe(6);
    expect(counts.proposals).toBe(7);
    expect(counts.milestones).toBe(8);
    const held = await sql<{ year: string; n: number }>`
      SELECT substr(a.starts_local, 1, 4) AS year, count(*) AS n FROM activities a
      JOIN activity_partnerships ap ON ap.activity_id = a.id
      WHERE ap.partnership_id = ${PARTNERSHIP} AND a.status = 'done'
      GROUP BY year ORDER BY year`.execute(h.db);
    expect(held.rows.map((r) => [r.year, Number(r.n) > 0])).toEqual([
      ['2025', true],
      ['2026', true]
    ]);
    const orphans = await sql<{ n: number }>`SELECT count(*) AS n FROM feedback_links f JOIN activity_participants p ON p.id = f.participant_id WHERE p.activity_id != f.activity_id`.execute(h.db);
    expect(Number(orphans.rows[0].n)).toBe(0);
    // feedback is given after the activity, and before the seed day
    const feedback = await sql<{ answered_at: string; ends_at: string }>`SELECT f.answered_at, a.ends_at FROM feedback_links f JOIN activities a ON a.id = f.activity_id`.execute(h.db);
    expect(feedback.rows.length).toBeGreaterThan(10);
    for (const f of feedback.rows) expect(f.answered_at > f.ends_at && f.answered_at < DAY).toBe(true);
  });

  it('writes the annual cycle: both plans adopted with the year’s progress, last year evaluated and adopted, this year’s in draft, next year’s plan drafted in December', async () => {
    const plans = await h.db.selectFrom('work_plans').select(['year', 'status', 'revision']).orderBy('year').execute();
    expect(plans).toEqual([
      { year: 2025, status: 'adopted', revision: 1 },
      { year: 2026, status: 'adopted', revision: 1 },
      { year: 2027, status: 'draft', revision: 1 }
    ]);
    const approvals = await sql<{ n: number }>`SELECT count(*) AS n FROM cycle_approvals WHERE withdrawn_at IS NULL`.execute(h.db);
    expect(Number(approvals.rows[0].n)).toBe(6);
    const progress = await sql<{ status: string; n: number }>`
      SELECT i.status, count(*) AS n FROM work_plan_items i JOIN work_plans p ON p.id = i.work_plan_id WHERE p.year = 2026 GROUP BY i.status ORDER BY 1`.execute(h.db);
    expect(progress.rows.map((r) => [r.status, Number(r.n)])).toEqual([
      ['done', 3],
      ['dropped', 1],
      ['in_progress', 3],
      ['planned', 3]
    ]);
    // next year's draft: the six open items carried over, and two new ones
    const next = await sql<{ n: number }>`SELECT count(*) AS n FROM work_plan_items i JOIN work_plans p ON p.id = i.work_plan_id WHERE p.year = 2027`.execute(h.db);
    expect(Number(next.rows[0].n)).toBe(8);
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
    expect(Number(indexed.rows[0].n)).toBe(counts.organisations + counts.people + counts.partnerships + counts.activities + counts.calls + counts.proposals);
  });

  it('gives the same ids on every fresh database, whatever day it is seeded for', async () => {
    const other = await freshDatabase();
    await seedDemo(other.db, { today: '2029-04-03' });
    const tables = ['regions', 'organisations', 'people', 'partnerships', 'partnership_parties', 'users', 'activities', 'activity_participants', 'tasks', 'calls', 'call_deadlines', 'proposals', 'milestones'] as const;
    for (const table of tables) {
      const ids = async (database: Opened) => (await database.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
      expect(await ids(other), table).toEqual(await ids(h));
    }
    // the cycle's interactions of the autumn are not there yet in April; every other one keeps its id
    const interactions = async (database: Opened) => (await database.db.selectFrom('interactions').select('id').execute()).map((r) => r.id);
    const april = await interactions(other);
    const december = await interactions(h);
    expect(april.filter((id) => !december.includes(id))).toEqual([]);
    const autumn = ['2026-06-09T09:00:00Z', '2026-10-20T14:00:00Z', '2026-11-04T10:00:00Z', '2026-12-02T09:00:00Z'].map((authored) => fixtureId('interaction', authored));
    expect(december.filter((id) => !april.includes(id)).sort()).toEqual(autumn.sort());
    const heidelberg = await h.db.selectFrom('organisations').select('id').where('name', '=', 'Universität Heidelberg').executeTakeFirstOrThrow();
    expect(heidelberg.id).toBe(demoIds.organisation('uniHeidelberg'));
  });

  it('refuses a database that already has users, changing nothing', async () => {
    const before = await tableCounts(h);
    await expect(seedDemo(h.db, { today: DAY })).rejects.toThrow(/empty database.*already has users/);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses a day that is not a calendar date, before writing anything', async () => {
    const database = await freshDatabase();
    await expect(seedDemo(database.db, { today: '2027-02-30' })).rejects.toThrow(/The demo date must be a calendar date written YYYY-MM-DD, not "2027-02-30"/);
    expect((await tableCounts(database)).users).toBe(0);
  });

  it('writes all or nothing: a failure half-way leaves the database as it was', async () => {
    const database = await freshDatabase();
    // no users, but a record in the way of the people insert (same id as a demo person)
    await database.db
      .insertInto('people')
      .values({ id: demoIds.person('katrinWellmann'), organisation_id: null, name: 'Someone else', function: null, emails: jsonText([]), phones: jsonText([]), languages: jsonText([]), lawful_basis: 'consent', consent_date: null, consent_source: null, recorded_by_organisation_id: null })
      .execute();
    const before = await tableCounts(database);
    await expect(seedDemo(database.db, { today: DAY })).rejects.toThrow(/UNIQUE|PRIMARY KEY|duplicate key/i);
    expect(await tableCounts(database)).toEqual(before);
    expect(before.organisations).toBe(0);
  });
});

/** What a newcomer finds through the API on `day` (10:00 in Brussels), signed in as a demo officer. */
async function demoSeededFor(day: string) {
  const database = await freshDatabase();
  await seedDemo(database.db, { today: day });
  const now = new Date(`${day}T09:00:00Z`);
  const app = createApp({ db: database.db, settings: settingsFrom({}), clock: () => now });
  const signedIn = async (email: string) => {
    const anonymous = client(app, null);
    const origin = { Origin: 'http://localhost' };
    const reply = await anonymous.post('/api/auth/sign-in', { email, password: DEMO_SIGN_IN.password }, { headers: origin });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const headers = { ...origin, Cookie: reply.headers.get('set-cookie')!.split(';')[0]! };
    return async <T = any>(path: string): Promise<T> => {
      const answer = await anonymous.get<T>(path, { headers });
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      return answer.body;
    };
  };
  return { database, now, rn: await signedIn('officer.rn@demo.regiodesk.eu'), vb: await signedIn('officer.vb@demo.regiodesk.eu') };
}

const DAY_MS = 86_400_000;
/** Days across the year: December before and after the work plan is proposed, January (the widest drift between events and the cycle), mid-year, November, and a leap day. */
const DAYS = ['2026-12-07', '2027-01-15', '2027-06-30', '2027-11-16', '2027-12-20', '2028-02-29'];

describe.each(DAYS)('the demo seeded for %s, read through the API', (day) => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  let seeded: Awaited<ReturnType<typeof demoSeededFor>>;
  beforeAll(async () => {
    seeded = await demoSeededFor(day);
  });

  it('shows the Rhein-Neckar officer upcoming call deadlines and milestones on the deadline dashboard', async () => {
    const dashboard = await seeded.rn<{ items: { kind: string; at: string }[] }>('/api/deadlines?days=90');
    const deadlines = dashboard.items.filter((i) => i.kind === 'call_deadline');
    expect(deadlines.length).toBeGreaterThanOrEqual(2);
    expect(dashboard.items.some((i) => i.kind === 'milestone')).toBe(true);
    // the next one within a month
    expect(Date.parse(dashboard.items[0]!.at) - seeded.now.getTime()).toBeLessThan(31 * DAY_MS);
    const watched = await seeded.rn<{ items: { call: { watched: boolean } | null }[] }>('/api/deadlines?days=90&watched=true');
    expect(watched.items.filter((i) => i.call?.watched).length).toBeGreaterThanOrEqual(1);
  });

  it('gives each officer overdue tasks and tasks due within the week', async () => {
    for (const as of [seeded.rn, seeded.vb]) {
      expect((await as<{ items: unknown[] }>('/api/tasks?mine=true&state=overdue')).items.length).toBeGreaterThanOrEqual(2);
      expect((await as<{ items: unknown[] }>('/api/tasks?mine=true&state=due')).items.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has last year’s evaluation adopted, this year’s in progress from November, and the work plans of the cycle’s phase', async () => {
    const evaluations = await seeded.rn<{ items: { year: number; status: string }[] }>(`/api/evaluations?partnershipId=${PARTNERSHIP}`);
    const evaluated = Object.fromEntries(evaluations.items.map((e) => [e.year, e.status]));
    expect(evaluated[year - 1]).toBe('adopted');
    expect(evaluated[year]).toBe(month >= 11 ? 'draft' : undefined);
    const plans = await seeded.rn<{ items: { year: number; status: string }[] }>(`/api/workplans?partnershipId=${PARTNERSHIP}`);
    const planned = Object.fromEntries(plans.items.map((p) => [p.year, p.status]));
    expect(planned[year - 1]).toBe('adopted');
    expect(planned[year]).toBe('adopted');
    expect(planned[year + 1]).toBe(month < 12 ? undefined : Number(day.slice(8)) > 10 ? 'proposed' : 'draft');
    // the obligations of last year are met: the visit held, the evaluation adopted in November, the plan proposed in December
    const obligations = await seeded.rn<{ items: { code: string; state: string }[] }>(`/api/partnerships/${PARTNERSHIP}/obligations?year=${year - 1}`);
    expect(Object.fromEntries(obligations.items.filter((o) => ['visits', 'evaluation', 'work_plan'].includes(o.code)).map((o) => [o.code, o.state]))).toEqual({ visits: 'green', evaluation: 'green', work_plan: 'green' });
  });

  it('has no activity planned in the past nor done in the future, some held in the last weeks and some coming', async () => {
    const activities = await seeded.rn<{ items: { title: string; status: string; startsAt: string; endsAt: string }[] }>(`/api/activities?partnershipId=${PARTNERSHIP}&limit=200`);
    expect(activities.items).toHaveLength(15);
    const now = seeded.now.getTime();
    expect(activities.items.filter((a) => (a.status === 'planned' && Date.parse(a.startsAt) <= now) || (a.status === 'done' && Date.parse(a.endsAt) >= now))).toEqual([]);
    expect(activities.items.some((a) => a.status === 'done' && now - Date.parse(a.endsAt) < 21 * DAY_MS)).toBe(true);
    expect(activities.items.some((a) => a.status === 'planned' && Date.parse(a.startsAt) - now < 21 * DAY_MS)).toBe(true);
  });

  it('has every agreement in force unless a successor renewed it, the current one running from last year', async () => {
    const partnerships = await seeded.rn<{ items: { id: string; title: string; status: string; successorId: string | null; startsOn: string }[] }>('/api/partnerships?limit=50');
    expect(partnerships.items.length).toBeGreaterThanOrEqual(4);
    expect(partnerships.items.filter((p) => p.status !== 'active' && p.successorId === null)).toEqual([]);
    expect(partnerships.items.find((p) => p.id === PARTNERSHIP)).toMatchObject({ status: 'active', title: `Rhein-Neckar – Vlaams-Brabant ${year - 1}–${year + 2} (demo)`, startsOn: `${year - 1}-01-01` });
  });

  it('logs nothing after the day it is seeded for', async () => {
    const { db } = seeded.database;
    const future = (column: string, table: 'interactions' | 'feedback_links' | 'tasks' | 'people' | 'inform_log' | 'proposals' | 'milestones') =>
      db.selectFrom(table).select(sql<string>`${sql.ref(column)}`.as('at')).where(sql.ref(column), '>=', day).execute();
    expect(await future('occurred_at', 'interactions')).toEqual([]);
    expect(await future('answered_at', 'feedback_links')).toEqual([]);
    expect(await future('completed_at', 'tasks')).toEqual([]);
    expect(await future('consent_date', 'people')).toEqual([]);
    expect(await future('informed_on', 'inform_log')).toEqual([]);
    expect(await future('created_at', 'proposals')).toEqual([]);
    expect(await future('done_at', 'milestones')).toEqual([]);
  });
});
