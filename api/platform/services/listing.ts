/** Turns a list query's `sort`, `limit` and `cursor` into a keyset page request. */
import type { PageRequest } from '../../../db/platform/pagination.js';

export function pageRequest<K extends string, C extends string>(
  query: { sort: K | `-${K}`; limit: number; cursor?: string },
  columns: Record<K, C>
): { column: C; page: PageRequest } {
  const descending = query.sort.startsWith('-');
  const key = (descending ? query.sort.slice(1) : query.sort) as K;
  return { column: columns[key], page: { limit: query.limit, cursor: query.cursor ?? null, direction: descending ? 'desc' : 'asc' } };
}
