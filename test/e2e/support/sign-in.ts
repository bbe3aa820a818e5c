/**
 * Signing in through the real sign-in page, as every browser test starts:
 * the page is loaded until the network is quiet (the app's scripts have
 * loaded and the form is hydrated — a click before that would submit the
 * form natively as GET /sign-in? and the test would wait in vain), the demo
 * password typed, and the home page awaited. The tests read the screens in
 * English: sign-in applies the account's language (the demo's German and
 * Flemish officers read German and Dutch), so the browser is then switched
 * to English as a person would with the switch, for this browser only (the
 * language cookie; the account keeps its language). `language: 'account'`
 * keeps the account's.
 */
import type { Page } from 'playwright-core';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { type Locale, LOCALE_COOKIE } from '../../../i18n/locales.js';

/** A full page load, ready for input once the network is quiet (the page is hydrated). */
export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
}

/** Signs `email` in with the demo password on the server at `origin`; resolves on the home page. */
export async function signIn(page: Page, origin: string, email: string, { language = 'en' }: { language?: Locale | 'account' } = {}): Promise<void> {
  await load(page, `${origin}/sign-in`);
  // by the fields' ids: the page is in the browser's language
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_SIGN_IN.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${origin}/`);
  // the home page hydrated (its language switch and forms work only then)
  await page.waitForLoadState('networkidle');
  if (language === 'account' || (await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: language, url: origin }]);
  await load(page, `${origin}/`);
}
