import { activityFilters, apiFilters } from '$lib/activities/filters.js';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { PAGE_SIZE, pageOrProblems } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = activityFilters(url);
  const query = { limit: PAGE_SIZE, sort: '-startsAt' as const, ...apiFilters(filters) };
  const [list, domains, partnerships] = await Promise.all([
    pageOrProblems(api.activities.$get({ query }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return {
    filters,
    query,
    page: list.page,
    problems: list.problems,
    domains: domains.items,
    partnerships,
    canLog: me.isAdmin || partnerships.some((p) => p.writable)
  };
};
