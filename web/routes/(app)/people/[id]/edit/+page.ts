import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params }) => {
  const api = apiClient(fetch);
  const [person, domains] = await Promise.all([
    loaded(api.people[':id'].$get({ param: { id: params.id } }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url)
  ]);
  return { person, domains: domains.items };
};
