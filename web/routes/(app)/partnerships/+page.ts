import type { PartnershipListQuery } from '$api/crm/schemas/partnerships';
import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

const PAGE_SIZE = '25';
const STATUSES = ['draft', 'active', 'in_notice', 'ended'] as const;
type Status = NonNullable<PartnershipListQuery['status']>;

export const load: PageLoad = async ({ fetch, url }) => {
  const wanted = url.searchParams.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(wanted) ? (wanted as Status) : undefined;
  const q = url.searchParams.get('q')?.trim() ?? '';
  const query = { limit: PAGE_SIZE, sort: 'title' as const, ...(status ? { status } : {}), ...(q ? { q } : {}) };
  const page = await loaded(read(await apiClient(fetch).partnerships.$get({ query })), url);
  return { page, query, filters: { status: status ?? '', q }, statuses: STATUSES };
};
