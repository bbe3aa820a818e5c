/**
 * What a work-plan item may link to: the partnership's activities of the
 * plan's year (and the year before, where carried-over items began) and its
 * candidate projects, through the typed client.
 */
import { apiClient, read } from '$lib/api/client.js';

export interface LinkChoice {
  id: string;
  label: string;
}

export async function activityChoices(partnershipId: string, year: number): Promise<LinkChoice[]> {
  const api = apiClient();
  const pages = await Promise.all(
    [year - 1, year].map(async (y) => read(await api.activities.$get({ query: { partnershipId, year: String(y), limit: '200', sort: 'startsAt' } })))
  );
  return pages.flatMap((page) => page.items.map((a) => ({ id: a.id, label: `${a.title} (${a.startsAt.slice(0, 10)})` })));
}

export async function proposalChoices(partnershipId: string): Promise<LinkChoice[]> {
  const page = await read(await apiClient().proposals.$get({ query: { partnershipId, limit: '200', sort: 'acronym' } }));
  return page.items.map((p) => ({ id: p.id, label: `${p.acronym} — ${p.title}` }));
}
