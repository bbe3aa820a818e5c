/**
 * The new-activity form's data: regions, domains, the caller's partnerships,
 * and what a link asks the form to start with — `?type=` (a known activity
 * type) and `?partnershipId=` (one the caller may log activities in), as the
 * obligations panel's "record a visit" link sends; anything else is ignored.
 */
import type { ActivityValues } from '$lib/activities/activity-values.js';
import { isActivityType } from '$lib/activities/choices.js';
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
  const start: Partial<Pick<ActivityValues, 'type' | 'partnershipId'>> = {};
  const type = url.searchParams.get('type');
  if (type && isActivityType(type)) start.type = type;
  const partnershipId = url.searchParams.get('partnershipId');
  if (partnershipId && partnerships.some((p) => p.id === partnershipId && p.writable)) start.partnershipId = partnershipId;
  return { me, regions: regions.items, domains: domains.items, partnerships, start };
};
