/**
 * What relied on a person's consent: the interactions logged with them and
 * the activities they took part in, as far as the caller may see them.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { activityVisible } from '../activities/visibility.js';
import { interactionVisible } from '../crm/visibility.js';

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
