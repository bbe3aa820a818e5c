/**
 * List pages: filters live in the URL (a GET form), the first page comes
 * from `load`, "Show more" asks for the next page with its cursor. A filter
 * the API refuses (e.g. an unknown country code) is shown beside its field
 * instead of an error page.
 */
import { ApiProblem } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const PAGE_SIZE = '25';

/** The URL's value for each name ('' when absent). */
export function filtersOf<K extends string>(url: URL, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, url.searchParams.get(name)?.trim() ?? ''])) as Record<K, string>;
}

/** The query without empty values, as the typed client takes it. */
export function present<T extends Record<string, string | undefined>>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

export async function pageOrProblems<T>(promise: Promise<Page<T>>, url: URL): Promise<{ page: Page<T>; problems: Record<string, string> }> {
  try {
    return { page: await promise, problems: {} };
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 400 && e.errors.length) {
      const problems = Object.fromEntries(e.errors.map((err) => [err.path.replace(/^query\./, ''), err.message]));
      return { page: { items: [], nextCursor: null }, problems };
    }
    return loaded(Promise.reject(e), url);
  }
}
