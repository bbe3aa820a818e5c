/**
 * Every SQL statement about personal calendar feeds (a secret token stored
 * as its SHA-256, revocable, with its last use), and the milestones and
 * tasks a feed shows. Deadlines of watched calls come from watches.ts.
 */
import type { Insertable, Kysely } from 'kysely';
import type { CalendarFeedTable, Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { taskVisible } from './tasks.js';

export function insertFeed(db: Kysely<Database>, values: Insertable<CalendarFeedTable>) {
  return db.insertInto('calendar_feeds').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The user's feeds, newest first, revoked ones included. */
export function listFeeds(db: Kysely<Database>, userId: string) {
  return db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function countActiveFeeds(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findFeed(db: Kysely<Database>, userId: string, id: string) {
  return db.selectFrom('calendar_feeds').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Revokes the feed (the first revocation time stays). */
export async function revokeFeed(db: Kysely<Database>, userId: string, id: string, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** The feed behind a token hash with its owner, when neither is revoked or disabled. */
export function findActiveFeedByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.id', 'calendar_feeds.user_id', 'calendar_feeds.last_used_at', 'users.name as user_name', 'users.organisation_id'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function touchFeed(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('id', '=', id).execute();
}

/**
 * Milestones not yet done of the proposals of these partnerships, with the
 * proposal and the zone of its call (its last deadline's zone; null
 * without a call).
 */
export function openMilestonesOf(db: Kysely<Database>, partnershipIds: string[]) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .selectFrom('milestones as m')
    .innerJoin('proposals as pr', 'pr.id', 'm.proposal_id')
    .select((eb) => [
      'm.id',
      'm.kind',
      'm.title',
      'm.due_on',
      'm.due_time',
      'm.version',
      'pr.id as proposal_id',
      'pr.acronym',
      'pr.title as proposal_title',
      eb
        .selectFrom('call_deadlines as cd')
        .select('cd.time_zone')
        .whereRef('cd.call_id', '=', 'pr.call_id')
        .orderBy('cd.position', 'desc')
        .limit(1)
        .as('call_zone')
    ])
    .where('m.done_at', 'is', null)
    .where('pr.partnership_id', 'in', partnershipIds)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute();
}

/** Open tasks the user owns and may (still) see. */
export function openTasksOwnedBy(db: Kysely<Database>, scope: Scope, userId: string) {
  return db
    .selectFrom('tasks')
    .select(['tasks.id', 'tasks.kind', 'tasks.title', 'tasks.description', 'tasks.due_on', 'tasks.version', 'tasks.updated_at'])
    .where('tasks.owner_id', '=', userId)
    .where('tasks.status', '=', 'open')
    .where(taskVisible(scope, userId))
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
}
