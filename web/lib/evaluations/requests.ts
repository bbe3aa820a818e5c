/**
 * Where the evaluation API lives and its two reads, with SvelteKit's or the
 * browser's `fetch`: the list with each year's figures
 * (`?partnershipId=&year=` or `&from=&to=`) and one evaluation in full.
 * Writes go through the shared co-editing pieces (web/lib/coediting) with
 * these paths.
 */
import type { EvaluationDetail, EvaluationList, SectionKind } from '$api/cycle/schemas/evaluations';
import { read } from '$lib/api/client.js';
import { documentPath } from '$lib/coediting/documents.js';

export const SECTION_KINDS: SectionKind[] = ['results', 'challenges', 'recommendations', 'next_steps'];

export function evaluationPath(id: string, ...rest: string[]): string {
  return documentPath('evaluations', id, ...rest);
}

export async function evaluationList(
  fetchFn: typeof fetch,
  partnershipId: string,
  range: { year: number } | { from: number; to: number }
): Promise<EvaluationList> {
  const query = new URLSearchParams({ partnershipId });
  if ('year' in range) query.set('year', String(range.year));
  else {
    query.set('from', String(range.from));
    query.set('to', String(range.to));
  }
  return read<EvaluationList>(await fetchFn(`/api/evaluations?${query}`));
}

export async function evaluationDetail(fetchFn: typeof fetch, id: string): Promise<EvaluationDetail> {
  return read<EvaluationDetail>(await fetchFn(evaluationPath(id)));
}

/** The page of one year's evaluation and the multi-year overview. */
export const yearPage = (partnershipId: string, year: number) => `/partnerships/${partnershipId}/evaluations/${year}`;
export const overviewPage = (partnershipId: string, from?: number, to?: number) =>
  `/partnerships/${partnershipId}/evaluations${from !== undefined && to !== undefined ? `?from=${from}&to=${to}` : ''}`;
