import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url }) => {
  const api = apiClient(fetch);
  const [partnership, regions, domains, partnerships] = await Promise.all([
    loaded(read(await api.partnerships[':id'].$get({ param: { id: params.id } })), url),
    loaded(read(await api.regions.$get({ query: { limit: '200', sort: 'name' } })), url),
    loaded(read(await api.domains.$get()), url),
    loaded(read(await api.partnerships.$get({ query: { limit: '200', sort: 'title' } })), url)
  ]);
  return { partnership, regions: regions.items, domains: domains.items, partnerships: partnerships.items.map((p) => ({ id: p.id, title: p.title })) };
};
