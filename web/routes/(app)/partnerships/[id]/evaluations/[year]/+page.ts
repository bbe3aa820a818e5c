/**
 * One year's evaluation of a partnership: the evaluation in full when it
 * exists, else the figures counted now for that year (to show before
 * "Start the evaluation").
 */
import { error } from '@sveltejs/kit';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { evaluationDetail, evaluationList } from '$lib/evaluations/requests.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, url }) => {
  const year = Number(params.year);
  if (!/^\d{4}$/.test(params.year) || year < 2000 || year > 2100) error(404, 'Not found');
  const api = apiClient(fetch);
  const [partnership, list] = await Promise.all([
    loaded(read(await api.partnerships[':id'].$get({ param: { id: params.id } })), url),
    loaded(evaluationList(fetch, params.id, { year }), url)
  ]);
  const found = list.items.find((e) => e.year === year) ?? null;
  const evaluation = found ? await loaded(evaluationDetail(fetch, found.id), url) : null;
  return {
    partnership,
    year,
    evaluation,
    figures: evaluation?.figures ?? list.years.find((y) => y.year === year)?.figures ?? null
  };
};
