import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const [proposal, domains, partnerships] = await Promise.all([
    loaded(api.proposals[':id'].$get({ param: { id: params.id } }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { proposal, domains: domains.items, partnerships };
};
