import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { canRecordCalls } from '$lib/calls/access.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const id = params.id;
  const [call, changes] = await Promise.all([
    loaded(api.calls[':id'].$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.calls[':id']['deadline-changes'].$get({ param: { id } }).then((r) => read(r)), url)
  ]);
  // the programme's typical rate, shown when the call names none of its own
  const programme = call.programmeId ? await loaded(api.programmes[':id'].$get({ param: { id: call.programmeId } }).then((r) => read(r)), url) : null;
  return { call, changes: changes.items, programme, canRecord: canRecordCalls(me), isAdmin: me.isAdmin };
};
