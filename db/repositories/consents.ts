/**
 * Every SQL statement about a person's consent history (`person_consents`)
 * and what relied on their consent: interactions logged with them and the
 * activities they took part in.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { activityVisible } from './activity-access.js';
import { interactionVisible } from './visibility.js';

/** The person's consent events, oldest first, with the name of the user who recorded each. */
export function consentEventsOf(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('person_consents')
    .leftJoin('users', 'users.id', 'person_consents.by_user_id')
    .select(['person_consents.seq', 'person_consents.event', 'person_consents.on_date', 'person_consents.how', 'person_consents.at', 'person_consents.by_user_id', 'users.name as by_user_name'])
    .where('person_consents.person_id', '=', personId)
    .orderBy('person_consents.seq')
    .execute();
}

export type ConsentEventRow = Awaited<ReturnType<typeof consentEventsOf>>[number];

export async function insertConsentEvent(
  db: Kysely<Database>,
  values: { person_id: string; event: 'given' | 'withdrawn'; on_date: string; how: string; by_user_id: string | null; at: string }
): Promise<void> {
  await db.insertInto('person_consents').values(values).execute();
}

/** Of these people, those whose latest consent event is a withdrawal. */
export async function peopleWithWithdrawnConsent(db: Kysely<Database>, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectFrom('person_consents as c')
    .select('c.person_id')
    .where('c.person_id', 'in', personIds)
    .where('c.event', '=', 'withdrawn')
    .where('c.seq', '=', (eb) => eb.selectFrom('person_consents as latest').select((e) => e.fn.max('latest.seq').as('seq')).whereRef('latest.person_id', '=', 'c.person_id'))
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Per user: how many interactions visible to the scope they logged with the person since `since` (a date), and the latest. */
export function interactionAuthorsSince(db: Kysely<Database>, scope: Scope, personId: string, since: string) {
  return db
    .selectFrom('interactions')
    .leftJoin('users', 'users.id', 'interactions.author_id')
    .select([
      'interactions.author_id',
      'users.name as author_name',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.max('interactions.occurred_at').as('latest')
    ])
    .where('interactions.person_id', '=', personId)
    .where('interactions.occurred_at', '>=', since)
    .where(interactionVisible(scope))
    .groupBy(['interactions.author_id', 'users.name'])
    .orderBy(sql`max(interactions.occurred_at)`, 'desc')
    .execute();
}

/** The activities visible to the scope the person took part in, starting on or after `since` (a date), newest first. */
export function participationsSince(db: Kysely<Database>, scope: Scope, personId: string, since: string) {
  return db
    .selectFrom('activity_participants')
    .innerJoin('activities', 'activities.id', 'activity_participants.activity_id')
    .select(['activities.id', 'activities.title', 'activities.starts_at', 'activity_participants.role'])
    .where('activity_participants.person_id', '=', personId)
    .where('activities.starts_at', '>=', since)
    .where(activityVisible(scope))
    .orderBy('activities.starts_at', 'desc')
    .orderBy('activities.id')
    .execute();
}
