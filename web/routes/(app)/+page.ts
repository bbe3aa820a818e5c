import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const page = await loaded(read(await apiClient(fetch).partnerships.$get({ query: { limit: '100', sort: 'endsOn' } })), url);
  return { partnerships: page.items, more: page.nextCursor !== null };
};
