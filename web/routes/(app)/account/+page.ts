import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const tokens = await loaded(read(await apiClient(fetch).auth.tokens.$get()), url);
  return { tokens: tokens.items };
};
