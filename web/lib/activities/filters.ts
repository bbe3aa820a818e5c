/**
 * The filters of the activity list and month view, as GET parameters
 * (`?year=2026&type=delegation_trip&domain=…&partnership=…&status=done&q=…`),
 * and what the API is asked for with them (also the CSV export link).
 */
import type { ActivityStatus, ActivityType } from '$api/activities/schemas/activities';
import { decimalComma, type Locale } from '$lib/i18n/index.js';
import { filtersOf, present } from '$lib/crm/listing.js';
import { isActivityStatus, isActivityType } from './choices.js';

export const FILTERS = ['q', 'year', 'type', 'domain', 'partnership', 'status'] as const;
export type Filters = Record<(typeof FILTERS)[number], string>;

export function activityFilters(url: URL): Filters {
  return filtersOf(url, FILTERS);
}

/** The API's query for these filters (names as the API spells them; unknown choices left out). */
export function apiFilters(filters: Filters) {
  return present({
    q: filters.q,
    year: filters.year,
    type: isActivityType(filters.type) ? (filters.type as ActivityType) : undefined,
    domainId: filters.domain,
    partnershipId: filters.partnership,
    status: isActivityStatus(filters.status) ? (filters.status as ActivityStatus) : undefined
  });
}

/** The page's own URL parameters for these filters, without empty ones (to carry them between list and month view). */
export function filterParams(filters: Partial<Filters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The CSV of the list with the same filters; German and Belgian spreadsheets (decimal comma) expect semicolons. */
export function exportHref(filters: Filters, locale: Locale): string {
  const params = new URLSearchParams(Object.entries(apiFilters(filters)) as [string, string][]);
  params.set('sort', 'startsAt');
  if (decimalComma(locale)) params.set('delimiter', 'semicolon');
  return `/api/activities/export.csv?${params}`;
}
