/**
 * The typed API client: Hono's `hc` over the app's own route types, bound to
 * whichever `fetch` the caller has (SvelteKit's in `load`, the browser's in
 * components). Shapes come from api/schemas; nothing is written twice.
 */
import { hc } from 'hono/client';
import type { AppType } from '$api/app';
import { getLocale } from '$i18n/paraglide/runtime.js';

/**
 * Every call says the page's language (Accept-Language), so the API writes
 * its problems in it (a signed-in reader's account language wins there),
 * also for a signed-out form and for the calls a page makes while rendered
 * on the server.
 */
export const languageHeaders = (): Record<string, string> => ({ 'Accept-Language': getLocale() });

export function apiClient(fetchFn: typeof fetch = fetch) {
  return hc<AppType>('/', { fetch: fetchFn, headers: languageHeaders }).api;
}

export type ApiClient = ReturnType<typeof apiClient>;

/** A field error of a problem: its message in the page's language, and the catalogue key and values it was written from. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** A problem+json answer, thrown by `read` for any non-2xx response. */
export class ApiProblem extends Error {
  /** the problem's catalogue key (`problems_…`), stable for programs */
  readonly code: string | null;
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    readonly body: Record<string, unknown>
  ) {
    super(detail || title);
    this.code = typeof body.code === 'string' ? body.code : null;
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
