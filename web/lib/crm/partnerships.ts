/** The partnerships a CRM form may offer: those the caller sees, and whether they may add or remove stakeholders there. */
import type { Me } from '$api/platform/schemas/auth';
import { type ApiClient, read } from '$lib/api/client.js';

export interface PartnershipOption {
  id: string;
  title: string;
  writable: boolean;
}

const WRITERS = ['admin', 'officer', 'editor'];

/**
 * Anyone but a system administrator sees exactly the partnerships they are a
 * member of, which `me` already lists (by title, as the list API sorts), so
 * only an administrator's page asks the API for every partnership.
 */
export async function partnershipOptions(api: ApiClient, me: Me): Promise<PartnershipOption[]> {
  if (!me.isAdmin) return me.memberships.map((m) => ({ id: m.partnershipId, title: m.title, writable: WRITERS.includes(m.role) }));
  const page = await read(await api.partnerships.$get({ query: { limit: '200', sort: 'title' } }));
  return page.items.map((p) => ({ id: p.id, title: p.title, writable: true }));
}

export function titlesOf(options: PartnershipOption[]): Map<string, string> {
  return new Map(options.map((o) => [o.id, o.title]));
}
