/**
 * Single sign-on end to end against a real OpenID provider (oidc-provider on
 * a local port): the browser walks start → the provider's login form →
 * callback with real HTTP and cookies; RegioDesk's side goes through the
 * real app on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { CookieBrowser, type Visit } from '../../support/cookie-browser.js';
import { expectProblem } from '../../support/http.js';
import { startOpenIdProvider, freePort, type TestOpenIdProvider } from '../../support/openid-provider.js';
import { PASSWORD } from '../../support/world.js';
import { allRows, firstRow, runSql } from '../../support/sql.js';

const APP = 'http://regiodesk.test';
const CALLBACK = `${APP}/api/auth/oidc/callback`;

let provider: TestOpenIdProvider;
let h: ApiHarness;

beforeAll(async () => {
  provider = await startOpenIdProvider({ appOrigin: APP });
  h = await apiHarness({ REGIODESK_PUBLIC_ORIGIN: APP, ...provider.env() });
  provider.accounts.set('officer', { email: 'officer@test.regiodesk.eu', email_verified: true, name: 'Officer at the directory' });
  provider.accounts.set('unverified', { email: 'editor@test.regiodesk.eu', email_verified: false });
  provider.accounts.set('stranger', { email: 'stranger@elsewhere.example', email_verified: true });
  provider.accounts.set('newcomer', { email: 'Newcomer@Rhein-Neckar.example', email_verified: true, given_name: 'Nele', family_name: 'Neumann' });
  provider.accounts.set('flemish-newcomer', { email: 'nieuwkomer@vlaams-brabant.example', email_verified: true, given_name: 'Lotte', family_name: 'Claes' });
  provider.accounts.set('outsider-domain', { email: 'someone@other-region.example', email_verified: true });
  // a directory that names people by their user principal name and says nothing of e-mail verification (Entra ID)
  provider.accounts.set('by-upn', { upn: 'viewer@test.regiodesk.eu' });
});
afterAll(async () => {
  h?.close();
  await provider?.close();
});

/** An app on the harness's database with more settings (just-in-time domains, password sign-in off). */
function appWith(env: Record<string, string>) {
  return createApp({ db: h.db, settings: settingsFrom({ REGIODESK_PUBLIC_ORIGIN: APP, ...provider.env(), ...env }) });
}

const isCallback = (url: string) => url.startsWith(CALLBACK);
/** a page of the web app (not the API): where a sign-in ends */
const isPage = (url: string) => url.startsWith(APP) && !url.startsWith(`${APP}/api/`);

/** From the start route to the provider's login form. */
async function toLoginForm(browser: CookieBrowser, next = '/partnerships'): Promise<Visit> {
  const login = await browser.follow(`${APP}/api/auth/oidc/start?next=${encodeURIComponent(next)}`, {}, isPage);
  expect(login.status, login.body.slice(0, 500)).toBe(200);
  expect(login.url.startsWith(provider.issuer)).toBe(true);
  return login;
}

/** Logs in at the provider and stops just before the browser is back at RegioDesk's callback (the redirect to it). */
async function upToCallback(browser: CookieBrowser, login: string): Promise<string> {
  const back = await browser.submitForm(await toLoginForm(browser), { login, password: 'anything' }, { stopAt: isCallback });
  expect(back.location && isCallback(back.location), back.body.slice(0, 500)).toBe(true);
  return back.location!;
}

/** The whole sign-in; returns where RegioDesk sent the browser in the end. */
async function signInAs(browser: CookieBrowser, login: string): Promise<string> {
  const end = await browser.follow(await upToCallback(browser, login), {}, isPage);
  expect(end.status).toBe(302);
  return end.location!;
}

async function me(browser: CookieBrowser, app = h.app) {
  const session = browser.cookie(APP, 'regiodesk_session');
  const response = await app.request(`${APP}/api/auth/me`, { headers: session ? { Cookie: `regiodesk_session=${session}` } : {} });
  return { status: response.status, body: await response.json() };
}

const failures = async () => ((await firstRow(h, 'SELECT count(*) AS n FROM sign_in_failures')) as { n: number }).n;
const userNamed = async (email: string) => (await firstRow(h, 'SELECT * FROM users WHERE email = ?', email)) as { id: string; name: string; is_admin: number; password_hash: string | null } | undefined;

describe('single sign-on through an OpenID provider', () => {
  it('signs a verified e-mail into its account with the same session cookie as a password, and goes on to the page asked for', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const end = await signInAs(browser, 'officer');
    expect(end).toBe(`${APP}/partnerships`);

    // the authorisation request carried PKCE (S256), state and nonce
    const asked = new URL(browser.visited.find((url) => url.startsWith(`${provider.issuer}/auth?`))!);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(asked.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(asked.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(asked.searchParams.get('redirect_uri')).toBe(CALLBACK);

    const who = await me(browser);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ email: 'officer@test.regiodesk.eu', memberships: [{ partnershipId: h.world.partnerships.p1, role: 'officer' }] });
    // the pending sign-in is forgotten; the session is recorded as a password session is, with the provider's ID token for sign-out
    expect(browser.cookie(APP, 'regiodesk_sso')).toBeUndefined();
    const session = (await firstRow(h, 'SELECT s.ip, s.id_token FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.id_token IS NOT NULL', 'officer@test.regiodesk.eu')) as { ip: string; id_token: string };
    expect(session.ip).toBe('local');
    expect(session.id_token.split('.')).toHaveLength(3);
    // the account's language is applied at sign-in, as with a password
    expect(browser.cookie(APP, 'regiodesk_locale')).toBe('en');
  });

  it('refuses a callback whose state is not the one this browser was sent with, and one from a browser that never started', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const callback = new URL(await upToCallback(browser, 'officer'));
    const failuresBefore = (await failures());
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-this-browser-never-had');
    const refused = await browser.request(forged.href);
    expect(refused.status).toBe(302);
    expect(refused.location).toBe(`${APP}/sign-in?sso=state&next=%2Fpartnerships`);
    expect(browser.cookie(APP, 'regiodesk_session')).toBeUndefined();
    expect((await me(browser)).status).toBe(401);
    expect((await failures())).toBe(failuresBefore + 1);

    // the right state in another browser (no pending sign-in there): refused too
    const other = new CookieBrowser(h.app, APP);
    const elsewhere = await other.request(callback.href);
    expect(elsewhere.location).toBe(`${APP}/sign-in?sso=state`);
    expect(other.cookie(APP, 'regiodesk_session')).toBeUndefined();
  });

  it('refuses a code used before, even with the pending sign-in it was issued for', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const callback = await upToCallback(browser, 'officer');
    const pending = browser.cookie(APP, 'regiodesk_sso')!;
    expect((await browser.request(callback)).location).toBe(`${APP}/partnerships`);

    // someone who copied the callback address and the pending cookie replays them
    const thief = new CookieBrowser(h.app, APP);
    thief.setCookie(APP, 'regiodesk_sso', pending);
    const replayed = await thief.request(callback);
    expect(replayed.location).toBe(`${APP}/sign-in?sso=rejected&next=%2Fpartnerships`);
    expect(thief.cookie(APP, 'regiodesk_session')).toBeUndefined();
  });

  it('refuses an e-mail the provider has not verified, counting the failure', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const before = (await failures());
    expect(await signInAs(browser, 'unverified')).toBe(`${APP}/sign-in?sso=unverified&next=%2Fpartnerships`);
    expect(browser.cookie(APP, 'regiodesk_session')).toBeUndefined();
    // one row per key, as a wrong password makes: the client's address and the account
    expect((await failures())).toBe(before + 2);
    expect((await firstRow(h, 'SELECT count(*) AS n FROM sign_in_failures WHERE key = ?', 'account:editor@test.regiodesk.eu'))).toEqual({ n: 1 });
  });

  it('refuses a person with no account and makes none (just-in-time creation is off)', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const users = ((await firstRow(h, 'SELECT count(*) AS n FROM users')) as { n: number }).n;
    expect(await signInAs(browser, 'stranger')).toBe(`${APP}/sign-in?sso=unknown&next=%2Fpartnerships`);
    expect((await userNamed('stranger@elsewhere.example'))).toBeUndefined();
    expect((await firstRow(h, 'SELECT count(*) AS n FROM users'))).toEqual({ n: users });
  });

  it('makes an account at the first sign-in in a listed domain, with no role, and refuses other domains', async () => {
    const app = appWith({ REGIODESK_OIDC_JIT_DOMAINS: 'rhein-neckar.example, vlaams-brabant.example' });
    const browser = new CookieBrowser(app, APP);
    expect(await signInAs(browser, 'newcomer')).toBe(`${APP}/partnerships`);
    const made = (await userNamed('newcomer@rhein-neckar.example'))!;
    expect(made).toMatchObject({ name: 'Nele Neumann', is_admin: 0, password_hash: null });
    const who = await me(browser, app);
    expect(who.body).toMatchObject({ email: 'newcomer@rhein-neckar.example', isAdmin: false, memberships: [] });
    const audit = (await allRows(h, "SELECT actor_id FROM audit_events WHERE entity_type = 'user' AND entity_id = ?", made.id));
    expect(audit).toEqual([{ actor_id: null }]);
    // the second sign-in finds the account it made
    const again = new CookieBrowser(app, APP);
    expect(await signInAs(again, 'newcomer')).toBe(`${APP}/partnerships`);
    expect((await firstRow(h, "SELECT count(*) AS n FROM users WHERE email = 'newcomer@rhein-neckar.example'"))).toEqual({ n: 1 });

    // an account made at sign-in starts in the language the browser shows the app in (Accept-Language here; the switch's cookie would win)
    const flemish = new CookieBrowser(app, APP);
    const back = await upToCallback(flemish, 'flemish-newcomer');
    expect((await flemish.follow(back, { headers: { 'Accept-Language': 'nl-BE,nl;q=0.9,en;q=0.5' } }, isPage)).location).toBe(`${APP}/partnerships`);
    expect(((await firstRow(h, "SELECT locale FROM users WHERE email = 'nieuwkomer@vlaams-brabant.example'")) as { locale: string }).locale).toBe('nl');
    expect(flemish.cookie(APP, 'regiodesk_locale')).toBe('nl');

    const elsewhere = new CookieBrowser(app, APP);
    expect(await signInAs(elsewhere, 'outsider-domain')).toBe(`${APP}/sign-in?sso=unknown&next=%2Fpartnerships`);
    expect((await userNamed('someone@other-region.example'))).toBeUndefined();
  });

  it('with password sign-in switched off, refuses the password with a worded 403 and still signs in through the provider', async () => {
    const app = appWith({ REGIODESK_PASSWORD_SIGN_IN: 'off' });
    const methods = await app.request(`${APP}/api/auth/sign-in-methods`);
    expect(await methods.json()).toEqual({ password: false, singleSignOn: { label: 'Test Directory' } });
    const password = await app.request(`${APP}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: APP },
      body: JSON.stringify({ email: 'officer@test.regiodesk.eu', password: PASSWORD })
    });
    const reply = { status: password.status, headers: password.headers, body: await password.json() };
    expectProblem(reply, 403);
    expect(reply.body.detail).toBe('Signing in with a password is switched off here: use “Sign in with Test Directory” instead.');
    expect(await signInAs(new CookieBrowser(app, APP), 'officer')).toBe(`${APP}/partnerships`);
    // with the defaults both ways are offered
    expect(await (await h.app.request(`${APP}/api/auth/sign-in-methods`)).json()).toEqual({ password: true, singleSignOn: { label: 'Test Directory' } });
  });

  it('with password sign-in switched off, an invitation sets no password: the invited person signs in through the provider', async () => {
    const invited = await h.as.sysadmin.post('/api/users', { email: 'invited.officer@test.regiodesk.eu', name: 'Ilse Invited' });
    expect(invited.status).toBe(201);
    const token = new URL(invited.body.invitationUrl).pathname.split('/').pop()!;
    const app = appWith({ REGIODESK_PASSWORD_SIGN_IN: 'off' });
    const accept = await app.request(`${APP}/api/auth/accept-invitation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: APP },
      body: JSON.stringify({ token, password: 'a-long-enough-passphrase-2026' })
    });
    const reply = { status: accept.status, headers: accept.headers, body: await accept.json() };
    expectProblem(reply, 403);
    expect(reply.body.detail).toBe('Signing in with a password is switched off here: use “Sign in with Test Directory” instead.');
    expect((await userNamed('invited.officer@test.regiodesk.eu'))!.password_hash).toBeNull();
    provider.accounts.set('invited', { email: 'invited.officer@test.regiodesk.eu', email_verified: true });
    const browser = new CookieBrowser(app, APP);
    expect(await signInAs(browser, 'invited')).toBe(`${APP}/partnerships`);
    expect((await me(browser, app)).body.email).toBe('invited.officer@test.regiodesk.eu');
  });

  it('signs out of RegioDesk and of the provider (RP-initiated logout), after which the provider asks for the login again', async () => {
    const browser = new CookieBrowser(h.app, APP);
    await signInAs(browser, 'officer');
    // while the provider's session lasts, a new sign-in goes straight through, without its login form
    const straight = await browser.follow(`${APP}/api/auth/oidc/start`, {}, isPage);
    expect(straight.location).toBe(`${APP}/`);

    const out = await browser.request(`${APP}/api/auth/sign-out`, { method: 'POST', headers: { Origin: APP } });
    expect(out.status).toBe(200);
    const endSession = new URL(JSON.parse(out.body).endSessionUrl);
    expect(endSession.href.startsWith(`${provider.issuer}/session/end`)).toBe(true);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/sign-in`);
    expect(endSession.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(browser.cookie(APP, 'regiodesk_session')).toBeUndefined();
    expect((await me(browser)).status).toBe(401);

    const confirm = await browser.follow(endSession.href, {}, isPage);
    const signedOut = await browser.submitForm(confirm, { logout: 'yes' }, { formWith: 'op.logoutForm', stopAt: isPage });
    expect(signedOut.location).toBe(`${APP}/sign-in`);
    // the provider's session is over: the next sign-in shows its login form again
    await toLoginForm(browser);
  });

  it('signs a password session out as before (204, no provider involved)', async () => {
    const signIn = await h.app.request(`${APP}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: APP },
      body: JSON.stringify({ email: 'viewer@test.regiodesk.eu', password: PASSWORD })
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const out = await h.app.request(`${APP}/api/auth/sign-out`, { method: 'POST', headers: { Origin: APP, Cookie: cookie } });
    expect(out.status).toBe(204);
  });

  it('matches by the configured claim instead of a verified e-mail when one is set', async () => {
    const app = appWith({ REGIODESK_OIDC_EMAIL_CLAIM: 'upn' });
    const browser = new CookieBrowser(app, APP);
    expect(await signInAs(browser, 'by-upn')).toBe(`${APP}/partnerships`);
    expect((await me(browser, app)).body).toMatchObject({ email: 'viewer@test.regiodesk.eu' });
    // with the default claim the same person has no verified e-mail
    expect(await signInAs(new CookieBrowser(h.app, APP), 'by-upn')).toBe(`${APP}/sign-in?sso=unverified&next=%2Fpartnerships`);
  });

  it('refuses a disabled account', async () => {
    await runSql(h, "UPDATE users SET disabled_at = '2026-12-01T00:00:00.000Z' WHERE email = 'outsider@test.regiodesk.eu'");
    provider.accounts.set('disabled', { email: 'outsider@test.regiodesk.eu', email_verified: true });
    try {
      const browser = new CookieBrowser(h.app, APP);
      expect(await signInAs(browser, 'disabled')).toBe(`${APP}/sign-in?sso=disabled&next=%2Fpartnerships`);
      expect(browser.cookie(APP, 'regiodesk_session')).toBeUndefined();
    } finally {
      await runSql(h, "UPDATE users SET disabled_at = NULL WHERE email = 'outsider@test.regiodesk.eu'");
    }
  });

  it('forgets a sign-in that took longer than ten minutes at the provider', async () => {
    let now = new Date('2026-12-07T09:00:00Z');
    const app = createApp({ db: h.db, settings: settingsFrom({ REGIODESK_PUBLIC_ORIGIN: APP, ...provider.env() }), clock: () => now });
    const browser = new CookieBrowser(app, APP);
    const callback = await upToCallback(browser, 'officer');
    now = new Date('2026-12-07T09:10:01Z');
    expect((await browser.request(callback)).location).toBe(`${APP}/sign-in?sso=state&next=%2Fpartnerships`);
    expect(browser.cookie(APP, 'regiodesk_session')).toBeUndefined();
  });

  it('sends the browser back to the sign-in page, never to an error, when the provider cannot be reached', async () => {
    const port = await freePort();
    const app = createApp({ db: h.db, settings: settingsFrom({ ...provider.env(), REGIODESK_PUBLIC_ORIGIN: APP, REGIODESK_OIDC_ISSUER: `http://127.0.0.1:${port}` }) });
    const browser = new CookieBrowser(app, APP);
    const start = await browser.request(`${APP}/api/auth/oidc/start?next=%2Fcalls`);
    expect(start.status).toBe(302);
    expect(start.location).toBe(`${APP}/sign-in?sso=unavailable&next=%2Fcalls`);
  });

  it('tells a refusal at the provider (error=access_denied) from a wrong state', async () => {
    const browser = new CookieBrowser(h.app, APP);
    const login = await toLoginForm(browser, '/');
    const asked = new URL(browser.visited.find((url) => url.startsWith(`${provider.issuer}/auth?`))!);
    expect(login.status).toBe(200);
    const denied = await browser.request(`${CALLBACK}?error=access_denied&state=${asked.searchParams.get('state')}`);
    expect(denied.location).toBe(`${APP}/sign-in?sso=denied`);
  });

  it('answers 404 at its routes when single sign-on is not configured', async () => {
    const app = createApp({ db: h.db, settings: settingsFrom({}) });
    const start = await app.request('/api/auth/oidc/start');
    expectProblem({ status: start.status, headers: start.headers, body: await start.json() }, 404);
    expect(await (await app.request('/api/auth/sign-in-methods')).json()).toEqual({ password: true, singleSignOn: null });
  });
});

describe('single sign-on settings', () => {
  const base = { REGIODESK_OIDC_ISSUER: 'https://login.example.org/realms/regio', REGIODESK_OIDC_CLIENT_ID: 'regiodesk', REGIODESK_OIDC_CLIENT_SECRET: 's3cret value' };

  it('reads issuer, client, label, claim and domains, with their defaults', () => {
    expect(settingsFrom(base).oidc).toEqual({ issuer: base.REGIODESK_OIDC_ISSUER, clientId: 'regiodesk', clientSecret: 's3cret value', label: 'login.example.org', emailClaim: 'email', jitDomains: [] });
    expect(settingsFrom({ ...base, REGIODESK_OIDC_LABEL: 'Entra ID', REGIODESK_OIDC_EMAIL_CLAIM: 'upn', REGIODESK_OIDC_JIT_DOMAINS: '@Rhein-Neckar.de vlaams-brabant.be' }).oidc).toMatchObject({
      label: 'Entra ID',
      emailClaim: 'upn',
      jitDomains: ['rhein-neckar.de', 'vlaams-brabant.be']
    });
    expect(settingsFrom({})).toMatchObject({ oidc: null, passwordSignIn: true });
  });

  it('stops the start with a sentence naming the variable when settings are bad or incomplete', () => {
    expect(() => settingsFrom({ REGIODESK_OIDC_ISSUER: base.REGIODESK_OIDC_ISSUER })).toThrow(
      'REGIODESK_OIDC_CLIENT_ID must be set too: single sign-on needs REGIODESK_OIDC_ISSUER, REGIODESK_OIDC_CLIENT_ID, REGIODESK_OIDC_CLIENT_SECRET.'
    );
    expect(() => settingsFrom({ ...base, REGIODESK_OIDC_ISSUER: 'http://login.example.org' })).toThrow('REGIODESK_OIDC_ISSUER must be an https URL (http only for localhost), not "http://login.example.org".');
    expect(() => settingsFrom({ ...base, REGIODESK_OIDC_JIT_DOMAINS: 'rhein-neckar.de, not a domain' })).toThrow(/^REGIODESK_OIDC_JIT_DOMAINS must be e-mail domains separated by commas/);
    expect(() => settingsFrom({ REGIODESK_PASSWORD_SIGN_IN: '0' })).toThrow(/^REGIODESK_PASSWORD_SIGN_IN can be off only with single sign-on/);
    expect(() => settingsFrom({ REGIODESK_OIDC_LABEL: 'Keycloak' })).toThrow(/^REGIODESK_OIDC_LABEL is set, but single sign-on is not/);
  });
});
