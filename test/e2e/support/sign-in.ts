/**
 * Signing in through the real sign-in page, as every browser test starts:
 * the page is loaded until the network is quiet (the app's scripts have
 * loaded and the form is hydrated — a click before that would submit the
 * form natively as GET /sign-in? and the test would wait in vain), the demo
 * password typed, and the home page awaited.
 */
import type { Page } from 'playwright-core';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';

/** A full page load, ready for input once the network is quiet (the page is hydrated). */
export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
}

/** Signs `email` in with the demo password on the server at `origin`; resolves on the home page. */
export async function signIn(page: Page, origin: string, email: string): Promise<void> {
  await load(page, `${origin}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_SIGN_IN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/`);
}
