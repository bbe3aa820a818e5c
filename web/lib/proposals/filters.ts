/**
 * The filters of the candidate projects' board and list, as GET parameters
 * (`?view=list&partnership=…&stage=exploring&call=…&programme=…&q=…`), and
 * what the API is asked for with them.
 */
import { filtersOf, present } from '$lib/crm/listing.js';
import { isStage } from './stages.js';

export const FILTERS = ['view', 'q', 'partnership', 'stage', 'call', 'programme'] as const;
export type Filters = Record<(typeof FILTERS)[number], string>;
export type View = 'board' | 'list';

export function proposalFilters(url: URL): Filters {
  return filtersOf(url, FILTERS);
}

export function viewOf(filters: Filters): View {
  return filters.view === 'list' ? 'list' : 'board';
}

/** The API's query for these filters (names as the API spells them; an unknown stage left out). */
export function apiFilters(filters: Filters) {
  return present({
    q: filters.q,
    partnershipId: filters.partnership,
    stage: isStage(filters.stage) ? filters.stage : undefined,
    callId: filters.call,
    programmeId: filters.programme
  });
}

/** This page's URL with the same filters in another view. */
export function viewHref(filters: Filters, view: View): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value && name !== 'view') params.set(name, value);
  if (view === 'list') params.set('view', 'list');
  const text = params.toString();
  return `/proposals${text ? `?${text}` : ''}`;
}
