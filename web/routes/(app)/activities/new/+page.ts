import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const [regions, domains, partnerships] = await Promise.all([
    loaded(api.regions.$get({ query: { limit: '200', sort: 'name' } }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { me, regions: regions.items, domains: domains.items, partnerships };
};
