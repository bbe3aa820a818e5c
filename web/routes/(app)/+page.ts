/**
 * The overview (the officer's cockpit): two reads in parallel, the cockpit
 * itself (GET /api/overview, composed on the server in one request) and the
 * partnership cards.
 */
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiClient(fetch);
  const [page, cockpit] = await Promise.all([
    loaded(api.partnerships.$get({ query: { limit: '100', sort: 'endsOn' } }).then((r) => read(r)), url),
    loaded(api.overview.$get({ query: {} }).then((r) => read(r)), url)
  ]);
  return { partnerships: page.items, more: page.nextCursor !== null, cockpit };
};
