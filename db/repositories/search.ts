/**
 * Full-text search over names through the FTS5 table `search_index`
 * (tokenizer unicode61 with remove_diacritics 2, kept in step by triggers):
 * "Lowen" finds "Löwen", "universitat" finds "Universität".
 *
 * What a person types never reaches MATCH as syntax: it is cut into words
 * (letters, digits and combining marks), each word is quoted with its quotes
 * doubled and prefix-matched, and all words must match (`"kul"* "leu"*`).
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { organisationVisible, partnershipVisible, personVisible } from './visibility.js';

export type SearchEntityType = 'organisation' | 'person' | 'partnership' | 'activity' | 'proposal' | 'call';

/** At most this many words count; the rest of a pasted paragraph is ignored. */
const MAX_WORDS = 12;
/** Only the first this many characters are read (the API takes 200), so no caller can hand it a book. */
const MAX_LENGTH = 500;

/** The FTS5 MATCH expression for what a person typed, or null when it holds no word at all. */
export function ftsMatchExpression(text: string): string | null {
  const words = text
    .slice(0, MAX_LENGTH)
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
  if (!words.length) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** Ids of the records of one type whose indexed text matches `text`. */
export function matchingIds(eb: ExpressionBuilder<Database, any>, entityType: SearchEntityType, match: string) {
  return eb
    .selectFrom('search_index')
    .select('search_index.entity_id')
    .where('search_index.entity_type', '=', entityType)
    .where(sql<boolean>`search_index MATCH ${match}`);
}

export interface SearchHitRow {
  entity_type: SearchEntityType;
  entity_id: string;
}

/** The best-ranked matches across organisations, people, partnerships, activities, proposals and calls the scope may see. */
export function searchIndex(db: Kysely<Database>, scope: Scope, match: string, limit: number): Promise<SearchHitRow[]> {
  return db
    .selectFrom('search_index')
    .select(['search_index.entity_type', 'search_index.entity_id'])
    .where(sql<boolean>`search_index MATCH ${match}`)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('search_index.entity_type', '=', 'organisation'),
          eb('search_index.entity_id', 'in', eb.selectFrom('organisations').select('organisations.id').where(organisationVisible(scope)))
        ]),
        eb.and([
          eb('search_index.entity_type', '=', 'person'),
          eb('search_index.entity_id', 'in', eb.selectFrom('people').select('people.id').where(personVisible(scope)))
        ]),
        eb.and([
          eb('search_index.entity_type', '=', 'partnership'),
          eb('search_index.entity_id', 'in', eb.selectFrom('partnerships').select('partnerships.id').where(partnershipVisible(scope)))
        ]),
        // calls are shared reference data: every signed-in user finds them
        eb('search_index.entity_type', '=', 'call'),
        eb.and([
          eb('search_index.entity_type', '=', 'proposal'),
          eb('search_index.entity_id', 'in', eb.selectFrom('proposals').select('proposals.id').where(partnershipVisible(scope, 'proposals.partnership_id')))
        ]),
        eb.and([
          eb('search_index.entity_type', '=', 'activity'),
          eb(
            'search_index.entity_id',
            'in',
            eb.selectFrom('activity_partnerships').select('activity_partnerships.activity_id').where(partnershipVisible(scope, 'activity_partnerships.partnership_id'))
          )
        ])
      ])
    )
    .orderBy(sql`rank`)
    .orderBy('search_index.entity_id')
    .limit(limit)
    .execute() as Promise<SearchHitRow[]>;
}

/** Titles of partnerships found by a search (the partnership feature owns everything else about them). */
export function partnershipTitles(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('partnerships').select(['id', 'title', 'starts_on', 'ends_on']).where('id', 'in', ids).execute();
}

/** What a search shows of the activities it found. */
export function activitySummaries(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('activities').select(['id', 'title', 'city', 'country', 'starts_local', 'starts_at']).where('id', 'in', ids).execute();
}

/** What a search shows of the calls it found. */
export function callSummaries(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('calls').select(['id', 'identifier', 'title']).where('id', 'in', ids).execute();
}

/** What a search shows of the candidate projects it found. */
export function proposalSummaries(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('proposals').select(['id', 'acronym', 'title', 'stage']).where('id', 'in', ids).execute();
}
