/**
 * The multi-year overview of a partnership's evaluations: `?from=&to=`
 * (at most 30 years), by default the last four years up to this one.
 */
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { overviewRange } from '$lib/evaluations/range.js';
import { evaluationList } from '$lib/evaluations/requests.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url }) => {
  const { from, to } = overviewRange(url.searchParams, new Date().getFullYear());
  const api = apiClient(fetch);
  const [partnership, list] = await Promise.all([
    loaded(read(await api.partnerships[':id'].$get({ param: { id: params.id } })), url),
    loaded(evaluationList(fetch, params.id, { from, to }), url)
  ]);
  return { partnership, from, to, list };
};
