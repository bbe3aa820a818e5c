/**
 * Full-text search over names through the FTS5 table `search_index`
 * (tokenizer unicode61 with remove_diacritics 2, kept in step by triggers):
 * "Lowen" finds "Löwen", "universitat" finds "Universität".
 *
 * What a person types never reaches MATCH as syntax: it is cut into words
 * (letters, digits and combining marks), each word is quoted with its quotes
 * doubled and prefix-matched, and all words must match (`"kul"* "leu"*`).
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { engineOf } from '../dialect.js';
import { existsProbe, perEngine } from '../engine-sql.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { foldedWords, SEARCH_FOLD } from '../search-fold.js';
import { type Condition, keptCondition, organisationVisible, partnershipVisible, personVisible } from './visibility.js';

export type SearchEntityType = 'organisation' | 'person' | 'partnership' | 'activity' | 'proposal' | 'call';

/** At most this many words count; the rest of a pasted paragraph is ignored. */
const MAX_WORDS = 12;
/** Only the first this many characters are read (the API takes 200), so no caller can hand it a book. */
const MAX_LENGTH = 500;

/** The words a person typed (at most MAX_WORDS), or an empty list when there is none. */
export function typedWords(text: string): string[] {
  return text
    .slice(0, MAX_LENGTH)
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
}

/** The FTS5 MATCH expression for what a person typed, or null when it holds no word at all. */
export function ftsMatchExpression(text: string): string | null {
  const words = typedWords(text);
  if (!words.length) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** The words of an FTS5 MATCH expression made by ftsMatchExpression (`"kul"* "leu"*`). */
function matchWords(match: string): string[] {
  return [...match.matchAll(/"((?:[^"]|"")*)"\*/g)].map((found) => found[1]!.replaceAll('""', '"'));
}

/**
 * PostgreSQL's query for an FTS5 MATCH expression: every word, prefix-matched
 * (`'kul':* & 'leu':*`), folded by the same configuration as the document.
 */
export function tsQueryOf(match: string): string {
  return matchWords(match)
    .map((word) => `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}':*`)
    .join(' & ');
}

/** `search_index` holds the words of `match` (made by ftsMatchExpression): FTS5's MATCH on SQLite, the tsvector's GIN index on PostgreSQL. */
export function indexMatches(match: string) {
  return perEngine(sql<SqlBool>`search_index MATCH ${match}`, sql<SqlBool>`search_index.document @@ to_tsquery('search_folded', ${tsQueryOf(match)})`);
}

/** Ids of the records of one type whose indexed text matches `text`. */
export function matchingIds(eb: ExpressionBuilder<Database, any>, entityType: SearchEntityType, match: string) {
  return eb
    .selectFrom('search_index')
    .select('search_index.entity_id')
    .where('search_index.entity_type', '=', entityType)
    .where(indexMatches(match));
}

/**
 * True when the row's own text columns hold every typed word at the start
 * of a word, folded as the index folds: what the index would answer for
 * this row, asked of the row itself (no index probe).
 */
function rowMatches(eb: ExpressionBuilder<Database, any>, textColumns: string[], text: string) {
  const folded = sql`${sql.raw(SEARCH_FOLD)}(${sql.join(
    textColumns.map((column) => sql`coalesce(${sql.ref(column)}, '')`),
    sql` || ' ' || `
  )})`;
  return eb.and(
    typedWords(text)
      .map((word) => foldedWords(word).trimStart())
      .filter((word) => word.length > 0)
      .map((word) => perEngine(sql<boolean>`instr(${folded}, ${` ${word}`}) > 0`, sql<boolean>`strpos(${folded}, ${` ${word}`}) > 0`))
  );
}

/**
 * Below this many matches a list reads every match and sorts them; from it
 * on, the word is common and the list walks its own order, asking each row
 * whether it matches, and stops at the page size.
 */
export const FEW_MATCHES = 500;

/** Whether fewer than FEW_MATCHES records of the type match (reads at most that many). */
async function fewMatches(db: Kysely<Database>, entityType: SearchEntityType, match: string): Promise<boolean> {
  if (engineOf(db) === 'postgres') return fewMatchesOnPostgres(db, entityType, match);
  return fewIndexMatches(db, entityType, match);
}

/** Whether fewer than FEW_MATCHES records of the type match, counted in the full-text index (reads at most that many matches; on PostgreSQL the GIN index finds every match first). */
async function fewIndexMatches(db: Kysely<Database>, entityType: SearchEntityType, match: string): Promise<boolean> {
  const row = await db
    .selectFrom((eb) => matchingIds(eb, entityType, match).limit(FEW_MATCHES).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) < FEW_MATCHES;
}

/**
 * PostgreSQL: the longest typed word as the search folds it (`to_tsquery`'s
 * configuration): every match has a word that starts with it. A sub-select,
 * so it is computed once per statement, whatever plan runs it.
 */
function longestWord(match: string) {
  return sql<string>`(select search_longest_word(${matchWords(match).join(' ')}))`;
}

/**
 * PostgreSQL: the search entries with a word that starts with the longest
 * typed word, each entry once (at the first of its words that does), from
 * `search_words` (migration 20261207T0900): a range of a btree, read in
 * order, so a LIMIT stops it — where the GIN index hands out every match of
 * the prefix at once.
 */
function entriesByLongestWord(db: Kysely<Database>, match: string) {
  const prefix = longestWord(match);
  return db
    .selectFrom('search_words')
    .where(sql<SqlBool>`search_words.word >= ${prefix}`)
    .where(sql<SqlBool>`search_words.word < ${prefix} || chr(1114111)`)
    .where(sql<SqlBool>`search_words.before < ${prefix}`);
}

/**
 * PostgreSQL: whether fewer than FEW_MATCHES records of the type match.
 * Counted first on the longest typed word (at most FEW_MATCHES entries of
 * `search_words`, index only): fewer holding it means fewer matches; for
 * one typed word that is the count itself. Several common words may still
 * match few records together: those are counted in the GIN index, as before.
 */
async function fewMatchesOnPostgres(db: Kysely<Database>, entityType: SearchEntityType, match: string): Promise<boolean> {
  const row = await db
    .selectFrom(entriesByLongestWord(db, match).select(sql.lit(1).as('one')).where('search_words.entity_type', '=', entityType).limit(FEW_MATCHES).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) < FEW_MATCHES) return true;
  if (matchWords(match).length === 1) return false;
  return fewIndexMatches(db, entityType, match);
}

/**
 * The condition a list puts on its rows: visible to the caller and, when
 * words were typed, matching them. Few matches: the set of matching ids,
 * which the planner reads first. Many: a test of each row's own text while
 * the list walks its order, stopping at the page size. Which test goes
 * first is a CASE (SQLite would otherwise choose): the text first when the
 * index the list walks holds the folded text (`walkHoldsText`: the name
 * indexes of organisations and people, migration 20261207T0300), so most
 * rows are passed over without reading them or probing their visibility;
 * else visibility first, since testing the text then means reading the row.
 */
export async function visibleAndMatching(
  db: Kysely<Database>,
  visible: Condition,
  typed: { entityType: SearchEntityType; idColumn: string; textColumns: string[]; text?: string; walkHoldsText?: boolean }
): Promise<Condition> {
  return (await visibleAndMatchingAsWalked(db, visible, typed)).condition;
}

/**
 * visibleAndMatching, and whether the list tests each row's text as it walks
 * its order (words were typed that many records match) — the organisations'
 * name list reads its page's keys first then, on PostgreSQL
 * (db/crm/organisations.ts).
 */
export async function visibleAndMatchingAsWalked(
  db: Kysely<Database>,
  visible: Condition,
  typed: { entityType: SearchEntityType; idColumn: string; textColumns: string[]; text?: string; walkHoldsText?: boolean }
): Promise<{ condition: Condition; walksText: boolean }> {
  const match = typed.text ? ftsMatchExpression(typed.text) : null;
  if (!match) return { condition: visible, walksText: false };
  if (await fewMatches(db, typed.entityType, match)) {
    // (on PostgreSQL as an array the list's rows are sought by: as an IN, the planner may join the matches to every row of the table read whole)
    const matched = (eb: ExpressionBuilder<Database, any>) =>
      perEngine(
        eb(eb.ref(typed.idColumn) as never, 'in', matchingIds(eb, typed.entityType, match) as never),
        sql<SqlBool>`${sql.ref(typed.idColumn)} = any(array(${matchingIds(eb, typed.entityType, match)}))`
      );
    return { condition: (eb) => eb.and([visible(eb), matched(eb)]), walksText: false };
  }
  const text = typed.text!;
  // (PostgreSQL's CASE answers a boolean: false, where SQLite's answers 0)
  const caseWhen = (test: Expression<SqlBool>, then: Expression<SqlBool>) =>
    perEngine(sql<SqlBool>`case when ${test} then ${then} else 0 end`, sql<SqlBool>`case when ${test} then ${then} else false end`);
  if (typed.walkHoldsText) return { condition: (eb) => caseWhen(rowMatches(eb, typed.textColumns, text), visible(eb)), walksText: true };
  return { condition: (eb) => caseWhen(visible(eb), rowMatches(eb, typed.textColumns, text)), walksText: true };
}

export interface SearchHitRow {
  entity_type: SearchEntityType;
  entity_id: string;
}

/**
 * How many matches a search ranks: the first ones in the index's order, so
 * a word matching thousands of names costs what a rare one does. Within
 * them the best (bm25) come first.
 */
export const RANKED_WINDOW = 200;

/**
 * How many windows a caller who sees part of the data reads at most for one
 * page, before the search takes the visible matches as they come (today's
 * visible window): a caller who sees little still gets a full page, and no
 * word makes the search read every match in windows.
 */
export const MAX_WINDOWS = 4;

/** The caller may see the search index's match (kept per scope, as the other visibility conditions). */
function hitVisible(scope: Scope) {
  return (eb: ExpressionBuilder<Database, any>) => (scope.all ? sql<SqlBool>`1 = 1` : keptCondition('search hit', scope, () => anyHitVisible(eb, scope)));
}

function anyHitVisible(eb: ExpressionBuilder<Database, any>, scope: Scope & { all: false }) {
  const type = (t: SearchEntityType) => eb('search_index.entity_type', '=', t);
  const of = (table: 'organisations' | 'people' | 'proposals', alias: string) =>
    eb
      .selectFrom(`${table} as ${alias}` as 'organisations')
      .select(sql.lit(1).as('one'))
      .whereRef(`${alias}.id` as never, '=', 'search_index.entity_id');
  return eb.or([
    eb.and([type('organisation'), existsProbe(eb, of('organisations', 'hit_o').where(organisationVisible(scope, 'hit_o')))]),
    eb.and([type('person'), existsProbe(eb, of('people', 'hit_p').where(personVisible(scope, 'hit_p')))]),
    eb.and([type('partnership'), partnershipVisible(scope, 'search_index.entity_id')(eb)]),
    // calls are shared reference data: every signed-in user finds them
    type('call'),
    eb.and([type('proposal'), existsProbe(eb, of('proposals', 'hit_r').where(partnershipVisible(scope, 'hit_r.partnership_id')))]),
    eb.and([
      type('activity'),
      existsProbe(
        eb,
        eb
          .selectFrom('activity_partnerships as hit_a')
          .select(sql.lit(1).as('one'))
          .whereRef('hit_a.activity_id', '=', 'search_index.entity_id')
          .where(partnershipVisible(scope, 'hit_a.partnership_id'))
      )
    ])
  ]);
}

interface RankedHitRow extends SearchHitRow {
  score: number;
}

/** bm25 on SQLite, lower is better; on PostgreSQL ts_rank, higher is better, so its negative */
function score(match: string) {
  return perEngine(sql<number>`search_index.rank`, sql<number>`-ts_rank(search_index.document, to_tsquery('search_folded', ${tsQueryOf(match)}))`).as('score');
}

/** The index's order (FTS5 hands matches out in it: the ORDER BY costs no sort; SQLite only) */
const ENTRY = sql.ref('search_index.rowid');

/** Matches after index entry `after` (null: from the first). */
function matchesAfter(db: Kysely<Database>, match: string, after: number | null) {
  const matches = db.selectFrom('search_index').where(indexMatches(match));
  return after === null ? matches : matches.where(sql.ref('search_index.rowid'), '>', after);
}

/**
 * The best `limit` (score, then id) of the visible matches among the next
 * RANKED_WINDOW matches after `after`. The window is read first and ranked
 * whole, so FTS5 reads as many matches for a caller who sees part of the
 * data as for one who sees all of it; then its matches are tested for
 * visibility in rank order, and the test stops once `limit` are found (the
 * ranked window is a co-routine whose order the outer ORDER BY keeps: one
 * sort, of the window). An officer who sees half the data tests about twice
 * `limit` matches, not the whole window.
 */
function windowHits(db: Kysely<Database>, scope: Scope, match: string, limit: number, after: number | null): Promise<RankedHitRow[]> {
  const window = matchesAfter(db, match, after).select(['search_index.entity_type', 'search_index.entity_id', score(match)]).orderBy(ENTRY).limit(RANKED_WINDOW);
  const ranked = db.selectFrom(window.as('window')).selectAll().orderBy('window.score').orderBy('window.entity_id').limit(RANKED_WINDOW);
  return db
    .selectFrom(ranked.as('search_index'))
    .select(['search_index.entity_type', 'search_index.entity_id', 'search_index.score'])
    .where(hitVisible(scope))
    .orderBy('search_index.score')
    .orderBy('search_index.entity_id')
    .limit(limit)
    .execute() as Promise<RankedHitRow[]>;
}

/**
 * PostgreSQL: the best `limit` of the first RANKED_WINDOW visible matches in
 * the order of `search_words` (the word that starts with the longest typed
 * one, then the entry): the range is walked, each entry tested against the
 * whole query and the caller's visibility, and the walk stops at the
 * window, so a common word costs what a rare one does.
 */
function wordWindowHits(db: Kysely<Database>, scope: Scope, match: string, limit: number): Promise<RankedHitRow[]> {
  // each entry of the walk is looked up by its row number and tested on its own (a lateral subquery kept apart by OFFSET 0):
  // as a plain join, the planner, which cannot know how many entries the range holds, may read every match through the
  // GIN index into a hash and sort them (the administrator's "tech": 18,500 matches, 77 ms instead of 4)
  const window = entriesByLongestWord(db, match)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('search_index')
          .select(['search_index.entity_type', 'search_index.entity_id', score(match)])
          .whereRef('search_index.rowid', '=', 'search_words.rowid')
          .where(indexMatches(match))
          .where(hitVisible(scope))
          .offset(0)
          .as('hit'),
      (join) => join.onTrue()
    )
    .select(['hit.entity_type', 'hit.entity_id', 'hit.score'])
    .orderBy('search_words.word')
    .orderBy('search_words.rowid')
    .limit(RANKED_WINDOW);
  return bestOf(db, window, limit);
}

/** The best `limit` (score, then id) of a window of ranked matches. */
function bestOf(db: Kysely<Database>, window: SelectQueryBuilder<any, any, { entity_type: string; entity_id: string; score: number }>, limit: number): Promise<RankedHitRow[]> {
  return db
    .selectFrom(window.as('hits'))
    .select(['hits.entity_type', 'hits.entity_id', 'hits.score'])
    .orderBy('hits.score')
    .orderBy('hits.entity_id')
    .limit(limit)
    .execute() as Promise<RankedHitRow[]>;
}

/** The best `limit` of the first RANKED_WINDOW visible matches after `after`, however many matches that reads. */
function visibleHits(db: Kysely<Database>, scope: Scope, match: string, limit: number, after: number | null): Promise<RankedHitRow[]> {
  const window = matchesAfter(db, match, after).select(['search_index.entity_type', 'search_index.entity_id', score(match)]).where(hitVisible(scope)).limit(RANKED_WINDOW);
  return bestOf(db, window, limit);
}

/** The last index entry of the window of RANKED_WINDOW matches after `after`, or null when fewer matches are left (entry numbers only: no text read). */
async function windowEnd(db: Kysely<Database>, match: string, after: number | null): Promise<number | null> {
  const row = await matchesAfter(db, match, after)
    .select(sql<number>`search_index.rowid`.as('entry'))
    .orderBy(ENTRY)
    .limit(1)
    .offset(RANKED_WINDOW - 1)
    .executeTakeFirst();
  return row?.entry ?? null;
}

/**
 * The best-ranked matches across organisations, people, partnerships,
 * activities, proposals and calls the scope may see.
 *
 * What is ranked is the same for every caller: the first RANKED_WINDOW
 * matches in the index's order (FTS5 hands them out by entry number), less
 * those the caller may not see. When fewer than a page of them are visible,
 * the next window is read too, up to MAX_WINDOWS; after those, the visible
 * matches are taken as they come. (PostgreSQL's GIN index hands matches out
 * all at once and in no order: there the first RANKED_WINDOW visible
 * matches in the order of their words are ranked, wordWindowHits.)
 */
export async function searchIndex(db: Kysely<Database>, scope: Scope, match: string, limit: number): Promise<SearchHitRow[]> {
  if (engineOf(db) === 'postgres') return strip(await wordWindowHits(db, scope, match, limit));
  const found: RankedHitRow[] = [];
  let after: number | null = null;
  for (let windows = 0; windows < MAX_WINDOWS; windows++) {
    found.push(...(await windowHits(db, scope, match, limit, after)));
    if (found.length >= limit || scope.all) return strip(best(found, limit));
    after = await windowEnd(db, match, after);
    if (after === null) return strip(best(found, limit));
  }
  found.push(...(await visibleHits(db, scope, match, limit, after)));
  return strip(best(found, limit));
}

/** The first `limit` by score, then id (as the statements order them). */
function best(rows: RankedHitRow[], limit: number): RankedHitRow[] {
  return rows.sort((a, b) => a.score - b.score || (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0)).slice(0, limit);
}

function strip(rows: RankedHitRow[]): SearchHitRow[] {
  return rows.map(({ entity_type, entity_id }) => ({ entity_type, entity_id }));
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
