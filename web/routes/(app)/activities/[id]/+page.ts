import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const id = params.id;
  const [activity, participants, agenda, outcomes, partnerships, domains, regions] = await Promise.all([
    loaded(api.activities[':id'].$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.activities[':id'].participants.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.activities[':id'].agenda.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.activities[':id'].outcomes.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(api.regions.$get({ query: { limit: '200', sort: 'name' } }).then((r) => read(r)), url)
  ]);
  const writable = me.isAdmin || activity.partnershipIds.some((p) => partnerships.some((o) => o.id === p && o.writable));
  return { me, activity, participants: participants.items, agenda: agenda.items, outcomes: outcomes.items, partnerships, domains: domains.items, regions: regions.items, writable };
};
