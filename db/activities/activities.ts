/**
 * Every SQL statement about activities, their partnerships and domains, the
 * participant counts and the activities on a timeline. Who may see an
 * activity is `activityVisible` (db/activities/visibility.ts).
 */
import { type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { perEngine } from '../engine-sql.js';
import type { ActivityTable, Database } from '../schema.js';
import type { Insertable, Updateable } from 'kysely';
import type { Scope } from '../scope.js';
import { activityVisible } from './visibility.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { ftsMatchExpression, matchingIds } from '../crm/search.js';

export interface ActivityFilter {
  /** the year of the local start (in the activity's own zone) */
  year?: number;
  type?: string;
  domainId?: string;
  partnershipId?: string;
  status?: string;
  /** activities overlapping [from, to): UTC instants */
  from?: string;
  to?: string;
  /** words typed by a person, matched by full-text search on title and city */
  q?: string;
}

function selectWithHost(db: Kysely<Database>) {
  return db.selectFrom('activities').leftJoin('regions as host', 'host.id', 'activities.host_region_id').selectAll('activities').select('host.name as host_region_name');
}

export type ActivityWithHostRow = NonNullable<Awaited<ReturnType<typeof findActivityWithHost>>>;

/** The row with its host region's name, whatever the scope (after a write, or once visibility is checked). */
export function findActivityWithHost(db: Kysely<Database>, id: string) {
  return selectWithHost(db).where('activities.id', '=', id).executeTakeFirst();
}

export function findVisibleActivityWithHost(db: Kysely<Database>, scope: Scope, id: string) {
  return selectWithHost(db).where('activities.id', '=', id).where(activityVisible(scope)).executeTakeFirst();
}

function filtered(db: Kysely<Database>, scope: Scope, filter: ActivityFilter) {
  let query = selectWithHost(db).where(activityVisible(scope));
  if (filter.year !== undefined) query = query.where('activities.starts_local', 'like', `${filter.year}-%`);
  if (filter.type) query = query.where('activities.type', '=', filter.type);
  if (filter.status) query = query.where('activities.status', '=', filter.status);
  if (filter.domainId) {
    const domainId = filter.domainId;
    query = query.where('activities.id', 'in', (eb) => eb.selectFrom('activity_domains').select('activity_domains.activity_id').where('activity_domains.domain_id', '=', domainId));
  }
  if (filter.partnershipId) {
    const partnershipId = filter.partnershipId;
    query = query.where('activities.id', 'in', (eb) =>
      eb.selectFrom('activity_partnerships').select('activity_partnerships.activity_id').where('activity_partnerships.partnership_id', '=', partnershipId)
    );
  }
  if (filter.to) query = query.where('activities.starts_at', '<', filter.to);
  if (filter.from) {
    const from = filter.from;
    // overlapping: still running at `from`, or starting at it (a zero-length activity included)
    query = query.where((eb) => eb.or([eb('activities.ends_at', '>', from), eb('activities.starts_at', '>=', from)]));
  }
  const match = filter.q ? ftsMatchExpression(filter.q) : null;
  if (match) query = query.where((eb) => eb('activities.id', 'in', matchingIds(eb, 'activity', match)));
  return query;
}

export function listActivities(db: Kysely<Database>, scope: Scope, filter: ActivityFilter, page: PageRequest) {
  return paginate(filtered(db, scope, filter), page, 'activities.starts_at', 'activities.id', (r) => r.starts_at, (r) => r.id);
}

/** Every matching activity in start order (for the export). */
export function allActivities(db: Kysely<Database>, scope: Scope, filter: ActivityFilter, direction: 'asc' | 'desc') {
  return filtered(db, scope, filter).orderBy('activities.starts_at', direction).orderBy('activities.id', direction).execute();
}

export function insertActivity(db: Kysely<Database>, values: Insertable<ActivityTable>) {
  return db.insertInto('activities').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateActivity(db: Kysely<Database>, id: string, version: number, values: Updateable<ActivityTable>) {
  return db
    .updateTable('activities')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteActivity(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

/** Partnerships of several activities at once. */
export function partnershipsOfActivities(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('activity_partnerships').select(['activity_id', 'partnership_id']).where('activity_id', 'in', ids).orderBy('partnership_id').execute();
}

export async function replaceActivityPartnerships(db: Kysely<Database>, id: string, partnershipIds: string[]): Promise<void> {
  await db.deleteFrom('activity_partnerships').where('activity_id', '=', id).execute();
  if (partnershipIds.length) await db.insertInto('activity_partnerships').values(partnershipIds.map((p) => ({ activity_id: id, partnership_id: p }))).execute();
}

/** Domains of several activities, with the partnership a partnership's own domain belongs to. */
export function domainsOfActivities(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('activity_domains')
    .innerJoin('domains', 'domains.id', 'activity_domains.domain_id')
    .select(['activity_domains.activity_id', 'activity_domains.domain_id', 'domains.partnership_id', 'domains.label_en', 'domains.label_de', 'domains.label_nl'])
    .where('activity_domains.activity_id', 'in', ids)
    .orderBy('domains.number')
    .orderBy('domains.label_en')
    .execute();
}

export async function replaceActivityDomains(db: Kysely<Database>, id: string, domainIds: string[]): Promise<void> {
  await db.deleteFrom('activity_domains').where('activity_id', '=', id).execute();
  if (domainIds.length) await db.insertInto('activity_domains').values(domainIds.map((d) => ({ activity_id: id, domain_id: d }))).execute();
}

/** Titles and follow-up defaults of partnerships, oldest first (UUIDv7 ids sort by creation). */
export function partnershipsByIds(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('partnerships').select(['id', 'title', 'follow_up_rule']).where('id', 'in', ids).orderBy('id').execute();
}

export type ParticipantCountRow = Awaited<ReturnType<typeof participantCountRows>>[number];

/**
 * One row per participant of the activities, with the organisation it
 * counts for (its own, else the person's) and that organisation's kind and
 * region.
 */
export function participantCountRows(db: Kysely<Database>, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('activity_participants as p')
    .leftJoin('people as person', 'person.id', 'p.person_id')
    .leftJoin('organisations as org', (join) => join.on(sql`org.id`, '=', sql`coalesce(p.organisation_id, person.organisation_id)`))
    .leftJoin('regions as region', 'region.id', 'org.region_id')
    .select(['p.activity_id', 'p.person_id', 'p.organisation_id', 'org.kind as kind', 'org.region_id as region_id', 'region.name as region_name'])
    .where('p.activity_id', 'in', activityIds)
    .execute();
}

export interface TimelineSubject {
  organisationId?: string;
  personId?: string;
}

/**
 * Activities the organisation (directly, or through a person working
 * there) or the person takes part in, newest first, for a timeline page.
 */
export function activitiesOnTimeline(db: Kysely<Database>, scope: Scope, subject: TimelineSubject, page: PageRequest) {
  const participating = (eb: ExpressionBuilder<Database, 'activities'>) => {
    const participants = eb.selectFrom('activity_participants').select('activity_participants.activity_id');
    if (subject.personId) return participants.where('activity_participants.person_id', '=', subject.personId);
    const organisationId = subject.organisationId ?? '';
    const itsPeople = (w: ExpressionBuilder<Database, 'activity_participants'>) => w.selectFrom('people').select('people.id').where('people.organisation_id', '=', organisationId);
    return participants.where((w) =>
      w.or([
        w('activity_participants.organisation_id', '=', organisationId),
        perEngine(w('activity_participants.person_id', 'in', itsPeople(w)), sql<SqlBool>`activity_participants.person_id = any(array(${itsPeople(w)}))`)
      ])
    );
  };
  // On PostgreSQL the ids as arrays, which the activities' and participants' keys are sought by (PostgreSQL keeps `= any(array(…))`
  // an index condition, also inside the OR): as IN subqueries, it may join the few participations to every activity, or every
  // participant, read whole.
  const query = db
    .selectFrom('activities')
    .select(['activities.id', 'activities.title', 'activities.type', 'activities.starts_at', 'activities.status', 'activities.time_zone'])
    .where(activityVisible(scope))
    .where((eb) => perEngine(eb('activities.id', 'in', participating(eb)), sql<SqlBool>`activities.id = any(array(${participating(eb)}))`));
  return paginate(query, page, 'activities.starts_at', 'activities.id', (r) => r.starts_at, (r) => r.id);
}
