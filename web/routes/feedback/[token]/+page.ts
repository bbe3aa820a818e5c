/**
 * A participant's personal feedback link: no account needed. An unknown
 * link or too many requests from one network are shown on the page itself,
 * in the reader's language, rather than as an error page.
 */
import { ApiProblem, apiClient, read } from '$lib/api/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const form = await read(await apiClient(fetch).feedback[':token'].$get({ param: { token: params.token } }));
    return { form, problem: null };
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 429) return { form: null, problem: 'throttled' as const };
    if (e instanceof ApiProblem && (e.status === 404 || e.status === 400)) return { form: null, problem: 'unknown' as const };
    throw e;
  }
};
