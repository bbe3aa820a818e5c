/**
 * The headers every answer of RegioDesk carries, pages and API alike: no
 * MIME sniffing, never framed (the approve and delete buttons cannot be
 * clickjacked), the address of a page told to nobody outside RegioDesk, and
 * HTTPS remembered by the browser when the public origin is https. What
 * carries personal data is kept by no cache: every answer that did not
 * choose its own caching (the calendar feed's ETag, Swagger UI's files) is
 * `no-store`. The pages' Content-Security-Policy comes from SvelteKit
 * (`kit.csp` in svelte.config.js); the API's is below, and /api/docs sets
 * its own (api/platform/routes/docs.ts).
 */
import type { MiddlewareHandler } from 'hono';

/**
 * A year, for the public origin's host only: no includeSubDomains, since the
 * other hosts of a regional body's domain are not RegioDesk's to force onto
 * HTTPS.
 */
export const HSTS = 'max-age=31536000';

/** What an answer with personal data says to every cache on the way. */
export const NO_STORE = 'no-store';

export function isHttps(publicOrigin: string | null): boolean {
  return publicOrigin?.toLowerCase().startsWith('https://') ?? false;
}

/** The headers of every answer: pages, the files they load and the API. */
export function frontHeaders(publicOrigin: string | null): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isHttps(publicOrigin) ? { 'Strict-Transport-Security': HSTS } : {})
  };
}

/** Adds the front headers (`frontHeaders`) an answer does not set itself, and `no-store` unless it chose its own caching. */
export function hardenAnswer(headers: Headers, front: Record<string, string>): void {
  for (const [name, value] of Object.entries(front)) if (!headers.has(name)) headers.set(name, value);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', NO_STORE);
}

/**
 * The API's headers: the front headers, the other defaults of
 * hono/secure-headers (Cross-Origin-Resource-Policy, Origin-Agent-Cluster, …),
 * a policy under which JSON opened in a browser loads nothing and is framed
 * by nobody, and `no-store` on every answer that chose no caching of its own.
 * Built once: every answer only checks which ones its route set itself
 * (those are kept, e.g. the docs page's own policy) and adds the others.
 */
function apiHeaders(publicOrigin: string | null): [name: string, value: string][] {
  return [
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'same-origin'],
    ...(isHttps(publicOrigin) ? [['Strict-Transport-Security', HSTS] as [string, string]] : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['Cache-Control', NO_STORE]
  ];
}

/** Adds the API's headers (`apiHeaders`) an answer did not set itself; X-Powered-By is never sent. */
export function apiSecurityHeaders(publicOrigin: string | null): MiddlewareHandler {
  const headers = apiHeaders(publicOrigin);
  return async (c, next) => {
    await next();
    const own = c.res.headers;
    for (const [name, value] of headers) if (!own.has(name)) own.set(name, value);
    own.delete('X-Powered-By');
  };
}
