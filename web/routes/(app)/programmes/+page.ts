import { loaded } from '$lib/api/load.js';
import { apiClient } from '$lib/api/client.js';
import { canRecordCalls } from '$lib/calls/access.js';
import { allProgrammes } from '$lib/programmes/catalogue.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const programmes = await loaded(allProgrammes(apiClient(fetch)), url);
  return { programmes, canRecord: canRecordCalls(me) };
};
