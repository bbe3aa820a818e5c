import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const invitation = await read(await apiClient(fetch).auth.invitations[':token'].$get({ param: { token: params.token } }));
    return { invitation, token: params.token };
  } catch (e) {
    if (e instanceof ApiProblem && (e.status === 404 || e.status === 400)) return { invitation: null, token: params.token };
    throw e;
  }
};
