/**
 * Every SQL statement about personal calendar feeds (a secret token stored
 * as its SHA-256, revocable, with its last use), and the milestones and
 * deadlines, milestones and tasks a feed shows, and their fingerprint.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect.js';
import { perEngine } from '../engine-sql.js';
import type { CalendarFeedTable, Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { callZoneOf, openMilestoneRows, openMilestonesWithZone } from '../proposals/milestones.js';
import { taskVisible } from '../activities/tasks.js';
import { storedOffsets } from '../json-columns.js';

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

/** The feed behind a token hash with its owner and their reminder days (null: no settings or a damaged value), when neither is revoked or disabled. */
export async function findActiveFeedByHash(db: Kysely<Database>, tokenHash: string) {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .leftJoin('reminder_settings', 'reminder_settings.user_id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.id', 'calendar_feeds.user_id', 'calendar_feeds.last_used_at', 'users.name as user_name', 'users.locale as user_locale', 'users.organisation_id', 'reminder_settings.offsets'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row && storedOffsets(row);
}

export async function touchFeed(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('id', '=', id).execute();
}

// What a feed shows: each part's rows are chosen by one query, read in
// full for writing the feed and folded into a fingerprint for its ETag, so
// the two cannot disagree about which rows count.

/** Every deadline of the calls the user watches. */
function feedDeadlineRows(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('call_watches as w')
    .innerJoin('calls as c', 'c.id', 'w.call_id')
    .innerJoin('call_deadlines as d', 'd.call_id', 'w.call_id')
    .leftJoin('programmes as p', 'p.id', 'c.programme_id')
    .where('w.user_id', '=', userId);
}

/** The milestones not yet done of the proposals of these partnerships (none without). */
function feedMilestoneRows(db: Kysely<Database>, partnershipIds: string[]) {
  return openMilestoneRows(db).where('pr.partnership_id', 'in', partnershipIds.length ? partnershipIds : ['']);
}

/** The open tasks the user owns and may (still) see. */
function feedTaskRows(db: Kysely<Database>, scope: Scope, userId: string) {
  return db.selectFrom('tasks').where('tasks.owner_id', '=', userId).where('tasks.status', '=', 'open').where(taskVisible(scope, userId));
}

export type FeedDeadlineRow = Awaited<ReturnType<typeof feedDeadlinePage>>[number];

/**
 * A page of the deadlines of the calls the user watches, with the call, in
 * the order of call and position, after the deadline `after` (keyset: an
 * index walk that stops at `limit`, whatever the number of watches).
 */
export function feedDeadlinePage(db: Kysely<Database>, userId: string, after: { callId: string; position: number } | null, limit: number) {
  let query = feedDeadlineRows(db, userId).select([
    'c.id as call_id',
    'c.identifier',
    'c.title',
    'c.link',
    'c.version',
    'c.updated_at',
    'p.name as programme_name',
    'd.id as deadline_id',
    'd.position',
    'd.label',
    'd.deadline_at',
    'd.time_zone',
    'd.assumed'
  ]);
  if (after) query = query.where('w.call_id', '>=', after.callId).where((eb) => eb.or([eb('w.call_id', '>', after.callId), eb('d.position', '>', after.position)]));
  return query.orderBy('w.call_id').orderBy('d.position').limit(limit).execute();
}

/** Open milestones of the proposals of these partnerships, with the proposal and the zone of its call. */
export function openMilestonesOf(db: Kysely<Database>, partnershipIds: string[]) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return openMilestonesWithZone(db)
    .where('pr.partnership_id', 'in', partnershipIds)
    .select(['m.version', 'pr.title as proposal_title'])
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute();
}

/** Open tasks the user owns and may (still) see. */
export function openTasksOwnedBy(db: Kysely<Database>, scope: Scope, userId: string) {
  return feedTaskRows(db, scope, userId)
    .select(['tasks.id', 'tasks.kind', 'tasks.title', 'tasks.description', 'tasks.due_on', 'tasks.version', 'tasks.updated_at'])
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
}

export interface FeedFingerprint {
  deadlines: string;
  milestones: string;
  tasks: string;
}

/**
 * What the feed's content depends on, one text per part: the count of its
 * rows and, for each row in id order, its versions and the columns no
 * version covers (a deadline has none; names of programmes, proposals and
 * the call's zone come from other records; text is quoted, so no two
 * rows read alike). Changes exactly when a row comes, goes or changes;
 * computed in SQLite without reading the rows out (about 15 ms for 10,000
 * watched deadlines).
 */
export async function feedFingerprint(db: Kysely<Database>, scope: Scope, userId: string, partnershipIds: string[]): Promise<FeedFingerprint> {
  const row = await db
    .selectNoFrom((eb) => [
      feedDeadlineRows(db, userId)
        .select(
          perEngine(
            sql<string>`count(*) || ':' || coalesce(group_concat(concat_ws(',', d.id, d.position, quote(d.label), d.deadline_at, quote(d.time_zone), d.assumed, c.version, c.updated_at, quote(p.name)), ';' ORDER BY d.id), '')`,
            sql<string>`count(*) || ':' || coalesce(string_agg(concat_ws(',', d.id, d.position, quote_nullable(d.label), d.deadline_at, quote_nullable(d.time_zone), d.assumed, c.version, c.updated_at, quote_nullable(p.name)), ';' ORDER BY d.id), '')`
          ).as('f')
        )
        .as('deadlines'),
      feedMilestoneRows(db, partnershipIds)
        .select((e) =>
          perEngine(
            sql<string>`count(*) || ':' || coalesce(group_concat(json_array(m.id, m.version, m.title, m.due_on, m.due_time, pr.id, pr.version, pr.acronym, pr.title, (${callZoneOf(e)})), ',' ORDER BY m.id), '')`,
            sql<string>`count(*) || ':' || coalesce(string_agg(json_build_array(m.id, m.version, m.title, m.due_on, m.due_time, pr.id, pr.version, pr.acronym, pr.title, (${callZoneOf(e)}))::text, ',' ORDER BY m.id), '')`
          ).as('f')
        )
        .as('milestones'),
      feedTaskRows(db, scope, userId)
        .select(
          perEngine(
            sql<string>`count(*) || ':' || coalesce(group_concat(json_array(tasks.id, tasks.version, tasks.updated_at, tasks.kind, tasks.due_on), ',' ORDER BY tasks.id), '')`,
            sql<string>`count(*) || ':' || coalesce(string_agg(json_build_array(tasks.id, tasks.version, tasks.updated_at, tasks.kind, tasks.due_on)::text, ',' ORDER BY tasks.id), '')`
          ).as('f')
        )
        .as('tasks')
    ])
    .executeTakeFirstOrThrow();
  return { deadlines: row.deadlines ?? '', milestones: row.milestones ?? '', tasks: row.tasks ?? '' };
}

/**
 * A value that changes whenever anything in the database may have changed:
 * the rows this connection changed since it opened (`total_changes()`,
 * triggers included) and the commits of other connections
 * (`PRAGMA data_version`). One statement, no table read: lets a feed's
 * fingerprint be reused while nothing was written.
 */
export async function databaseGeneration(db: Kysely<Database>): Promise<string> {
  if (engineOf(db) === 'postgres') {
    // PostgreSQL: the position where the next write-ahead log record goes; every write of every session moves it
    // (so do writes elsewhere on the server: a fingerprint is then computed again for nothing, never kept stale)
    const row = await sql<{ position: string }>`SELECT pg_current_wal_insert_lsn()::text AS position`.execute(db);
    return row.rows[0]!.position;
  }
  const row = await sql<{ changes: number; version: number }>`SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`.execute(db);
  const { changes, version } = row.rows[0]!;
  return `${changes}/${version}`;
}
