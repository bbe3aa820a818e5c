/**
 * A newcomer of a listed domain signing in through the OpenID provider in
 * two tabs at the same moment, each served by its own app (two server
 * processes on one database; on PostgreSQL each with its own pool,
 * test/support/second-app.ts): both tabs end signed in, to one account made
 * once. The account's e-mail is unique; the second insert does nothing and
 * that sign-in takes the account the first one made (before: a 409 in
 * place of the sign-in on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { CookieBrowser, type Visit } from '../../support/cookie-browser.js';
import type { Handle } from '../../support/database.js';
import { startOpenIdProvider, type TestOpenIdProvider } from '../../support/openid-provider.js';
import { secondHandle } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

const APP = 'http://regiodesk.test';
const CALLBACK = `${APP}/api/auth/oidc/callback`;

let provider: TestOpenIdProvider;
let h: ApiHarness;
let second: Handle;

beforeAll(async () => {
  provider = await startOpenIdProvider({ appOrigin: APP });
  h = await apiHarness({ REGIODESK_PUBLIC_ORIGIN: APP, ...provider.env() });
  second = await secondHandle(h);
});
afterAll(async () => {
  await second?.close();
  await h?.close();
  await provider?.close();
});

const settings = () => settingsFrom({ REGIODESK_PUBLIC_ORIGIN: APP, ...provider.env(), REGIODESK_OIDC_JIT_DOMAINS: 'rhein-neckar.example' });
const isCallback = (url: string) => url.startsWith(CALLBACK);
const isPage = (url: string) => url.startsWith(APP) && !url.startsWith(`${APP}/api/`);

/** Start → the provider's login form → logged in there; stops where the browser is about to come back to the callback. */
async function upToCallback(browser: CookieBrowser, login: string): Promise<string> {
  const form: Visit = await browser.follow(`${APP}/api/auth/oidc/start?next=%2Fpartnerships`, {}, isPage);
  expect(form.url.startsWith(provider.issuer), form.body.slice(0, 300)).toBe(true);
  const back = await browser.submitForm(form, { login, password: 'anything' }, { stopAt: isCallback });
  expect(back.location && isCallback(back.location), back.body.slice(0, 300)).toBe(true);
  return back.location!;
}

describe('a newcomer signing in in two tabs at once, on two processes', () => {
  it('ends signed in in both, to one account made once', async () => {
    for (let round = 0; round < 4; round++) {
      const login = `twin-${round}`;
      const email = `twin.${round}@rhein-neckar.example`;
      provider.accounts.set(login, { email, email_verified: true, name: `Twin ${round}` });
      const tabs = [new CookieBrowser(createApp({ db: h.db, settings: settings() }), APP), new CookieBrowser(createApp({ db: second.db, settings: settings() }), APP)];
      const callbacks = [await upToCallback(tabs[0]!, login), await upToCallback(tabs[1]!, login)];
      const ends = await Promise.all(tabs.map((tab, i) => tab.follow(callbacks[i]!, {}, isPage)));
      expect(ends.map((end) => [end.status, end.location]), ends.map((end) => end.body.slice(0, 300)).join('\n')).toEqual([
        [302, `${APP}/partnerships`],
        [302, `${APP}/partnerships`]
      ]);
      expect(tabs.every((tab) => tab.cookie(APP, 'regiodesk_session'))).toBe(true);
      const made = await allRows<{ id: string }>(h, 'SELECT id FROM users WHERE email = ?', email);
      expect(made).toHaveLength(1);
      expect(await allRows(h, "SELECT id FROM audit_events WHERE entity_type = 'user' AND entity_id = ?", made[0]!.id)).toHaveLength(1);
    }
  });
});
