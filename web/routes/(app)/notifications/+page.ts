import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

const PAGE = '25';

export const load: PageLoad = async ({ fetch, url }) => {
  const unreadOnly = url.searchParams.get('unread') === 'true';
  const query = { limit: PAGE, ...(unreadOnly ? { unread: 'true' as const } : {}) };
  const page = await loaded(apiClient(fetch).notifications.$get({ query }).then((r) => read(r)), url);
  return { unreadOnly, query, page };
};
