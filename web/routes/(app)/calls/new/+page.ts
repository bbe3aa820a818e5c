import { error } from '@sveltejs/kit';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { canRecordCalls } from '$lib/calls/access.js';
import { allProgrammes } from '$lib/programmes/catalogue.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  if (!canRecordCalls(me)) error(403, 'Viewers cannot record calls.');
  const api = apiClient(fetch);
  const [programmes, domains] = await Promise.all([loaded(allProgrammes(api), url), loaded(api.domains.$get().then((r) => read(r)), url)]);
  return { programmes, domains: domains.items.filter((d) => d.partnershipId === null) };
};
