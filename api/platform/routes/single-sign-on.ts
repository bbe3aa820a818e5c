/**
 * /api/auth/oidc: single sign-on through the configured OpenID provider.
 * `start` sends the browser to the provider and keeps state, nonce and PKCE
 * verifier in a short-lived HttpOnly cookie (sent back only to these
 * routes); `callback` takes the browser back, signs it in with the same
 * session cookie as a password does and goes on to the page it came for —
 * or, refused, to the sign-in page with the reason (`?sso=…`), never an
 * error page.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { expectedOrigin, setLocaleCookie, setSessionCookie } from '../auth/middleware.js';
import { LOCALE_COOKIE, pickLocale } from '../../../i18n/locales.js';
import type { PendingSignIn } from '../auth/openid-provider.js';
import { Problem, words } from '../http/errors.js';
import { describe } from '../http/openapi.js';
import { validate } from '../http/validation.js';
import { SingleSignOnCallback, SingleSignOnStart } from '../schemas/auth.js';
import type { PlatformEnv } from '../services/index.js';
import { PENDING_MINUTES, SingleSignOnRefused, SIGNED_OUT_PATH } from '../services/single-sign-on.js';

const tag = 'Sign-in';
const PENDING_COOKIE = 'regiodesk_sso';
const PENDING_PATH = '/api/auth/oidc';

function keepPending(c: Context<PlatformEnv>, pending: PendingSignIn): void {
  setCookie(c, PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    path: PENDING_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET, which carries it
    sameSite: 'Lax',
    secure: c.var.settings.secureCookies,
    maxAge: PENDING_MINUTES * 60
  });
}

function takePending(c: Context<PlatformEnv>): PendingSignIn | null {
  const value = getCookie(c, PENDING_COOKIE);
  deleteCookie(c, PENDING_COOKIE, { path: PENDING_PATH });
  if (!value) return null;
  try {
    const pending = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const complete = ['state', 'nonce', 'verifier', 'next', 'startedAt'].every((key) => typeof pending[key as keyof PendingSignIn] === 'string');
    return complete ? (pending as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/** Back to the sign-in page, which words the reason (account.sso.<reason> in the web's catalogue). */
function refused(c: Context<PlatformEnv>, error: SingleSignOnRefused, next?: string) {
  const query = new URLSearchParams({ sso: error.reason });
  if (next && next !== '/') query.set('next', next);
  return c.redirect(`${SIGNED_OUT_PATH}?${query}`, 302);
}

function requireConfigured(c: Context<PlatformEnv>): void {
  if (!c.var.services.singleSignOn.configured) throw new Problem(404, 'Not found', words('problems_singleSignOnOff'), { errors: [] });
}

export const singleSignOnRoutes = new Hono<PlatformEnv>()
  .get(
    '/start',
    describe({ tag, summary: 'Sign in through the OpenID provider: redirects there (authorisation code flow with PKCE, state and nonce); 404 when single sign-on is not configured', status: 302, public: true }),
    validate('query', SingleSignOnStart),
    async (c) => {
      requireConfigured(c);
      const { next } = c.req.valid('query');
      try {
        const { redirect, pending } = await c.var.services.singleSignOn.start(expectedOrigin(c, c.var.settings), next);
        keepPending(c, pending);
        return c.redirect(redirect, 302);
      } catch (error) {
        if (error instanceof SingleSignOnRefused) return refused(c, error, next);
        throw error;
      }
    }
  )
  .get(
    '/callback',
    describe({
      tag,
      summary: 'Where the OpenID provider sends the browser back: signs in (the session cookie, and the language cookie set to the account’s language) and redirects to the page asked for, or to the sign-in page with the reason (?sso=state|denied|rejected|unverified|unknown|disabled|unavailable)',
      status: 302,
      public: true
    }),
    validate('query', SingleSignOnCallback),
    async (c) => {
      requireConfigured(c);
      const pending = takePending(c);
      try {
        const { sessionToken, next, locale } = await c.var.services.singleSignOn.finish(expectedOrigin(c, c.var.settings), new URL(c.req.url).searchParams, pending, {
          address: c.var.clientAddress,
          userAgent: c.req.header('User-Agent') ?? null,
          previousToken: c.var.sessionToken,
          // an account made at this sign-in starts in the language the browser shows the app in
          locale: pickLocale(getCookie(c, LOCALE_COOKIE), c.req.header('Accept-Language') ?? null)
        });
        setSessionCookie(c, sessionToken, c.var.settings);
        setLocaleCookie(c, locale, c.var.settings);
        return c.redirect(next, 302);
      } catch (error) {
        if (error instanceof SingleSignOnRefused) return refused(c, error, pending?.next);
        throw error;
      }
    }
  );
