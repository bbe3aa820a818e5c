import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const id = params.id;
  const [organisation, timeline, people, partnerships] = await Promise.all([
    loaded(api.organisations[':id'].$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.organisations[':id'].timeline.$get({ param: { id }, query: { limit: '20' } }).then((r) => read(r)), url),
    loaded(api.people.$get({ query: { organisationId: id, limit: '200', sort: 'name' } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { organisation, timeline, people: people.items, partnerships };
};
