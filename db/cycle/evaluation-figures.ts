/**
 * Every SQL statement behind the figures of a yearly evaluation: what was
 * logged for one partnership in one calendar year, as plain rows for the
 * pure counting in api/cycle/services/evaluation-figures.ts.
 *
 * What belongs to year Y:
 * - Activities: linked to the partnership (activity_partnerships), held —
 *   not cancelled and ended (`ends_at`) by the time of counting (`now`; a
 *   planned activity whose end has passed counts: it was most likely held
 *   and only not marked done; one still ahead does not) — whose local start
 *   (`starts_local`, the wall time where the activity happens) falls in Y; an
 *   activity without a stored local time falls back to its UTC start. A
 *   reception at 00:30 on 1 January in Brussels (31 December in UTC) belongs
 *   to the new year. Figures frozen at adoption keep what was held then.
 * - Participants, feedback answers and cost items: those of these activities.
 *   A participant's organisation is the one they took part for, else their
 *   person's organisation.
 * - Follow-ups: the partnership's follow-up tasks due in Y, the very
 *   definition of the follow-up completion rate (api/activities/services/follow-ups.ts,
 *   `followUpTally`), so both places show the same figure.
 * - Budget: the sum of the partnership's budget lines for Y (every
 *   organisation's), null when there is none.
 * - Proposals: the partnership's candidate projects created in Y (UTC date
 *   of `created_at`) or decided in Y — decided being the first time the audit
 *   trail shows them approved, rejected, running or closed (without such an
 *   entry, a decided proposal's last change). A proposal created in one year
 *   and decided in the next counts in both. Its stage is its current one;
 *   its programme that of its call.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { perEngine } from '../engine-sql.js';
import type { Database } from '../schema.js';
import { followUpTally } from '../activities/tasks.js';

const DECIDED_STAGES = ['approved', 'rejected', 'running', 'closed'];

function yearOf(year: number): string {
  return String(year).padStart(4, '0');
}

/** The held activities of the partnership that start (locally) in `year`: not cancelled and ended by `now` (an ISO instant). */
export function activitiesOfYear(db: Kysely<Database>, partnershipId: string, year: number, now: string) {
  return db
    .selectFrom('activities')
    .innerJoin('activity_partnerships as ap', 'ap.activity_id', 'activities.id')
    .leftJoin('regions', 'regions.id', 'activities.host_region_id')
    .select(['activities.id', 'activities.type', 'activities.political_level', 'activities.host_region_id', 'regions.name as host_region_name'])
    .where('ap.partnership_id', '=', partnershipId)
    .where('activities.status', '!=', 'cancelled')
    .where(perEngine(sql<SqlBool>`julianday(activities.ends_at) <= julianday(${now})`, sql<SqlBool>`activities.ends_at::timestamptz <= ${now}::timestamptz`))
    .where(sql<string>`substr(coalesce(activities.starts_local, activities.starts_at), 1, 4)`, '=', yearOf(year))
    .orderBy('activities.id')
    .execute();
}

export function domainsOfActivities(db: Kysely<Database>, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('activity_domains')
    .innerJoin('domains', 'domains.id', 'activity_domains.domain_id')
    .select(['activity_domains.activity_id', 'domains.id as domain_id', 'domains.label_en', 'domains.label_de', 'domains.label_nl'])
    .where('activity_domains.activity_id', 'in', activityIds)
    .execute();
}

/** Every participant of these activities with attendance and organisation (kind, region). */
export function participantsOfActivities(db: Kysely<Database>, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('activity_participants as ptc')
    .leftJoin('people', 'people.id', 'ptc.person_id')
    .leftJoin('organisations', (join) => join.on(sql`organisations.id`, '=', sql`coalesce(ptc.organisation_id, people.organisation_id)`))
    .leftJoin('regions', 'regions.id', 'organisations.region_id')
    .select([
      'ptc.id',
      'ptc.activity_id',
      'ptc.attendance',
      'organisations.id as organisation_id',
      'organisations.kind as organisation_kind',
      'organisations.region_id',
      'regions.name as region_name'
    ])
    .where('ptc.activity_id', 'in', activityIds)
    .execute();
}

/** The ratings (1–5) given through the feedback links of these activities. */
export async function ratingsOfActivities(db: Kysely<Database>, activityIds: string[]): Promise<number[]> {
  if (!activityIds.length) return [];
  const rows = await db
    .selectFrom('feedback_links')
    .select('rating')
    .where('activity_id', 'in', activityIds)
    .where('rating', 'is not', null)
    .where('answered_at', 'is not', null)
    .execute();
  return rows.map((r) => r.rating!);
}

export function costsOfActivities(db: Kysely<Database>, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return db.selectFrom('cost_items').select(['state', 'amount_eur_cents']).where('activity_id', 'in', activityIds).execute();
}

/** The sum of the partnership's budget lines for the year, null when it has none. */
export async function budgetOfYear(db: Kysely<Database>, partnershipId: string, year: number): Promise<number | null> {
  const row = await db
    .selectFrom('budgets')
    .select((eb) => [eb.fn.sum<number | null>('amount_eur_cents').as('cents'), eb.fn.countAll<number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row && Number(row.n) > 0 ? Number(row.cents ?? 0) : null;
}

/** The partnership's follow-ups due in the year: open, done, cancelled (as the completion rate counts them). */
export function followUpsOfYear(db: Kysely<Database>, partnershipId: string, year: number, today: string) {
  return followUpTally(db, partnershipId, `${yearOf(year)}-01-01`, `${yearOf(year)}-12-31`, today);
}

/** The partnership's proposals created or decided in the year, with stage and programme. */
export function proposalsOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  const decidedAt = sql<string | null>`coalesce(
    (SELECT min(ae.at) FROM audit_events ae
     WHERE ae.entity_type = 'proposal' AND ae.entity_id = proposals.id
       AND ${perEngine(sql`json_extract(ae."after", '$.stage')`, sql`(ae."after"::jsonb ->> 'stage')`)} IN (${sql.join(DECIDED_STAGES)})),
    CASE WHEN proposals.stage IN (${sql.join(DECIDED_STAGES)}) THEN proposals.updated_at END)`;
  return db
    .selectFrom('proposals')
    .leftJoin('calls', 'calls.id', 'proposals.call_id')
    .leftJoin('programmes', 'programmes.id', 'calls.programme_id')
    .select([
      'proposals.id',
      'proposals.stage',
      'programmes.id as programme_id',
      'programmes.code as programme_code',
      'programmes.name as programme_name',
      'proposals.created_at',
      decidedAt.as('decided_at')
    ])
    .where('proposals.partnership_id', '=', partnershipId)
    .where((eb) => eb.or([eb(sql<string>`substr(proposals.created_at, 1, 4)`, '=', yearOf(year)), eb(sql<string>`substr(${decidedAt}, 1, 4)`, '=', yearOf(year))]))
    .orderBy('proposals.id')
    .execute();
}

export type FigureActivityRow = Awaited<ReturnType<typeof activitiesOfYear>>[number];
export type FigureDomainRow = Awaited<ReturnType<typeof domainsOfActivities>>[number];
export type FigureParticipantRow = Awaited<ReturnType<typeof participantsOfActivities>>[number];
export type FigureCostRow = Awaited<ReturnType<typeof costsOfActivities>>[number];
export type FigureProposalRow = Awaited<ReturnType<typeof proposalsOfYear>>[number];

/** Everything the figures of one partnership and year are counted from. */
export interface FigureRows {
  partnershipId: string;
  year: number;
  activities: FigureActivityRow[];
  domains: FigureDomainRow[];
  participants: FigureParticipantRow[];
  ratings: number[];
  followUps: { open: number; done: number; cancelled: number };
  costs: FigureCostRow[];
  budgetCents: number | null;
  proposals: Pick<FigureProposalRow, 'id' | 'stage' | 'programme_id' | 'programme_code' | 'programme_name' | 'decided_at'>[];
}

/** The rows counted at `now` (an ISO instant: activities not yet ended are left out; follow-ups are open or overdue as of its day). */
export async function figureRows(db: Kysely<Database>, partnershipId: string, year: number, now: string): Promise<FigureRows> {
  const today = now.slice(0, 10);
  const activities = await activitiesOfYear(db, partnershipId, year, now);
  const ids = activities.map((a) => a.id);
  const [domains, participants, ratings, costs, budgetCents, followUps, proposals] = await Promise.all([
    domainsOfActivities(db, ids),
    participantsOfActivities(db, ids),
    ratingsOfActivities(db, ids),
    costsOfActivities(db, ids),
    budgetOfYear(db, partnershipId, year),
    followUpsOfYear(db, partnershipId, year, today),
    proposalsOfYear(db, partnershipId, year)
  ]);
  return { partnershipId, year, activities, domains, participants, ratings, followUps, costs, budgetCents, proposals };
}
