import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const id = params.id;
  const proposal = await loaded(api.proposals[':id'].$get({ param: { id } }).then((r) => read(r)), url);

  /** the call with its next deadline; one the caller can no longer see is left out */
  const call = async () => {
    if (!proposal.callId) return null;
    try {
      return await read(await api.calls[':id'].$get({ param: { id: proposal.callId } }));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) return null;
      throw e;
    }
  };

  const [consortium, milestones, informLog, sheet, matrices, partnerships, domains, theCall] = await Promise.all([
    loaded(api.proposals[':id'].consortium.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.proposals[':id'].milestones.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.proposals[':id']['inform-log'].$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api.proposals[':id'].scores.$get({ param: { id } }).then((r) => read(r)), url),
    loaded(api['scoring-matrices'].$get({ query: { partnershipId: proposal.partnershipId, limit: '200' } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(call(), url)
  ]);

  // the proposal's own matrix, also when the list no longer offers it
  let available = matrices.items;
  if (sheet.matrixId && !available.some((m) => m.id === sheet.matrixId)) {
    available = [...available, await loaded(api['scoring-matrices'][':id'].$get({ param: { id: sheet.matrixId } }).then((r) => read(r)), url)];
  }

  return {
    me,
    proposal,
    call: theCall,
    consortium,
    milestones: milestones.items,
    informLog,
    sheet,
    matrices: available,
    partnerships,
    domains: domains.items
  };
};
