import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const callId = url.searchParams.get('callId')?.trim() ?? '';

  /** `?callId=` preselects that call and its domains; a call the caller cannot see is left out */
  const preset = async () => {
    if (!callId) return null;
    try {
      const call = await read(await api.calls[':id'].$get({ param: { id: callId } }));
      return { callId: call.id, callName: `${call.identifier} — ${call.title}`, domainIds: call.domains.map((d) => d.domainId) };
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 404 || e.status === 400)) return null;
      throw e;
    }
  };

  const [domains, partnerships, chosen] = await Promise.all([
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(preset(), url)
  ]);
  return { domains: domains.items, partnerships, preset: chosen, callMissing: callId !== '' && chosen === null };
};
