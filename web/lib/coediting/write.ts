/**
 * One write to a co-edited record: sends `If-Match` with the version the
 * writer started from and answers either the stored write or, for a 409
 * with field conflicts, the conflict for the resolver. Every other problem
 * is thrown as ApiProblem (so `submit` in ui/form.ts can show it).
 */
import type { MergeConflictProblem } from '$api/cycle/schemas/coediting';
import { ApiProblem, read } from '$lib/api/client.js';

export type CoeditResult<T> = { ok: true; value: T } | { ok: false; conflict: MergeConflictProblem };

export async function coeditWrite<T>(
  path: string,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  body: unknown,
  version: number | null,
  fetchFn: typeof fetch = fetch
): Promise<CoeditResult<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (version !== null) headers['If-Match'] = `"${version}"`;
  const response = await fetchFn(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  try {
    return { ok: true, value: await read<T>(response) };
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 409 && Array.isArray(e.body.conflicts) && e.body.conflicts.length) {
      return { ok: false, conflict: e.body as unknown as MergeConflictProblem };
    }
    throw e;
  }
}

/** A plain JSON request to the co-editing API (reads, approvals, presence) */
export async function coeditRequest<T>(path: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE' = 'GET', body?: unknown, fetchFn: typeof fetch = fetch): Promise<T> {
  const response = await fetchFn(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return read<T>(response);
}
