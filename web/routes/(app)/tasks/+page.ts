import type { FollowUpRate } from '$api/activities/schemas/follow-ups';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { filtersOf, present } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

const FILTERS = ['partnership', 'year'] as const;

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = filtersOf(url, FILTERS);
  const thisYear = new Date().getUTCFullYear();
  const asked = Number(filters.year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const query = { mine: 'true' as const, status: 'open' as const, sort: 'dueOn' as const, limit: '200', ...present({ partnershipId: filters.partnership }) };
  const [page, partnerships] = await Promise.all([
    loaded(api.tasks.$get({ query }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url)
  ]);
  const rated = filters.partnership ? partnerships.filter((p) => p.id === filters.partnership) : partnerships;
  const rates = await Promise.all(
    rated.map(async (p) => ({
      partnershipId: p.id,
      title: p.title,
      rate: await api.tasks['follow-up-rate']
        .$get({ query: { partnershipId: p.id, year: String(year) } })
        .then((r) => read<FollowUpRate>(r))
        .catch(() => null)
    }))
  );
  return { filters, query, year, thisYear, page, partnerships, rates };
};
