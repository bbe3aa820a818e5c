/**
 * One browser test file's setup, as every one of them starts: the real
 * product on its own database (server.ts), Debian's Chromium, a folder for
 * the screenshots; both closed after the file's tests. Call it at the top
 * of the file; what it holds is there once the tests run.
 *
 *   const session = browserSession({ shots: 'test-results/funding' });
 *   const { context, page } = await session.signedIn(RN, { timezoneId: 'Europe/Helsinki' });
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from './browser.js';
import { type RunningServer, startServer } from './server.js';
import { signIn } from './sign-in.js';

/** A phone's screen (add the locale and zone the test reads in) */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/** what a context is unless the test says otherwise: a desktop screen, read in British English */
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };

/** a missing element fails the step after this long, with a message naming it (before the test's own timeout ends it silently) */
const STEP_TIMEOUT_MS = 15_000;

export interface BrowserSessionOptions {
  /** the product's environment beyond its own database file */
  env?: Record<string, string>;
  /** the folder for `shot`, made before the tests run */
  shots?: string;
}

export interface BrowserSession {
  /** the running product (its URL and database file) */
  readonly server: RunningServer;
  /** the product's address, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly browser: Browser;
  /** A new browser context: a desktop screen in en-GB unless `options` say otherwise. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new context with one page, signed in as `email` with the demo password, on the home page. */
  signedIn(email: string, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** The whole page as `<shots>/<name>.png`. */
  shot(page: Page, name: string): Promise<void>;
}

export function browserSession({ env = {}, shots }: BrowserSessionOptions = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    server = await startServer(env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started yet: use the browser session inside a test or hook.`);
    return value;
  };

  const session: BrowserSession = {
    get server() {
      return started(server, 'product');
    },
    get url() {
      return started(server, 'product').url;
    },
    get browser() {
      return started(browser, 'browser');
    },
    async context(options = {}) {
      const context = await session.browser.newContext({ ...DESKTOP, ...options });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      return context;
    },
    async signedIn(email, options) {
      const context = await session.context(options);
      const page = await context.newPage();
      await signIn(page, session.url, email);
      return { context, page };
    },
    async shot(page, name) {
      if (!shots) throw new Error('This browser session has no folder for screenshots: pass `shots` to browserSession.');
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    }
  };
  return session;
}

/** Nothing wider than the phone's screen: no sideways scrolling. */
export async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
}
