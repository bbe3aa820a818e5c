/**
 * Keyset pagination: a cursor is the sort value and id of the last row,
 * base64url-encoded. Rows are ordered by (sort column, id) so ties are stable.
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | null;
  direction: 'asc' | 'desc';
}

export class BadCursor extends Error {}

/**
 * A LIMIT written into the statement's text instead of bound as a value.
 * PostgreSQL plans a prepared statement generically after five runs only if
 * the generic plan costs no more than the plans made for the values; with a
 * bound LIMIT the generic plan cannot see how few rows a page needs (it
 * assumes a tenth of the table), so the lists were planned again on every
 * request (0.5–1.2 ms of a 1–4 ms officer's interactions list on the large
 * workspace). Written in, the generic plan is the page's plan. The texts
 * multiply by the limits clients ask for, which the schemas bound (1–200).
 * Only for pages walked in an index's order (the keyset lists): a read of a
 * range of unknown width sorted for its page (the deadline dashboard) keeps
 * its LIMIT bound, because there the generic plan would sort the whole range
 * (the plan tests in test/api/platform/query-plans-postgres.test.ts and
 * test/api/deadlines/deadline-plans-postgres.test.ts hold both to it).
 */
export function rowLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`A row limit must be a whole number ≥ 0, not ${rows}.`);
  return sql.lit(rows);
}

export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** Longer than any cursor this API hands out (a sort value of a few hundred characters and an id). */
const MAX_CURSOR_LENGTH = 2000;

/** A sort value a cursor may carry: what SQLite can compare with a column (objects, arrays, NaN and booleans cannot be bound). */
function isSortValue(value: unknown): value is string | number | null {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The sort value and id a cursor carries; BadCursor (a 400 at `cursor`) for anything this API did not hand out. */
export function decodeCursor(cursor: string): [string | number | null, string] {
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(parsed) && parsed.length === 2 && isSortValue(parsed[0]) && typeof parsed[1] === 'string' && parsed[1].length <= 64) return [parsed[0], parsed[1]];
    } catch {
      /* fall through */
    }
  }
  throw new BadCursor('The cursor is not one this API handed out.');
}

/**
 * The query of one keyset page: rows after the cursor, ordered on
 * `sortColumn` then `idColumn`, one row more than asked (to know whether a
 * next page exists). Not yet run: a caller may combine several (a timeline
 * merges two of them).
 */
export function keysetPage<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest, sortColumn: string, idColumn: string): SelectQueryBuilder<DB, TB, O> {
  let q = query as SelectQueryBuilder<any, any, O>;
  if (page.cursor) {
    const [value, id] = decodeCursor(page.cursor);
    const op = page.direction === 'asc' ? '>' : '<';
    // a row value, so the index on (sort column, id) is entered at the cursor instead of walked from the start
    q = q.where((eb) => eb(eb.refTuple(sortColumn as never, idColumn as never), op, eb.tuple(value as never, id as never)));
  }
  return q.orderBy(sortColumn, page.direction).orderBy(idColumn, page.direction).limit(rowLimit(page.limit + 1)) as SelectQueryBuilder<DB, TB, O>;
}

/** The page out of the rows a keysetPage query answered. */
export function pageFrom<O>(rows: O[], page: PageRequest, sortKey: (row: O) => string | number | null, idKey: (row: O) => string): Page<O> {
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(sortKey(last), idKey(last)) : null };
}

/** One keyset page of `query` (see keysetPage). */
export async function paginate<DB, TB extends keyof DB, O extends Record<string, any>>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  sortColumn: string,
  idColumn: string,
  sortKey: (row: O) => string | number | null,
  idKey: (row: O) => string
): Promise<Page<O>> {
  return pageFrom(await keysetPage(query, page, sortColumn, idColumn).execute(), page, sortKey, idKey);
}
