/**
 * One write to a co-edited record through the typed client: the request
 * goes out with `If-Match` of the version the writer started from
 * (`ifMatch(version)` as the client's second argument) and `coeditWrite`
 * answers either the stored write or, for a 409 with field conflicts, the
 * conflict for the resolver. Every other problem is thrown as ApiProblem
 * (so `submit` in ui/form.ts can show it).
 *
 *   coeditWrite(api.workplans[':id'].$patch({ param: { id }, json }, ifMatch(version)))
 */
import type { MergeConflictProblem } from '$api/cycle/schemas/coediting';
import { ApiProblem, read } from '$lib/api/client.js';

export type CoeditResult<T> = { ok: true; value: T } | { ok: false; conflict: MergeConflictProblem };

/** An answer of the typed client (or fetch) whose 2xx JSON is T. */
export interface Answer<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

/** The typed client's request options carrying the version a write starts from (none: no header). */
export function ifMatch(version: number | null): { headers?: Record<string, string> } {
  return version === null ? {} : { headers: { 'If-Match': `"${version}"` } };
}

export async function coeditWrite<T>(answer: Promise<Answer<T>>): Promise<CoeditResult<T>> {
  try {
    return { ok: true, value: await read<T>(await answer) };
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409 && Array.isArray(e.body.conflicts) && e.body.conflicts.length) {
      return { ok: false, conflict: e.body as unknown as MergeConflictProblem };
    }
    throw e;
  }
}
