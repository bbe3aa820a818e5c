import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const id = params.id;
  const [person, timeline, partnerships, rights] = await Promise.all([
    loaded(api.people[':id'].$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.people[':id'].timeline.$get({ param: { id }, query: { limit: '20' } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(api.people[':id'].rights.$get({ param: { id } }).then((r) => read(r)), url)
  ]);
  return { person, timeline, partnerships, rights };
};
