import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { client, expectProblem } from '../../support/http.js';
import { PASSWORD } from '../../support/world.js';
import { allRows, firstRow, runSql } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const ORIGIN = 'http://localhost';

/** A browser-like session: keeps the cookie, sends our Origin on writes. */
function browser(app = h.app, address = '10.1.1.1') {
  let cookie: string | null = null;
  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await app.request(
      path,
      {
        method,
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(method !== 'GET' ? { Origin: ORIGIN } : {}),
          ...(cookie ? { Cookie: cookie } : {}),
          ...headers
        },
        body: body === undefined ? undefined : JSON.stringify(body)
      },
      { incoming: { socket: { remoteAddress: address } } }
    );
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = /Max-Age=0/i.test(setCookie) ? null : setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, setCookie, body: text ? JSON.parse(text) : null };
  }
  return { send, cookie: () => cookie, setCookie: (c: string | null) => (cookie = c) };
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who signed in', async () => {
    const b = browser();
    const reply = await b.send('POST', '/api/auth/sign-in', { email: 'Officer@test.regiodesk.eu', password: PASSWORD });
    expect(reply.status).toBe(200);
    expect(reply.setCookie).toMatch(/^regiodesk_session=[\w-]{40,};/);
    expect(reply.setCookie).toMatch(/HttpOnly/);
    expect(reply.setCookie).toMatch(/SameSite=Lax/);
    expect(reply.body).toMatchObject({ email: 'officer@test.regiodesk.eu', memberships: [{ partnershipId: h.world.partnerships.p1, role: 'officer' }] });
    expect((await b.send('GET', '/api/auth/me')).status).toBe(200);
  });

  it('stores only a hash of the session secret, and rotates the session at every sign-in', async () => {
    const b = browser();
    await b.send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD });
    const first = b.cookie()!;
    const secret = first.split('=')[1]!;
    const ids = (await allRows(h, 'SELECT id FROM sessions')) as { id: string }[];
    expect(ids.some((r) => r.id === secret)).toBe(false);
    await b.send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD });
    expect(b.cookie()).not.toBe(first);
    const old = browser();
    old.setCookie(first);
    expectProblem(await old.send('GET', '/api/auth/me') as never, 401);
  });

  it('refuses a wrong password with 401 and the same message as an unknown account', async () => {
    const wrong = await browser(h.app, '10.2.2.2').send('POST', '/api/auth/sign-in', { email: 'viewer@test.regiodesk.eu', password: 'not-the-password' });
    const unknown = await browser(h.app, '10.2.2.2').send('POST', '/api/auth/sign-in', { email: 'nobody@test.regiodesk.eu', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('signs out: the session ends on the server', async () => {
    const b = browser();
    await b.send('POST', '/api/auth/sign-in', { email: 'admin@test.regiodesk.eu', password: PASSWORD });
    const cookie = b.cookie();
    expect((await b.send('POST', '/api/auth/sign-out')).status).toBe(204);
    const replay = browser();
    replay.setCookie(cookie);
    expect((await replay.send('GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another origin or without one', async () => {
    const b = browser();
    await b.send('POST', '/api/auth/sign-in', { email: 'officer@test.regiodesk.eu', password: PASSWORD });
    const foreign = await b.send('POST', '/api/regions', { name: 'Evil', country: 'DE' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const none = await h.app.request('/api/regions', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: b.cookie()! }, body: JSON.stringify({ name: 'Evil', country: 'DE' }) });
    expect(none.status).toBe(403);
    expect((await b.send('POST', '/api/regions', { name: 'Fine', country: 'DE' })).status).toBe(201);
  });
});

describe('the account’s language', () => {
  /** The language cookie an answer sets, from its Set-Cookie lines. */
  const localeCookie = (headers: Headers) => headers.getSetCookie().find((line) => line.startsWith('regiodesk_locale='));

  it('is applied at sign-in: the answer sets the language cookie, readable by the page, to it', async () => {
    const b = browser(h.app, '10.3.3.1');
    await b.send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD });
    const first = await b.send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD });
    expect(first.body.locale).toBe('en');
    expect(localeCookie(first.headers)).toMatch(/^regiodesk_locale=en; Max-Age=31536000; Path=\/; SameSite=Lax$/);

    // the switch writes the account's language: the next sign-in, on any browser, applies it
    expect((await b.send('PUT', '/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    const elsewhere = await browser(h.app, '10.3.3.2').send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD }, { Cookie: 'regiodesk_locale=de' });
    expect(elsewhere.body.locale).toBe('nl');
    expect(localeCookie(elsewhere.headers)).toMatch(/^regiodesk_locale=nl;/);
    await b.send('PUT', '/api/auth/me/locale', { locale: 'en' });
  });

  it('is one of the UI languages', async () => {
    const b = browser(h.app, '10.3.3.3');
    await b.send('POST', '/api/auth/sign-in', { email: 'editor@test.regiodesk.eu', password: PASSWORD });
    expectProblem((await b.send('PUT', '/api/auth/me/locale', { locale: 'fr' })) as never, 400, 'locale');
  });

  it('of an invited person is the one they accepted the invitation in', async () => {
    const invited = await h.as.sysadmin.post('/api/users', { email: 'nl.officer@test.regiodesk.eu', name: 'Lotte Claes', organisationId: h.world.organisations.pfb });
    const token = new URL(invited.body.invitationUrl).pathname.split('/').pop()!;
    const accepted = await browser(h.app, '10.3.3.4').send('POST', '/api/auth/accept-invitation', { token, password: 'een-lang-genoeg-wachtwoord', locale: 'nl' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.locale).toBe('nl');
    expect(localeCookie(accepted.headers)).toMatch(/^regiodesk_locale=nl;/);
  });
});

describe('throttling', () => {
  it('locks an account after 5 failures within the window, even for the right password, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await browser(h.app, `10.3.0.${i}`).send('POST', '/api/auth/sign-in', { email: 'outsider@test.regiodesk.eu', password: 'wrong-password' });
      expect(r.status).toBe(401);
    }
    const locked = await browser(h.app, '10.3.0.99').send('POST', '/api/auth/sign-in', { email: 'outsider@test.regiodesk.eu', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one address across accounts', async () => {
    const app = createApp({ db: h.db, settings: settingsFrom({ REGIODESK_SIGNIN_MAX_PER_ADDRESS: '3' }) });
    for (let i = 0; i < 3; i++) await browser(app, '10.4.4.4').send('POST', '/api/auth/sign-in', { email: `someone${i}@test.regiodesk.eu`, password: 'x' });
    const blocked = await browser(app, '10.4.4.4').send('POST', '/api/auth/sign-in', { email: 'sysadmin@test.regiodesk.eu', password: PASSWORD });
    expect(blocked.status).toBe(429);
    const elsewhere = await browser(app, '10.4.4.5').send('POST', '/api/auth/sign-in', { email: 'sysadmin@test.regiodesk.eu', password: PASSWORD });
    expect(elsewhere.status).toBe(200);
  });
});

describe('session expiry', () => {
  it('ends a session after the idle time', async () => {
    let now = new Date('2026-11-23T09:00:00Z');
    const app = createApp({ db: h.db, settings: settingsFrom({ REGIODESK_SESSION_IDLE_MINUTES: '30' }), clock: () => now });
    const b = browser(app, '10.5.5.5');
    await b.send('POST', '/api/auth/sign-in', { email: 'viewer@test.regiodesk.eu', password: PASSWORD });
    now = new Date('2026-11-23T09:25:00Z');
    expect((await b.send('GET', '/api/auth/me')).status).toBe(200);
    now = new Date('2026-11-23T09:50:00Z');
    expect((await b.send('GET', '/api/auth/me')).status).toBe(200);
    now = new Date('2026-11-23T10:25:00Z');
    expect((await b.send('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('personal access tokens', () => {
  it('creates a token shown once, stored hashed, listed with last use, revocable', async () => {
    const created = await h.as.officer.post('/api/auth/tokens', { name: 'Sync script' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect((await firstRow(h, 'SELECT count(*) AS n FROM access_tokens WHERE token_hash = ?', token))).toEqual({ n: 0 });
    const script = client(h.app, token);
    expect((await script.get('/api/regions')).status).toBe(200);
    const listed = await h.as.officer.get('/api/auth/tokens');
    const entry = listed.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(entry.lastUsedAt).not.toBeNull();
    expect(entry).not.toHaveProperty('token');
    expect((await h.as.officer.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expectProblem(await script.get('/api/regions'), 401);
    expectProblem(await h.as.editor.delete(`/api/auth/tokens/${created.body.id}`), 404);
  });
});

describe('invitations', () => {
  it('an administrator invites; the invited user sets a password through the link and is signed in', async () => {
    const invited = await h.as.sysadmin.post('/api/users', {
      email: 'new.officer@test.regiodesk.eu',
      name: 'Nele Peeters',
      organisationId: h.world.organisations.pfb,
      memberships: [{ partnershipId: h.world.partnerships.p1, role: 'officer' }]
    });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({ invitationPending: true, memberships: [{ role: 'officer' }] });
    const token = new URL(invited.body.invitationUrl).pathname.split('/').pop()!;
    expect((await h.anonymous.get(`/api/auth/invitations/${token}`)).body).toEqual({ email: 'new.officer@test.regiodesk.eu', name: 'Nele Peeters' });
    expectProblem(await browser().send('POST', '/api/auth/accept-invitation', { token, password: 'short' }) as never, 400);
    const b = browser();
    const accepted = await b.send('POST', '/api/auth/accept-invitation', { token, password: 'a-long-enough-password' });
    expect(accepted.status).toBe(200);
    expect((await b.send('GET', '/api/auth/me')).body.email).toBe('new.officer@test.regiodesk.eu');
    expectProblem((await browser().send('POST', '/api/auth/accept-invitation', { token, password: 'another-long-password' })) as never, 410);
    expect((await browser().send('POST', '/api/auth/sign-in', { email: 'new.officer@test.regiodesk.eu', password: 'a-long-enough-password' })).status).toBe(200);
  });

  it('an expired invitation link sets no password: 410 saying so, and the link no longer shows whom it is for', async () => {
    const invited = await h.as.sysadmin.post('/api/users', { email: 'late.officer@test.regiodesk.eu', name: 'Late Officer' });
    expect(invited.status).toBe(201);
    const token = new URL(invited.body.invitationUrl).pathname.split('/').pop()!;
    await runSql(h, 'UPDATE invitations SET expires_at = ? WHERE user_id = ?', '2020-01-01T00:00:00.000Z', invited.body.user.id);
    const reply = await browser().send('POST', '/api/auth/accept-invitation', { token, password: 'a-long-enough-password' });
    expectProblem(reply as never, 410);
    expect(reply.body.detail).toBe('This invitation link has expired. Ask an administrator for a new one.');
    expectProblem(await h.anonymous.get(`/api/auth/invitations/${token}`), 404);
    expect((await firstRow<{ password_hash: string | null }>(h, 'SELECT password_hash FROM users WHERE id = ?', invited.body.user.id))!.password_hash).toBeNull();
  });

  it('only system administrators manage users', async () => {
    expectProblem(await h.as.admin.get('/api/users'), 403);
    expectProblem(await h.as.admin.post('/api/users', { email: 'x@test.regiodesk.eu', name: 'X' }), 403);
    expectProblem(await h.as.sysadmin.post('/api/users', { email: 'officer@test.regiodesk.eu', name: 'Dup' }), 409);
    expectProblem(await h.as.sysadmin.post('/api/users', { email: 'y@test.regiodesk.eu', name: 'Y', memberships: [{ partnershipId: 'nope', role: 'viewer' }] }), 400, 'memberships.0.partnershipId');
  });

  it('disabling a user ends their sessions and tokens stop working', async () => {
    const user = (await h.as.sysadmin.get('/api/users')).body.items.find((u: { email: string }) => u.email === 'viewer@test.regiodesk.eu');
    const patched = await h.as.sysadmin.patch(`/api/users/${user.id}`, { disabled: true }, { ifMatch: `"${user.version}"` });
    expect(patched.status).toBe(200);
    expectProblem(await h.as.viewer.get('/api/regions'), 401);
    await h.as.sysadmin.patch(`/api/users/${user.id}`, { disabled: false });
    expect((await h.as.viewer.get('/api/regions')).status).toBe(200);
  });
});
