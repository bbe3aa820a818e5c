/**
 * Every SQL statement about who watches which call, and the watched
 * deadlines the reminder run reads (the calendar feed's are in calendar.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { storedOffsets } from '../json-columns.js';

/** Starts watching (nothing happens when the user already watches the call). */
export async function insertWatch(db: Kysely<Database>, userId: string, callId: string, at: string): Promise<void> {
  await db.insertInto('call_watches').values({ user_id: userId, call_id: callId, created_at: at }).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteWatch(db: Kysely<Database>, userId: string, callId: string): Promise<void> {
  await db.deleteFrom('call_watches').where('user_id', '=', userId).where('call_id', '=', callId).execute();
}

export function findWatch(db: Kysely<Database>, userId: string, callId: string) {
  return db.selectFrom('call_watches').selectAll().where('user_id', '=', userId).where('call_id', '=', callId).executeTakeFirst();
}

export async function countWatchers(db: Kysely<Database>, callId: string): Promise<number> {
  const row = await db
    .selectFrom('call_watches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('call_id', '=', callId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The calls the user watches, most recently watched first, with the call's identifying fields. */
export function listWatchedCalls(db: Kysely<Database>, userId: string, page: PageRequest) {
  const query = db
    .selectFrom('call_watches')
    .innerJoin('calls', 'calls.id', 'call_watches.call_id')
    .leftJoin('programmes', 'programmes.id', 'calls.programme_id')
    .select([
      'call_watches.call_id',
      'call_watches.created_at as watched_at',
      'calls.identifier',
      'calls.title',
      'calls.programme_id',
      'programmes.name as programme_name',
      'calls.opening_at',
      'calls.link'
    ])
    .where('call_watches.user_id', '=', userId);
  return paginate(query, page, 'call_watches.created_at', 'call_watches.call_id', (r) => r.watched_at, (r) => r.call_id);
}

/** Everyone watching a call, with whether they take email (no settings row: yes) and the zone they read deadlines in (none: the default). Disabled accounts are left out. */
export function watchersOf(db: Kysely<Database>, callId: string) {
  return db
    .selectFrom('call_watches')
    .innerJoin('users', 'users.id', 'call_watches.user_id')
    .leftJoin('reminder_settings', 'reminder_settings.user_id', 'call_watches.user_id')
    .select(['call_watches.user_id', 'users.locale as user_locale', 'reminder_settings.email', 'reminder_settings.time_zone'])
    .where('call_watches.call_id', '=', callId)
    .where('users.disabled_at', 'is', null)
    .execute();
}

/**
 * Every watched deadline in (after, until]: one row per watcher and
 * deadline, with the call, the watcher's address and reminder settings
 * (null columns: the defaults). Disabled accounts are left out.
 */
export async function watchedDeadlinesBetween(db: Kysely<Database>, after: string, until: string) {
  const rows = await db
    .selectFrom('call_watches')
    .innerJoin('users', 'users.id', 'call_watches.user_id')
    .innerJoin('calls', 'calls.id', 'call_watches.call_id')
    .innerJoin('call_deadlines', 'call_deadlines.call_id', 'call_watches.call_id')
    .leftJoin('reminder_settings', 'reminder_settings.user_id', 'call_watches.user_id')
    .select([
      'call_watches.user_id',
      'users.email as user_email',
      'users.name as user_name',
      'users.locale as user_locale',
      'reminder_settings.offsets',
      'reminder_settings.email',
      'reminder_settings.time_zone',
      'calls.id as call_id',
      'calls.identifier',
      'calls.title',
      'call_deadlines.id as deadline_id',
      'call_deadlines.label',
      'call_deadlines.deadline_at',
      'call_deadlines.time_zone as deadline_zone'
    ])
    .where('users.disabled_at', 'is', null)
    .where('call_deadlines.deadline_at', '>', after)
    .where('call_deadlines.deadline_at', '<=', until)
    .orderBy('call_deadlines.deadline_at')
    .orderBy('call_watches.user_id')
    .execute();
  return rows.map(storedOffsets);
}
