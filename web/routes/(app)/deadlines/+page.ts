/**
 * The deadline dashboard asks the API in the reader's own zone, which only
 * the browser knows (Intl), so this page loads and renders in the browser.
 */
import { deviceZone } from '$lib/activities/times.js';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { dashboardFilters } from '$lib/deadlines/filters.js';
import type { PageLoad } from './$types';

export const ssr = false;

export const load: PageLoad = async ({ fetch, url }) => {
  const filters = dashboardFilters(url);
  const zone = deviceZone();
  const dashboard = await loaded(
    apiClient(fetch)
      .deadlines.$get({ query: { days: String(filters.days), zone, ...(filters.watched ? { watched: 'true' as const } : {}) } })
      .then((r) => read(r)),
    url
  );
  return { filters, dashboard, loadedAt: Date.now() };
};
