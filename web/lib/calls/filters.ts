/**
 * The filters of the calls list as GET parameters
 * (`?programme=…&status=open&domain=…&keyword=…&q=…&from=2026-09-01&to=2026-12-31&sort=title`),
 * what the API is asked for with them, and the same criteria as a saved
 * search keeps them (the words searched for, `q`, among them).
 */
import type { CallStatus } from '$api/funding/schemas/calls';
import type { SavedSearchCriteria } from '$api/funding/schemas/saved-searches';
import { filtersOf, present } from '$lib/crm/listing.js';

export const CALL_STATUSES = ['forthcoming', 'open', 'closed'] as const satisfies readonly CallStatus[];
export const CALL_SORTS = ['nextDeadline', 'title', '-updatedAt'] as const;
export type CallSort = (typeof CALL_SORTS)[number];

export const FILTERS = ['q', 'programme', 'status', 'domain', 'keyword', 'from', 'to', 'sort'] as const;
export type CallFilters = Record<(typeof FILTERS)[number], string>;

export function callFilters(url: URL): CallFilters {
  return filtersOf(url, FILTERS);
}

export function isCallStatus(value: string): value is CallStatus {
  return (CALL_STATUSES as readonly string[]).includes(value);
}

function sortOf(value: string): CallSort {
  return (CALL_SORTS as readonly string[]).includes(value) ? (value as CallSort) : 'nextDeadline';
}

/** The API's query for these filters (names as the API spells them; unknown choices left out). */
export function apiQuery(filters: CallFilters) {
  return {
    sort: sortOf(filters.sort),
    ...present({
      q: filters.q,
      programmeId: filters.programme,
      status: isCallStatus(filters.status) ? filters.status : undefined,
      domainId: filters.domain,
      keyword: filters.keyword,
      deadlineFrom: filters.from,
      deadlineTo: filters.to
    })
  };
}

/** The API's names for the list's parameters, so a refused filter shows beside its field. */
export const PROBLEM_FIELDS: Record<string, keyof CallFilters> = {
  q: 'q',
  programmeId: 'programme',
  status: 'status',
  domainId: 'domain',
  keyword: 'keyword',
  deadlineFrom: 'from',
  deadlineTo: 'to',
  sort: 'sort'
};

/** Whether any filter a saved search can keep is set. */
export function hasCriteria(filters: CallFilters): boolean {
  return Boolean(filters.q || filters.programme || filters.status || filters.domain || filters.keyword || filters.from || filters.to);
}

/** The filters as a saved search keeps them. */
export function criteriaOf(filters: CallFilters): SavedSearchCriteria {
  return present({
    q: filters.q.trim() || undefined,
    programmeId: filters.programme,
    status: isCallStatus(filters.status) ? filters.status : undefined,
    domainId: filters.domain,
    keyword: filters.keyword,
    deadlineFrom: filters.from,
    deadlineTo: filters.to
  }) as SavedSearchCriteria;
}

/** The list's URL for a saved search's criteria. */
export function hrefOf(criteria: SavedSearchCriteria): string {
  const params = new URLSearchParams();
  const map: [string, string | undefined][] = [
    ['q', criteria.q],
    ['programme', criteria.programmeId],
    ['status', criteria.status],
    ['domain', criteria.domainId],
    ['keyword', criteria.keyword],
    ['from', criteria.deadlineFrom],
    ['to', criteria.deadlineTo]
  ];
  for (const [name, value] of map) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `/calls?${text}` : '/calls';
}
