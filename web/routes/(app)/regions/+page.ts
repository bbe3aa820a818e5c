import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const regions = await loaded(read(await apiClient(fetch).regions.$get({ query: { limit: '200', sort: 'name' } })), url);
  return { regions };
};
