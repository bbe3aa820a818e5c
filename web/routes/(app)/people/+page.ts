import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { PAGE_SIZE, filtersOf, pageOrProblems, present } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

const FILTERS = ['q', 'domain', 'partnership', 'sort'] as const;

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = filtersOf(url, FILTERS);
  const sort = filters.sort === 'updated' ? ('-updatedAt' as const) : ('name' as const);
  const query = { limit: PAGE_SIZE, sort, ...present({ q: filters.q, domainId: filters.domain, partnershipId: filters.partnership }) };
  const [list, domains, partnerships] = await Promise.all([
    pageOrProblems(api.people.$get({ query }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { filters, query, page: list.page, problems: list.problems, domains: domains.items, partnerships };
};
