/**
 * The SQL behind matchmaking: candidate organisations in the partner
 * regions, and when we were last in touch with each of them (interactions
 * logged on them or their people; activities they took part in). Only
 * what the scope may see counts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { activityVisible } from './visibility.js';
import { interactionVisible } from '../crm/interactions.js';
import { organisationVisible } from '../crm/visibility.js';

/** Attendance that means the organisation was not there. */
const ABSENT = ['excused', 'no_show'];

export function domainsOfActivity(db: Kysely<Database>, activityId: string): Promise<string[]> {
  return db
    .selectFrom('activity_domains')
    .select('domain_id')
    .where('activity_id', '=', activityId)
    .execute()
    .then((rows) => rows.map((r) => r.domain_id));
}

/** Organisations the scope may see in the given regions, with the region's name. */
export function organisationsInRegions(db: Kysely<Database>, scope: Scope, regionIds: string[]) {
  if (!regionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .innerJoin('regions', 'regions.id', 'organisations.region_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'organisations.region_id', 'regions.name as region_name'])
    .where('organisations.region_id', 'in', regionIds)
    .where(organisationVisible(scope))
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

/** The latest visible interaction (at or before `until`) with each organisation or someone working there. */
export async function lastInteractions(db: Kysely<Database>, scope: Scope, organisationIds: string[], until: string): Promise<Map<string, string>> {
  if (!organisationIds.length) return new Map();
  const direct = db
    .selectFrom('interactions')
    .select(['interactions.organisation_id as organisation_id', 'interactions.occurred_at'])
    .where('interactions.organisation_id', 'in', organisationIds)
    .where('interactions.occurred_at', '<=', until)
    .where(interactionVisible(scope));
  const viaPeople = db
    .selectFrom('interactions')
    .innerJoin('people', 'people.id', 'interactions.person_id')
    .select(['people.organisation_id as organisation_id', 'interactions.occurred_at'])
    .where('people.organisation_id', 'in', organisationIds)
    .where('interactions.occurred_at', '<=', until)
    .where(interactionVisible(scope));
  const rows = await db
    .selectFrom(direct.unionAll(viaPeople).as('contact'))
    .select(['contact.organisation_id', (eb) => eb.fn.max('contact.occurred_at').as('last')])
    .groupBy('contact.organisation_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.organisation_id && r.last ? [[r.organisation_id, String(r.last)] as [string, string]] : [])));
}

/**
 * Visible activities that ended at or before `until`, not cancelled, that
 * each organisation took part in (itself or through its people) and did
 * not miss.
 */
export function participations(db: Kysely<Database>, scope: Scope, organisationIds: string[], until: string) {
  if (!organisationIds.length) return Promise.resolve([]);
  const organisation = sql<string>`coalesce(activity_participants.organisation_id, people.organisation_id)`;
  return db
    .selectFrom('activity_participants')
    .innerJoin('activities', 'activities.id', 'activity_participants.activity_id')
    .leftJoin('people', 'people.id', 'activity_participants.person_id')
    .select([organisation.as('organisation_id'), 'activities.id as activity_id', 'activities.title', 'activities.ends_at', 'activities.time_zone'])
    .where(organisation, 'in', organisationIds)
    .where('activity_participants.attendance', 'not in', ABSENT)
    .where('activities.status', '!=', 'cancelled')
    .where('activities.ends_at', '<=', until)
    .where(activityVisible(scope))
    .distinct()
    .execute();
}

/** The regions that exist among `ids`, with their names. */
export function regionsNamed(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('regions').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Organisations that are a party of any partnership in these regions: the administrations organising the cooperation, never suggested. */
export async function partyOrganisationsIn(db: Kysely<Database>, regionIds: string[]): Promise<Set<string>> {
  if (!regionIds.length) return new Set();
  const rows = await db.selectFrom('partnership_parties').select('organisation_id').distinct().where('region_id', 'in', regionIds).execute();
  return new Set(rows.map((r) => r.organisation_id));
}
