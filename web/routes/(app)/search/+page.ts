import type { SearchResult } from '$api/crm/schemas/search';
import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const q = url.searchParams.get('q')?.trim() ?? '';
  if (!q) return { q, result: null, problem: null };
  try {
    const result: SearchResult = await read(await apiClient(fetch).search.$get({ query: { q, limit: '50' } }));
    return { q, result, problem: null };
  } catch (e) {
    // a query the API refuses (e.g. only punctuation) is shown beside the box
    if (e instanceof ApiProblem && e.status === 400) return { q, result: null, problem: e.errors[0]?.message ?? e.detail };
    return loaded(Promise.reject(e), url);
  }
};
