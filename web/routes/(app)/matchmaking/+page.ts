import type { MatchmakingResult } from '$api/activities/schemas/matchmaking';
import { ApiProblem, apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

const MONTHS = [6, 12, 24, 36];
/** the most pairs the API gives at once: a full list means there may be more */
const PAIR_LIMIT = 100;

/**
 * The choice is in the URL (`by` partnership or regions, `partnership`,
 * `regionA`, `regionB`, `domain` repeated, `months`), so a search can be
 * bookmarked and shared; without one, the caller's first partnership.
 */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const [partnerships, regions, domains] = await Promise.all([
    loaded(partnershipOptions(api, me), url),
    loaded(api.regions.$get({ query: { limit: '200', sort: 'name' } }).then((r) => read(r)), url),
    loaded(api.domains.$get().then((r) => read(r)), url)
  ]);
  const params = url.searchParams;
  const by = params.get('by') === 'regions' ? 'regions' : 'partnership';
  const asked = Number(params.get('months'));
  const choice = {
    by: by as 'partnership' | 'regions',
    partnershipId: params.get('partnership') ?? (params.has('by') ? '' : (partnerships[0]?.id ?? '')),
    regionA: params.get('regionA') ?? '',
    regionB: params.get('regionB') ?? '',
    domainIds: params.getAll('domain').filter((d) => d !== ''),
    months: MONTHS.includes(asked) ? asked : 12
  };
  const ready = by === 'partnership' ? choice.partnershipId !== '' : choice.regionA !== '' && choice.regionB !== '';
  let result: MatchmakingResult | null = null;
  let problem: string | null = null;
  if (ready) {
    const query = {
      ...(by === 'partnership' ? { partnershipId: choice.partnershipId } : { regionIds: `${choice.regionA},${choice.regionB}` }),
      ...(choice.domainIds.length ? { domains: choice.domainIds.join(',') } : {}),
      months: String(choice.months),
      limit: String(PAIR_LIMIT)
    };
    try {
      result = await read(await api.matchmaking.$get({ query }));
    } catch (e) {
      // a choice the API refuses (the same region twice, a domain of another partnership) is said on the page
      if (!(e instanceof ApiProblem) || e.status !== 400) return loaded(Promise.reject(e), url);
      problem = [e.detail, ...e.errors.map((f) => f.message)].filter(Boolean).join(' ');
    }
  }
  return { partnerships, regions: regions.items, domains: domains.items, choice, months: MONTHS, result, problem, full: result !== null && result.items.length >= PAIR_LIMIT };
};
