import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const [matrix, partnerships] = await Promise.all([
    loaded(api['scoring-matrices'][':id'].$get({ param: { id: params.id } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return { matrix, partnerships };
};
