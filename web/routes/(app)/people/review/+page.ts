import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { PAGE_SIZE } from '$lib/crm/listing.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiClient(fetch);
  const page = await loaded(api.people['retention-review'].$get({ query: { limit: PAGE_SIZE } }).then((r) => read(r)), url);
  return { page };
};
