/**
 * /api/auth: signing in and out, invitations (public), and the signed-in
 * user's own account and personal access tokens (signed in).
 */
import { Hono } from 'hono';
import { clearSessionCookie, expectedOrigin, setLocaleCookie, setSessionCookie } from '../auth/middleware.js';
import type { PlatformEnv } from '../services/index.js';
import { describe } from '../http/openapi.js';
import {
  AcceptInvitation,
  AccessTokenCreate,
  AccessTokenList,
  CreatedAccessToken,
  InvitationInfo,
  InvitationLookup,
  LocaleChange,
  Me,
  SignedOut,
  SignIn,
  SignInMethods
} from '../schemas/auth.js';
import { IdParam } from '../schemas/common.js';
import { validate } from '../http/validation.js';

const tag = 'Sign-in';

/** Reachable without signing in. */
export const sessionRoutes = new Hono<PlatformEnv>()
  .get(
    '/sign-in-methods',
    describe({ tag, summary: 'How one signs in here: the password form (unless switched off) and the OpenID provider’s “Sign in with …” (when configured)', body: SignInMethods, public: true }),
    (c) => c.json(c.var.services.singleSignOn.methods())
  )
  .post(
    '/sign-in',
    describe({ tag, summary: 'Sign in with email and password; sets the session cookie and the language cookie to the account’s language (403 when password sign-in is switched off)', body: Me, public: true, also: { 429: 'Too many failed attempts' } }),
    validate('json', SignIn),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { caller, sessionToken, locale } = await c.var.services.auth.signIn(email, password, {
        address: c.var.clientAddress,
        userAgent: c.req.header('User-Agent') ?? null,
        previousToken: c.var.sessionToken
      });
      setSessionCookie(c, sessionToken, c.var.settings);
      setLocaleCookie(c, locale, c.var.settings);
      return c.json(await c.var.services.auth.me(caller), 200);
    }
  )
  .post(
    '/sign-out',
    describe({
      tag,
      summary: 'End the current session; 204, or 200 with the OpenID provider’s sign-out address when single sign-on started the session and the provider offers RP-initiated logout',
      body: SignedOut,
      public: true
    }),
    async (c) => {
      // read before the session goes: the provider's session is ended with the ID token this one kept
      const endSessionUrl = await c.var.services.singleSignOn.endSessionUrl(expectedOrigin(c, c.var.settings), c.var.sessionToken);
      await c.var.services.auth.signOut(c.var.sessionToken);
      clearSessionCookie(c);
      return endSessionUrl ? c.json({ endSessionUrl }, 200) : c.body(null, 204);
    }
  )
  .get('/invitations/:token', describe({ tag, summary: 'Who an invitation link is for', body: InvitationInfo, public: true }), validate('param', InvitationLookup), async (c) =>
    c.json(await c.var.services.auth.invitation(c.req.valid('param').token))
  )
  .post(
    '/accept-invitation',
    describe({ tag, summary: 'Set your password from an invitation link; signs you in', body: Me, public: true, also: { 410: 'The invitation link was used already (also by a second submit at the same moment) or has expired' } }),
    validate('json', AcceptInvitation),
    async (c) => {
      const { caller, sessionToken, locale } = await c.var.services.auth.acceptInvitation(c.req.valid('json'), {
        address: c.var.clientAddress,
        userAgent: c.req.header('User-Agent') ?? null
      });
      setSessionCookie(c, sessionToken, c.var.settings);
      setLocaleCookie(c, locale, c.var.settings);
      return c.json(await c.var.services.auth.me(caller), 200);
    }
  );

/** Needs a signed-in caller. */
export const accountRoutes = new Hono<PlatformEnv>()
  .get('/me', describe({ tag, summary: 'The signed-in user with their partnership roles', body: Me }), async (c) =>
    c.json(await c.var.services.auth.me(c.var.caller))
  )
  .put('/me/locale', describe({ tag, summary: 'Remember the preferred language' }), validate('json', LocaleChange), async (c) => {
    await c.var.services.auth.setLocale(c.var.caller, c.req.valid('json').locale);
    return c.body(null, 204);
  })
  .get('/tokens', describe({ tag, summary: 'Your personal access tokens with their last use', body: AccessTokenList }), async (c) =>
    c.json({ items: await c.var.services.auth.listTokens(c.var.caller) })
  )
  .post('/tokens', describe({ tag, summary: 'Create a personal access token (shown once)', body: CreatedAccessToken, status: 201 }), validate('json', AccessTokenCreate), async (c) =>
    c.json(await c.var.services.auth.createToken(c.var.caller, c.req.valid('json').name), 201)
  )
  .delete('/tokens/:id', describe({ tag, summary: 'Revoke a personal access token' }), validate('param', IdParam), async (c) => {
    await c.var.services.auth.revokeToken(c.var.caller, c.req.valid('param').id);
    return c.body(null, 204);
  });
