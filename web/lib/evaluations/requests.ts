/**
 * The evaluation API's two reads through the typed client, with SvelteKit's
 * or the browser's `fetch`: the list with each year's figures
 * (`?partnershipId=&year=` or `&from=&to=`) and one evaluation in full.
 * Writes go through the shared co-editing pieces (web/lib/coediting).
 */
import type { EvaluationDetail, EvaluationList, SectionKind } from '$api/cycle/schemas/evaluations';
import { apiClient, read } from '$lib/api/client.js';

export const SECTION_KINDS: SectionKind[] = ['results', 'challenges', 'recommendations', 'next_steps'];

export async function evaluationList(
  fetchFn: typeof fetch,
  partnershipId: string,
  range: { year: number } | { from: number; to: number }
): Promise<EvaluationList> {
  const years = 'year' in range ? { year: String(range.year) } : { from: String(range.from), to: String(range.to) };
  return read<EvaluationList>(await apiClient(fetchFn).evaluations.$get({ query: { partnershipId, ...years } }));
}

export async function evaluationDetail(fetchFn: typeof fetch, id: string): Promise<EvaluationDetail> {
  return read<EvaluationDetail>(await apiClient(fetchFn).evaluations[':id'].$get({ param: { id } }));
}

/** The page of one year's evaluation and the multi-year overview. */
export const yearPage = (partnershipId: string, year: number) => `/partnerships/${partnershipId}/evaluations/${year}`;
export const overviewPage = (partnershipId: string, from?: number, to?: number) =>
  `/partnerships/${partnershipId}/evaluations${from !== undefined && to !== undefined ? `?from=${from}&to=${to}` : ''}`;
