/**
 * Who is calling: a Bearer personal access token or the session cookie.
 * Cookie-authenticated writes must come from our own origin (CSRF).
 */
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { Settings } from '../config.js';
import type { Caller } from '../http/caller.js';
import type { PlatformEnv } from '../services/index.js';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { clientAddressOf } from '../http/client-address.js';
import { isLocale, LOCALE_COOKIE } from '../../../i18n/locales.js';

export const SESSION_COOKIE = 'regiodesk_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The address of the connection's other end (Node's socket; the page hooks hand SvelteKit's), undefined in-process. */
function peerAddress(c: Context<PlatformEnv>): string | undefined {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
}

/** The origin browsers use: the configured public origin, else the request's own. */
export function expectedOrigin(c: Context<PlatformEnv>, settings: Settings): string {
  if (settings.publicOrigin) return settings.publicOrigin;
  const url = new URL(c.req.url);
  const host = c.req.header('Host') ?? url.host;
  return `${url.protocol}//${host}`;
}

/**
 * One server-side page render: the web's hooks hand the same object with
 * every API call the render makes (in-process only, never from a client), so
 * its session is checked once, not once per call.
 */
export interface PageRender {
  sessionToken?: string;
  caller?: Promise<Caller | null>;
}

function callerOfSession(c: Context<PlatformEnv>, sessionToken: string): Promise<Caller | null> {
  const render = (c.env as { render?: PageRender } | undefined)?.render;
  if (render?.caller && render.sessionToken === sessionToken) return render.caller;
  const caller = c.var.services.auth.fromSession(sessionToken);
  if (render) Object.assign(render, { sessionToken, caller });
  return caller;
}

export function identify(settings: Settings): MiddlewareHandler<PlatformEnv> {
  // the peer, or behind a trusted proxy the client it forwards for (REGIODESK_TRUSTED_PROXIES)
  const addressOf = clientAddressOf(settings.trustedProxies);
  return async (c, next) => {
    const auth = c.req.header('Authorization');
    const sessionToken = getCookie(c, SESSION_COOKIE) ?? null;
    c.set('sessionToken', sessionToken);
    c.set('clientAddress', addressOf(peerAddress(c), c.req.header('X-Forwarded-For')));
    c.set('maybeCaller', null);
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      const caller = match ? await c.var.services.auth.fromAccessToken(match[1]!) : null;
      if (!caller) throw new Unauthorized('problems_tokenUnknown');
      c.set('maybeCaller', caller);
    } else if (sessionToken) {
      const caller = await callerOfSession(c, sessionToken);
      if (caller) c.set('maybeCaller', caller);
      else deleteCookie(c, SESSION_COOKIE, { path: '/' });
    }
    // Cookies ride along on cross-site requests; a write must prove it comes from our pages.
    if (!auth && !SAFE_METHODS.has(c.req.method) && (sessionToken || c.req.header('Origin'))) {
      const origin = c.req.header('Origin');
      if (origin !== expectedOrigin(c, settings)) {
        throw new Forbidden('problems_crossSite');
      }
    }
    await next();
  };
}

export const requireCaller: MiddlewareHandler<PlatformEnv> = async (c, next) => {
  const caller = c.var.maybeCaller;
  if (!caller) throw new Unauthorized();
  c.set('caller', caller);
  await next();
};

export function setSessionCookie(c: Context<PlatformEnv>, token: string, settings: Settings): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    maxAge: settings.sessionMaxDays * 24 * 3600
  });
}

/**
 * The UI language cookie (i18n/locales.ts), set to the account's language at
 * sign-in so the pages speak it from then on. Readable by the page: its
 * language switch writes the same cookie (and the account).
 */
export function setLocaleCookie(c: Context<PlatformEnv>, locale: string, settings: Settings): void {
  if (!isLocale(locale)) return;
  setCookie(c, LOCALE_COOKIE, locale, { path: '/', sameSite: 'Lax', secure: settings.secureCookies, maxAge: 365 * 24 * 3600 });
}

export function clearSessionCookie(c: Context<PlatformEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
