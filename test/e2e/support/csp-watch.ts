/**
 * Everything a browser context's pages report about the Content-Security-
 * Policy: each `securitypolicyviolation` event (listened for before any
 * script of the page runs, in every frame) and each console message that
 * names the policy ("Refused to execute inline script because it violates
 * the following Content Security Policy directive …"). Console errors of
 * any other kind and uncaught page errors are kept beside them, to explain
 * a failure.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Violation {
  /** the page's address when it was reported */
  url: string;
  /** 'event' (securitypolicyviolation) or 'console' */
  via: 'event' | 'console';
  /** the directive that refused (script-src-elem, style-src-attr, …), or the console text */
  directive: string;
  /** what was refused: a URL, 'inline', 'eval' */
  blocked: string;
  /** the first characters of an inline script or style, when the browser gives them */
  sample: string;
  /** where the refused thing was asked for: file:line:column, when the browser knows */
  source?: string;
}

export interface CspWatch {
  violations: Violation[];
  /** other console errors and uncaught page errors, as "url: text" */
  errors: string[];
  /** Waits until what the page reported so far has arrived here. */
  settle(page: Page): Promise<void>;
  /** The violations as lines, for a failure message. */
  describe(list?: Violation[]): string;
}

declare global {
  interface Window {
    __cspViolation?: (v: Omit<Violation, 'url' | 'via'>) => void;
  }
}

const POLICY_TEXT = /content[ -]security[ -]policy/i;

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const violations: Violation[] = [];
  const errors: string[] = [];
  await context.exposeBinding('__cspViolation', ({ frame }, v: Omit<Violation, 'url' | 'via'>) => {
    violations.push({ url: frame.url(), via: 'event', ...v });
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__cspViolation?.({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : ''
        }),
      true
    );
  });
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (POLICY_TEXT.test(text)) violations.push({ url: page.url(), via: 'console', directive: text, blocked: '', sample: '' });
      else if (message.type() === 'error') errors.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);
  return {
    violations,
    errors,
    // a round trip to the page: the reports it sent before have been handled by then
    settle: async (page) => void (await page.evaluate(() => new Promise((r) => setTimeout(r, 0)))),
    describe: (list = violations) => list.map((v) => `${v.url} [${v.via}] ${v.directive} blocked ${v.blocked || '-'} ${v.sample} ${v.source ?? ''}`).join('\n')
  };
}
