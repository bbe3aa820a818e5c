/**
 * Requests for /api that reach SvelteKit (its own server-side `fetch` in
 * `load`, and everything under `vite dev`) go to the same Hono app that
 * server.ts created: one database handle for the process. Under `vite dev`
 * there is no server.ts, so the hook starts the API itself.
 * Also picks the UI language (cookie, then Accept-Language).
 */
import type { Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { LOCALE_COOKIE, pickLocale } from '$lib/i18n/index.js';

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

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    const app = await apiApp();
    return app.fetch(event.request, { incoming: { socket: { remoteAddress: event.getClientAddress() } } });
  }
  const locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
