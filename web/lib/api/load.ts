/** What a page `load` does with API problems: 401 → sign-in, 404 → not-found page. */
import { error, redirect } from '@sveltejs/kit';
import { ApiProblem } from './client.js';

export async function loaded<T>(promise: Promise<T>, url?: URL): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiProblem) {
      if (e.status === 401) redirect(303, `/sign-in${url ? `?next=${encodeURIComponent(url.pathname + url.search)}` : ''}`);
      error(e.status, e.detail || e.title);
    }
    throw e;
  }
}
