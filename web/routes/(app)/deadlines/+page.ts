/**
 * The deadline dashboard asks the API in the reader's own zone, which only
 * the browser knows (Intl), so this page loads and renders in the browser.
 * The first page comes with the URL; "Show more" asks for the next with the
 * same query and the page's cursor.
 */
import { deviceZone } from '$lib/activities/times.js';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { DASHBOARD_PAGE_SIZE, dashboardFilters } from '$lib/deadlines/filters.js';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = async ({ fetch, url }) => {
  const filters = dashboardFilters(url);
  const query = { days: String(filters.days), zone: deviceZone(), limit: DASHBOARD_PAGE_SIZE, ...(filters.watched ? { watched: 'true' as const } : {}) };
  const dashboard = await loaded(
    apiClient(fetch)
      .deadlines.$get({ query })
      .then((r) => read(r)),
    url
  );
  return { filters, query, dashboard, loadedAt: Date.now() };
};
