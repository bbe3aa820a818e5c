import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ fetch, locals, cookies }) => {
  let me = null;
  if (cookies.get('regiodesk_session')) {
    try {
      me = await read(await apiClient(fetch).auth.me.$get());
    } catch (e) {
      if (!(e instanceof ApiProblem) || e.status !== 401) throw e;
    }
  }
  return { locale: locals.locale, me };
};
