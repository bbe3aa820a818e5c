import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { PAGE_SIZE, pageOrProblems } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import { apiFilters, proposalFilters, viewOf } from '$lib/proposals/filters.js';
import type { PageLoad } from './$types';

/** the board shows every card of one page this long; the list pages on */
const BOARD_SIZE = '200';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = proposalFilters(url);
  const view = viewOf(filters);
  const query = { limit: view === 'board' ? BOARD_SIZE : PAGE_SIZE, sort: view === 'board' ? ('acronym' as const) : ('-updatedAt' as const), ...apiFilters(filters) };

  /** the chosen call's name for its picker; a call no longer visible is shown by its id */
  const callName = async () => {
    if (!filters.call) return '';
    try {
      const call = await read(await api.calls[':id'].$get({ param: { id: filters.call } }));
      return `${call.identifier} — ${call.title}`;
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 404 || e.status === 400)) return '';
      throw e;
    }
  };

  const [list, partnerships, programmes, chosenCall] = await Promise.all([
    pageOrProblems(api.proposals.$get({ query }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(api.programmes.$get({ query: { limit: '200', sort: 'name' } }).then((r) => read(r)), url),
    loaded(callName(), url)
  ]);
  return {
    me,
    filters,
    view,
    query,
    page: list.page,
    problems: list.problems,
    partnerships,
    programmes: programmes.items.map((p) => ({ id: p.id, name: p.name, code: p.code })),
    callName: chosenCall,
    canCreate: me.isAdmin || partnerships.some((p) => p.writable)
  };
};
