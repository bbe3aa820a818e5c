import type { Activity } from '$api/activities/schemas/activities';
import { activityFilters, apiFilters } from '$lib/activities/filters.js';
import { currentMonth, monthSpan, parseMonth } from '$lib/activities/times.js';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { pageOrProblems } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

/** at most this many pages of 200 for one month; beyond, the page says some are missing */
const MAX_PAGES = 5;

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const month = parseMonth(url.searchParams.get('month')) ?? currentMonth();
  const filters = { ...activityFilters(url), year: '' };
  const query = { limit: '200', sort: 'startsAt' as const, ...monthSpan(month), ...apiFilters(filters) };

  async function everything() {
    const items: Activity[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await read(await api.activities.$get({ query: { ...query, ...(cursor ? { cursor } : {}) } }));
      items.push(...page.items);
      if (!page.nextCursor) return { items, nextCursor: null };
      cursor = page.nextCursor;
    }
    return { items, nextCursor: cursor ?? null };
  }

  const [list, domains, partnerships] = await Promise.all([
    pageOrProblems(everything(), url),
    loaded(api.domains.$get().then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  return {
    month,
    filters,
    activities: list.page.items,
    truncated: list.page.nextCursor !== null,
    problems: list.problems,
    domains: domains.items,
    partnerships,
    canLog: me.isAdmin || partnerships.some((p) => p.writable)
  };
};
