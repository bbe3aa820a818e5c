/**
 * The typed API client: Hono's `hc` over the app's own route types, bound to
 * whichever `fetch` the caller has (SvelteKit's in `load`, the browser's in
 * components). Shapes come from api/schemas; nothing is written twice.
 */
import { hc } from 'hono/client';
import type { AppType } from '$api/app';

export function apiClient(fetchFn: typeof fetch = fetch) {
  return hc<AppType>('/', { fetch: fetchFn }).api;
}

export type ApiClient = ReturnType<typeof apiClient>;

export interface FieldError {
  path: string;
  message: string;
}

/** A problem+json answer, thrown by `read` for any non-2xx response. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    readonly body: Record<string, unknown>
  ) {
    super(detail || title);
  }

  /** Field errors keyed by path, for showing beside the form fields. */
  byPath(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) out[e.path] ??= e.message;
    return out;
  }
}

/** Returns the JSON of a 2xx response (undefined for 204), throws ApiProblem otherwise. */
export async function read<T>(response: { ok: boolean; status: number; json(): Promise<T> } | Response): Promise<T> {
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const body = ((await response.json().catch(() => null)) ?? {}) as Record<string, unknown>;
  throw new ApiProblem(
    response.status,
    String(body.title ?? 'Error'),
    String(body.detail ?? ''),
    Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    body
  );
}
