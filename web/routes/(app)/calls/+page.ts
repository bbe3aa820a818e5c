import { redirect } from '@sveltejs/kit';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { canRecordCalls } from '$lib/calls/access.js';
import { apiQuery, callFilters, hrefOf, PROBLEM_FIELDS } from '$lib/calls/filters.js';
import { PAGE_SIZE, pageOrProblems } from '$lib/crm/listing.js';
import { allProgrammes } from '$lib/programmes/catalogue.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = callFilters(url);
  const query = { limit: PAGE_SIZE, ...apiQuery(filters) };
  const [list, programmes, domains, searches] = await Promise.all([
    pageOrProblems(api.calls.$get({ query }).then((r) => read(r)), url),
    loaded(allProgrammes(api), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(api['saved-searches'].$get({ query: { limit: '200' } }).then((r) => read(r)), url)
  ]);
  // a digest's link names its saved search: the list opens with that search's criteria
  const named = searches.items.find((s) => s.id === url.searchParams.get('savedSearch'));
  if (named) redirect(307, hrefOf(named.criteria));
  const problems = Object.fromEntries(Object.entries(list.problems).map(([path, message]) => [PROBLEM_FIELDS[path] ?? path, message]));
  return {
    filters,
    query,
    page: list.page,
    problems,
    programmes,
    // calls take the standard cooperation domains only
    domains: domains.items.filter((d) => d.partnershipId === null),
    savedSearches: searches.items,
    canRecord: canRecordCalls(me)
  };
};
