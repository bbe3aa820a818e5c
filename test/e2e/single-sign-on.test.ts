/**
 * Single sign-on in real Chromium against the built product: the sign-in
 * page's "Sign in with …" button, the OpenID provider's login form (a real
 * oidc-provider on a local port), back on the page asked for in the
 * account's language; signing out
 * passes through the provider's logout; a person without an account comes
 * back to the sign-in page with the reason in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';
import { freePort, providerEnv, startOpenIdProvider, TEST_CLIENT, type TestOpenIdProvider } from '../support/openid-provider.js';
import { browserSession } from './support/browser-session.js';
import { load } from './support/sign-in.js';

// the product is told the provider's address before it starts; the provider starts once the product's address is known
const issuer = `http://127.0.0.1:${await freePort()}`;
const session = browserSession({ shots: 'test-results/single-sign-on', env: providerEnv(issuer) });
let provider: TestOpenIdProvider;

beforeAll(async () => {
  provider = await startOpenIdProvider({ appOrigin: session.url, port: Number(new URL(issuer).port) });
  provider.accounts.set('rn-officer', { email: DEMO_SIGN_IN.accounts[0]!.email, email_verified: true });
  provider.accounts.set('stranger', { email: 'stranger@elsewhere.example', email_verified: true });
});
afterAll(async () => {
  await provider?.close();
});

describe('signing in through the organisation’s OpenID provider', () => {
  it('goes from the “Sign in with …” button through the provider’s login to the page asked for, and signs out of both', async () => {
    const context = await session.context();
    const page = await context.newPage();
    await load(page, `${session.url}/sign-in?next=%2Fpartnerships`);
    await session.shot(page, '1-sign-in-page');
    await page.getByRole('link', { name: `Sign in with ${TEST_CLIENT.label}` }).click();

    await page.waitForURL(`${issuer}/interaction/**`);
    await page.locator('input[name="login"]').fill('rn-officer');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.waitForURL(`${session.url}/partnerships`);
    const me = (await (await context.request.get(`${session.url}/api/auth/me`)).json()) as { email: string; name: string };
    expect(me.email).toBe(DEMO_SIGN_IN.accounts[0]!.email);
    await expect.poll(() => page.getByText(me.name).first().isVisible()).toBe(true);
    // the account's language (the Rhein-Neckar officer's German) is applied at this sign-in too, though the browser asked for English
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await session.shot(page, '2-signed-in');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    // the provider asks whether to end its session too
    await page.waitForURL(`${issuer}/session/end**`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${session.url}/sign-in`);
    expect((await context.request.get(`${session.url}/api/auth/me`)).status()).toBe(401);
    await context.close();
  });

  it('brings a person without an account back to the sign-in page with the reason in words', async () => {
    const context = await session.context();
    const page = await context.newPage();
    await load(page, `${session.url}/sign-in`);
    await page.getByRole('link', { name: `Sign in with ${TEST_CLIENT.label}` }).click();
    await page.waitForURL(`${issuer}/interaction/**`);
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.waitForURL(`${session.url}/sign-in?sso=unknown`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('There is no RegioDesk account for the e-mail address your organisation’s sign-in service gave. Ask a RegioDesk administrator to invite you.');
    await session.shot(page, '3-unknown-account');
    await context.close();
  });
});
