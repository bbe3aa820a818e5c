/**
 * The work plan of a partnership for one year: the partnership (domains,
 * forms, parties), the plan with its items when there is one, and otherwise
 * whether the year before has a plan to carry open items over from.
 */
import { error } from '@sveltejs/kit';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, parent, url }) => {
  const { me } = await parent();
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year) || year < 2000 || year > 2100) error(404, 'Not found');
  const api = apiClient(fetch);

  const planOf = async (y: number) => (await read(await api.workplans.$get({ query: { partnershipId: params.id, year: String(y) } }))).items[0] ?? null;

  const [partnership, summary] = await Promise.all([
    loaded(read(await api.partnerships[':id'].$get({ param: { id: params.id } })), url),
    loaded(planOf(year), url)
  ]);
  const plan = summary ? await loaded(api.workplans[':id'].$get({ param: { id: summary.id } }).then((r) => read(r)), url) : null;
  const previous = plan ? null : await loaded(planOf(year - 1), url);
  return { me, partnership, year, plan, previous };
};
