/**
 * Requests for /api that reach SvelteKit (its own server-side `fetch` in
 * `load`, and everything under `vite dev`) go to the same Hono app that
 * server.ts created: one database handle for the process. Under `vite dev`
 * there is no server.ts, so the hook starts the API itself.
 * Also picks the UI language (cookie, then Accept-Language) and renders the
 * page in it: the message functions (Paraglide, i18n/paraglide) read the
 * request's locale from an AsyncLocalStorage this hook runs the request in,
 * so two pages rendered at once in two languages never mix. And gives every
 * page its security headers and no-store (lib/server/page-headers.ts).
 *
 * A page rendered on the server reads the API with SvelteKit's `fetch`;
 * `handleFetch` hands those GETs straight to the Hono app with one render
 * object per page request, so the session is checked once per render, not
 * once per call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle, HandleFetch, RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { overwriteServerAsyncLocalStorage } from '$i18n/paraglide/runtime.js';
import { type Locale, LOCALE_COOKIE, pickLocale } from '$lib/i18n/index.js';
import { hardenPage } from '$lib/server/page-headers.js';

type ApiApp = { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };

declare global {
  // eslint-disable-next-line no-var
  var __regiodeskApi: ApiApp | undefined;
}

let starting: Promise<ApiApp> | null = null;

async function apiApp(): Promise<ApiApp> {
  if (globalThis.__regiodeskApi) return globalThis.__regiodeskApi;
  if (dev) {
    starting ??= import('../api/bootstrap.js').then(async ({ bootstrap }) => (globalThis.__regiodeskApi = (await bootstrap()).app));
    return starting;
  }
  throw new Error('The API was not handed over: start RegioDesk with `npm start` (server.ts).');
}

/** The page request's locale, for Paraglide's getLocale() while the request is handled. */
const pageLocale = new AsyncLocalStorage<{ locale?: Locale }>();
overwriteServerAsyncLocalStorage(pageLocale);

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** What the API app is handed besides the request: the client's address and, during a page render, the render. */
function bindings(event: RequestEvent, render?: object) {
  return { incoming: { socket: { remoteAddress: event.getClientAddress() } }, render };
}

/** One render object per page request (keyed by its locals, which live exactly as long). */
const renders = new WeakMap<object, object>();

export const handle: Handle = async ({ event, resolve }) => {
  if (isApi(event.url.pathname)) {
    const app = await apiApp();
    return app.fetch(event.request, bindings(event));
  }
  const locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  return hardenPage(await pageLocale.run({ locale }, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })));
};

export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin !== event.url.origin || !isApi(url.pathname) || request.method !== 'GET' || request.credentials === 'omit') return fetch(request);
  // what SvelteKit's own fetch would add to a same-origin request: the page's cookies and language
  const headers = new Headers(request.headers);
  const cookie = event.request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  const language = event.request.headers.get('accept-language');
  if (language && !headers.has('accept-language')) headers.set('accept-language', language);
  let render = renders.get(event.locals);
  if (!render) renders.set(event.locals, (render = {}));
  const app = await apiApp();
  return app.fetch(new Request(request, { headers }), bindings(event, render));
};
