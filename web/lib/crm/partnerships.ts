/** The partnerships a CRM form may offer: those the caller sees, and whether they may add or remove stakeholders there. */
import type { Me } from '$api/schemas/auth';
import { type ApiClient, read } from '$lib/api/client.js';

export interface PartnershipOption {
  id: string;
  title: string;
  writable: boolean;
}

const WRITERS = ['admin', 'officer', 'editor'];

export async function partnershipOptions(api: ApiClient, me: Me): Promise<PartnershipOption[]> {
  const page = await read(await api.partnerships.$get({ query: { limit: '200', sort: 'title' } }));
  return page.items.map((p) => ({ id: p.id, title: p.title, writable: me.isAdmin || WRITERS.includes(p.memberRole ?? '') }));
}

export function titlesOf(options: PartnershipOption[]): Map<string, string> {
  return new Map(options.map((o) => [o.id, o.title]));
}
