import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { filtersOf, pageOrProblems, present } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

const FILTERS = ['partnership', 'year'] as const;

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = filtersOf(url, FILTERS);
  const query = { limit: '200', sort: '-year' as const, ...present({ partnershipId: filters.partnership, year: filters.year }) };
  const [list, partnerships] = await Promise.all([
    pageOrProblems(api.budgets.$get({ query }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { me, filters, query, page: list.page, problems: list.problems, partnerships, thisYear: new Date().getUTCFullYear() };
};
