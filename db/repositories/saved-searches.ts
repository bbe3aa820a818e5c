/**
 * Every SQL statement about saved searches, and the new calls their
 * digests are made of. `criteria` is JSON text.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, SavedSearchTable } from '../schema.js';
import { deadlinesOf, domainsOfCalls } from './calls.js';
import { type PageRequest, paginate } from './pagination.js';

export function listSavedSearches(db: Kysely<Database>, userId: string, page: PageRequest) {
  const query = db.selectFrom('saved_searches').selectAll().where('user_id', '=', userId);
  return paginate(query, page, 'created_at', 'id', (r) => r.created_at, (r) => r.id);
}

export function findSavedSearch(db: Kysely<Database>, userId: string, id: string) {
  return db.selectFrom('saved_searches').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export function insertSavedSearch(db: Kysely<Database>, values: Insertable<SavedSearchTable>) {
  return db.insertInto('saved_searches').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateSavedSearch(db: Kysely<Database>, id: string, version: number, values: Updateable<SavedSearchTable>) {
  return db
    .updateTable('saved_searches')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSavedSearch(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('saved_searches').where('id', '=', id).execute();
}

/** Every saved search of an active account, with the owner's address and email choice (null: the default). */
export function savedSearchesForDigest(db: Kysely<Database>) {
  return db
    .selectFrom('saved_searches')
    .innerJoin('users', 'users.id', 'saved_searches.user_id')
    .leftJoin('reminder_settings', 'reminder_settings.user_id', 'saved_searches.user_id')
    .selectAll('saved_searches')
    .select(['reminder_settings.email', 'reminder_settings.time_zone'])
    .where('users.disabled_at', 'is', null)
    .orderBy('saved_searches.created_at')
    .orderBy('saved_searches.id')
    .execute();
}

/**
 * Moves a search's digest mark from `previous` to `at`; false when another
 * run moved it first (so only one run makes each digest).
 */
export async function advanceDigest(db: Kysely<Database>, id: string, previous: string | null, at: string): Promise<boolean> {
  let query = db.updateTable('saved_searches').set({ last_digest_at: at }).where('id', '=', id);
  query = previous === null ? query.where('last_digest_at', 'is', null) : query.where('last_digest_at', '=', previous);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Calls recorded in (after, until], oldest first, with their domains and deadlines. */
export async function callsCreatedBetween(db: Kysely<Database>, after: string, until: string) {
  const calls = await db
    .selectFrom('calls')
    .select(['id', 'identifier', 'title', 'programme_id', 'opening_at', 'keywords', 'created_at'])
    .where('created_at', '>', after)
    .where('created_at', '<=', until)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = calls.map((c) => c.id);
  const [domains, deadlines] = await Promise.all([domainsOfCalls(db, ids), deadlinesOf(db, ids)]);
  return calls.map((c) => ({
    ...c,
    domainIds: domains.filter((d) => d.call_id === c.id).map((d) => d.domain_id),
    deadlines: deadlines.filter((d) => d.call_id === c.id).map((d) => ({ at: d.deadline_at, timeZone: d.time_zone }))
  }));
}
