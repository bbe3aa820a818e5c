/** The evaluation of one year for printing: the partnership's evaluation in full, or null when there is none yet. */
import { error } from '@sveltejs/kit';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url }) => {
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year) || year < 2000 || year > 2100) error(404, 'Not found');
  const api = apiClient(fetch);
  const list = await loaded(read(await api.evaluations.$get({ query: { partnershipId: params.id, year: String(year) } })), url);
  const found = list.items.find((evaluation) => evaluation.year === year) ?? null;
  const evaluation = found ? await loaded(read(await api.evaluations[':id'].$get({ param: { id: found.id } })), url) : null;
  return { year, evaluation };
};
