import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import { filtersOf } from '$lib/crm/listing.js';
import { partnershipOptions } from '$lib/crm/partnerships.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { me } = await parent();
  const api = apiClient(fetch);
  const filters = filtersOf(url, ['matrix', 'partnership'] as const);
  const [matrices, partnerships, latest] = await Promise.all([
    loaded(api['scoring-matrices'].$get({ query: { limit: '200', sort: 'name' } }).then((r) => read(r)), url),
    loaded(partnershipOptions(api, me), url),
    loaded(api.proposals.$get({ query: { limit: '1', sort: '-updatedAt' } }).then((r) => read(r)), url)
  ]);
  // the ranking of the chosen matrix and partnership; until chosen, the first matrix and the partnership last worked on
  const matrixId = matrices.items.some((m) => m.id === filters.matrix) ? filters.matrix : (matrices.items[0]?.id ?? '');
  const recent = latest.items[0]?.partnershipId;
  const partnershipId = partnerships.some((p) => p.id === filters.partnership)
    ? filters.partnership
    : (partnerships.find((p) => p.id === recent)?.id ?? partnerships.find((p) => p.writable)?.id ?? partnerships[0]?.id ?? '');
  const ranking =
    matrixId && partnershipId
      ? await loaded(api['scoring-matrices'][':id'].ranking.$get({ param: { id: matrixId }, query: { partnershipId } }).then((r) => read(r)), url)
      : null;
  return { matrices: matrices.items, partnerships, matrixId, partnershipId, ranking };
};
