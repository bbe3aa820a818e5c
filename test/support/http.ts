/** Requests through the real Hono app (`app.request`), as a given caller. */
import { expect } from 'vitest';
import type { App } from '../../api/app.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  ifMatch?: string;
  headers?: Record<string, string>;
  /** a raw body sent as is (for broken JSON and the like) */
  raw?: string;
}

export function client(app: App, token: string | null) {
  async function send<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined || options.raw !== undefined) headers['Content-Type'] ??= 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    const response = await app.request(path, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body))
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    get: <T = any>(path: string, options?: RequestOptions) => send<T>('GET', path, undefined, options),
    post: <T = any>(path: string, body?: unknown, options?: RequestOptions) => send<T>('POST', path, body, options),
    put: <T = any>(path: string, body?: unknown, options?: RequestOptions) => send<T>('PUT', path, body, options),
    patch: <T = any>(path: string, body?: unknown, options?: RequestOptions) => send<T>('PATCH', path, body, options),
    delete: <T = any>(path: string, options?: RequestOptions) => send<T>('DELETE', path, undefined, options)
  };
}

export type Client = ReturnType<typeof client>;

/** Asserts a problem+json answer with the given status and, optionally, an error at `path`. */
export function expectProblem(reply: Reply, status: number, path?: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (path !== undefined) expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}
