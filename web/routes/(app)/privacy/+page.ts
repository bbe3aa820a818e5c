import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const record = await loaded(apiClient(fetch)['processing-record'].$get().then((r) => read(r)), url);
  return { record };
};
