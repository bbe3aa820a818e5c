/**
 * Every SQL statement about saved searches, and the new calls their
 * digests are made of. `criteria` is JSON (json-columns.ts).
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import { callJson, type Decoded, decodeItems, decodeRow, encodeRow, savedSearchJson } from '../json-columns.js';
import type { Database, SavedSearchTable } from '../schema.js';
import { deadlinesOf, domainsOfCalls } from './calls.js';
import { ftsMatchExpression, indexMatches } from '../crm/search.js';
import { type PageRequest, paginate } from '../platform/pagination.js';

export async function listSavedSearches(db: Kysely<Database>, userId: string, page: PageRequest) {
  const query = db.selectFrom('saved_searches').selectAll().where('user_id', '=', userId);
  return decodeItems(savedSearchJson, await paginate(query, page, 'created_at', 'id', (r) => r.created_at, (r) => r.id));
}

export async function findSavedSearch(db: Kysely<Database>, userId: string, id: string) {
  const row = await db.selectFrom('saved_searches').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row && decodeRow(savedSearchJson, row);
}

export async function insertSavedSearch(db: Kysely<Database>, values: Decoded<Insertable<SavedSearchTable>>) {
  return decodeRow(savedSearchJson, await db.insertInto('saved_searches').values(encodeRow(savedSearchJson, values)).returningAll().executeTakeFirstOrThrow());
}

/** Updates when the version still matches; returns undefined when it does not. */
export async function updateSavedSearch(db: Kysely<Database>, id: string, version: number, values: Decoded<Updateable<SavedSearchTable>>) {
  const row = await db
    .updateTable('saved_searches')
    .set((eb) => ({ ...encodeRow<Updateable<SavedSearchTable>>(savedSearchJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && decodeRow(savedSearchJson, row);
}

export async function deleteSavedSearch(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('saved_searches').where('id', '=', id).execute();
}

/**
 * Every saved search of an active account, with the owner's address and
 * email choice (null: the default). `criteria()` reads the criteria (and
 * throws for a damaged value), so one damaged search fails its own digest only.
 */
export async function savedSearchesForDigest(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('saved_searches')
    .innerJoin('users', 'users.id', 'saved_searches.user_id')
    .leftJoin('reminder_settings', 'reminder_settings.user_id', 'saved_searches.user_id')
    .selectAll('saved_searches')
    .select(['users.locale as user_locale', 'reminder_settings.email', 'reminder_settings.time_zone'])
    .where('users.disabled_at', 'is', null)
    .orderBy('saved_searches.created_at')
    .orderBy('saved_searches.id')
    .execute();
  return rows.map(({ criteria, ...row }) => ({ ...row, criteria: () => savedSearchJson.criteria.read(criteria) }));
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
/**
 * Of the calls `ids`, those whose indexed text holds every word of `text`,
 * found as the calls list finds them; null when `text` has no word to look for.
 */
export async function callsMatchingWords(db: Kysely<Database>, text: string, ids: string[]): Promise<Set<string> | null> {
  const match = ftsMatchExpression(text);
  if (!match) return null;
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('search_index')
    .select('search_index.entity_id')
    .where('search_index.entity_type', '=', 'call')
    .where('search_index.entity_id', 'in', ids)
    .where(indexMatches(match))
    .execute();
  return new Set(rows.map((row) => row.entity_id));
}

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
    ...decodeRow(callJson, c),
    domainIds: domains.filter((d) => d.call_id === c.id).map((d) => d.domain_id),
    deadlines: deadlines.filter((d) => d.call_id === c.id).map((d) => ({ at: d.deadline_at, timeZone: d.time_zone }))
  }));
}
