/**
 * The SQL behind a partnership's obligations of a year (api/cycle/services/obligations.ts):
 * its administrative visits, the evaluation of the year and the work plan of
 * the year after. Parties, the first-to-inform log and the agreement's
 * dates come from the repositories that own them.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Administrative visits of a partnership whose local start day falls in
 * `year` (activities keep the local wall time in `starts_local`; older rows
 * without it fall back to the UTC instant).
 */
export function administrativeVisits(db: Kysely<Database>, partnershipId: string, year: number) {
  const startsOn = sql<string>`substr(coalesce(activities.starts_local, activities.starts_at), 1, 10)`;
  return db
    .selectFrom('activities')
    .innerJoin('activity_partnerships', 'activity_partnerships.activity_id', 'activities.id')
    .select(['activities.id', 'activities.title', 'activities.status', startsOn.as('starts_on')])
    .where('activity_partnerships.partnership_id', '=', partnershipId)
    .where('activities.type', '=', 'administrative_visit')
    .where(startsOn, '>=', `${year}-01-01`)
    .where(startsOn, '<=', `${year}-12-31`)
    .orderBy(startsOn)
    .orderBy('activities.id')
    .execute();
}

export function evaluationOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  return db.selectFrom('evaluations').select(['id', 'status', 'proposed_at', 'adopted_at']).where('partnership_id', '=', partnershipId).where('year', '=', year).executeTakeFirst();
}

export function workPlanOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  return db.selectFrom('work_plans').select(['id', 'status', 'proposed_at', 'adopted_at', 'created_at']).where('partnership_id', '=', partnershipId).where('year', '=', year).executeTakeFirst();
}
