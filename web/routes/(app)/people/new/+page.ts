import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiClient(fetch);
  const organisationId = url.searchParams.get('organisation');
  const [domains, organisation] = await Promise.all([
    loaded(api.domains.$get().then((r) => read(r)), url),
    organisationId ? loaded(api.organisations[':id'].$get({ param: { id: organisationId } }).then((r) => read(r)), url) : null
  ]);
  return { domains: domains.items, organisation: organisation && { id: organisation.id, name: organisation.name } };
};
