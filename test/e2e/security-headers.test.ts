/**
 * The security headers of the real product process (server.ts over the
 * built web app, as `npm start` runs it) with an https public origin, over
 * real HTTP: pages signed in and out, SvelteKit's data requests, redirects,
 * the error page, the built files and static/, and the API — each with
 * nosniff, DENY, same-origin and HSTS; pages and API answers with no-store,
 * the built files with their own long caching. (Without an https public
 * origin there is no HSTS: the browser test checks that on every page.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';
import { type RunningServer, startServer } from './support/server.js';

const ORIGIN = 'https://regiodesk.example.org';
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer({ REGIODESK_PUBLIC_ORIGIN: ORIGIN });
  const signedIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password })
  });
  expect(signedIn.status, await signedIn.clone().text()).toBe(200);
  expectFront(signedIn.headers, 'sign-in');
  expect(signedIn.headers.get('cache-control')).toBe('no-store');
  cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  expect(cookie).toMatch(/^regiodesk_session=/);
});

afterAll(async () => {
  await server?.stop();
});

function expectFront(headers: Headers, what: string) {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  expect(headers.get('strict-transport-security'), what).toBe('max-age=31536000');
}

function expectPagePolicy(headers: Headers, what: string) {
  const policy = headers.get('content-security-policy') ?? '';
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toMatch(/script-src 'self' 'nonce-/);
  expect(policy, what).not.toContain('unsafe-inline');
}

const get = (path: string, signedIn = true) => fetch(`${server.url}${path}`, { headers: signedIn ? { cookie } : {}, redirect: 'manual' });

describe('the product’s security headers under an https public origin', () => {
  it('are on pages signed in and out, their data, redirects and the error page, all no-store', async () => {
    const answers: [string, Response, number][] = [
      ['a page behind sign-in', await get('/organisations'), 200],
      ['the overview', await get('/'), 200],
      ['the sign-in page', await get('/sign-in', false), 200],
      ['a page that does not exist', await get('/no-such-page'), 404]
    ];
    for (const [what, response, status] of answers) {
      expect(response.status, what).toBe(status);
      expectFront(response.headers, what);
      expectPagePolicy(response.headers, what);
      expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
    // a page's server data as the browser asks for it on navigation: who is signed in, personal data
    const data = await get('/organisations/__data.json?x-sveltekit-invalidated=11');
    expect(data.status).toBe(200);
    expect(await data.text()).toContain('Katrin Wellmann');
    expectFront(data.headers, 'page data');
    // SvelteKit marks its data answers itself
    expect(data.headers.get('cache-control')).toBe('private, no-store');
    // signed out, a page sends to sign-in, and says so with the same headers
    const redirect = await get('/organisations', false);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    expectFront(redirect.headers, 'redirect');
    expect(redirect.headers.get('cache-control')).toBe('no-store');
  });

  it('are on the built files and static/, which keep their own caching', async () => {
    const html = await (await get('/sign-in', false)).text();
    const script = /\/_app\/immutable\/[\w./-]+\.js/.exec(html)?.[0];
    const style = /\/_app\/immutable\/assets\/[\w.-]+\.css/.exec(html)?.[0];
    expect(script).toBeTruthy();
    expect(style).toBeTruthy();
    for (const path of [script!, style!]) {
      const response = await get(path, false);
      expect(response.status, path).toBe(200);
      expectFront(response.headers, path);
      expect(response.headers.get('cache-control'), path).toContain('immutable');
    }
    const icon = await get('/favicon.svg', false);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expectFront(icon.headers, 'favicon');
  });

  it('are on the API’s answers, signed in or not, with the JSON policy and no-store', async () => {
    for (const [what, response, status] of [
      ['health', await get('/api/health', false), 200],
      ['a list', await get('/api/organisations'), 200],
      ['refused', await get('/api/organisations', false), 401],
      ['not found', await get('/api/nothing'), 404]
    ] as const) {
      expect(response.status, what).toBe(status);
      expectFront(response.headers, what);
      expect(response.headers.get('content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
    const docs = await get('/api/docs', false);
    expectFront(docs.headers, 'docs');
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
