/**
 * Every page on a phone (issue 14, point 5): signed in as the Rhein-Neckar
 * officer (and as the administrator for the pages only an administrator
 * has), each page at 390 px is no wider than the screen, and axe-core finds
 * no serious or critical violation of WCAG 2.1 A/AA on it. The public pages
 * (sign-in, a feedback link) too. Screenshots land in test-results/phone/.
 *
 * axe runs in the page through Playwright's evaluate; the context bypasses
 * the product's Content-Security-Policy only so that the axe script may be
 * added (test/e2e/content-security.test.ts holds the policy itself).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { DEMO_USERS } from '../../fixtures/users.js';
import { PHONE, browserSession } from './support/browser-session.js';
import { THIS_YEAR } from './support/demo-day.js';
import { apiPost } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/phone' });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');
const ACTIVITY = fixtureId('activity', 'resilienceConference2026');
const PROPOSAL = fixtureId('proposal', 'energyCommunities');
const CALL = fixtureId('call', 'nweSecondCall');
const ORGANISATION = fixtureId('organisation', 'vrrn');
const PERSON = fixtureId('person', 'katrinWellmann');
const EVALUATION_YEAR = new Date().getMonth() >= 10 ? THIS_YEAR : THIS_YEAR - 1;

const OFFICER_PAGES = [
  '/',
  '/partnerships',
  `/partnerships/${PARTNERSHIP}`,
  `/partnerships/${PARTNERSHIP}/edit`,
  `/partnerships/${PARTNERSHIP}/workplans/${THIS_YEAR}`,
  `/partnerships/${PARTNERSHIP}/evaluations`,
  `/partnerships/${PARTNERSHIP}/evaluations/${EVALUATION_YEAR}`,
  '/activities',
  '/activities/calendar',
  '/activities/new',
  `/activities/${ACTIVITY}`,
  `/activities/${ACTIVITY}/edit`,
  '/organisations',
  '/organisations/new',
  `/organisations/${ORGANISATION}`,
  `/organisations/${ORGANISATION}/edit`,
  '/people',
  '/people/new',
  `/people/${PERSON}`,
  `/people/${PERSON}/edit`,
  '/calls',
  `/calls/${CALL}`,
  '/deadlines',
  '/proposals',
  '/proposals/new',
  `/proposals/${PROPOSAL}`,
  `/proposals/${PROPOSAL}/edit`,
  '/tasks',
  '/notifications',
  '/regions',
  '/programmes',
  '/budgets',
  '/scoring',
  '/search?q=energie',
  '/account'
];

const ADMIN_PAGES = ['/admin/users', '/calls/new', '/calls/import', '/people/review', '/privacy'];

interface Finding {
  path: string;
  what: string;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** What is wrong with the page at 390 px: wider than the screen, or a serious or critical axe violation. */
async function findings(page: Page, path: string): Promise<Finding[]> {
  const found: Finding[] = [];
  // the screen's width, not window.innerWidth: a phone's browser widens its layout viewport to fit a page wider than the screen (and zooms out)
  const screen = page.viewportSize()!.width;
  const width = await page.evaluate((screen) => ({ page: Math.max(document.documentElement.scrollWidth, window.innerWidth), screen }), screen);
  if (width.page > width.screen) {
    const wide = await page.evaluate((screen) => {
      const over = [...document.querySelectorAll('main *, header *, nav *')].filter((el) => el.getBoundingClientRect().right > screen + 1);
      return over.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`);
    }, width.screen);
    found.push({ path, what: `${width.page} px wide on a ${width.screen} px screen (${wide.join(', ')})` });
  }
  const result = (await page.evaluate(async (source) => {
    if (!('axe' in window)) new Function(source)();
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  }, AXE)) as AxeResult;
  for (const v of result.violations) {
    if (v.impact === 'serious' || v.impact === 'critical') {
      found.push({ path, what: `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})` });
    }
  }
  return found;
}

async function walk(page: Page, paths: string[], name: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const [index, path] of paths.entries()) {
    await load(page, `${session.url}${path}`);
    await page.locator('main h1').first().waitFor();
    found.push(...(await findings(page, path)));
    await session.shot(page, `${name}-${String(index).padStart(2, '0')}-${path.split(/[/?]/)[1] || 'overview'}`);
  }
  return found;
}

const described = (found: Finding[]) => found.map((f) => `${f.path}: ${f.what}`).join('\n');

describe('every page on a phone: no wider than the screen, no serious axe finding', () => {
  it('walks the officer’s pages at 390 px', { timeout: 300_000 }, async () => {
    const context = await session.context({ ...PHONE, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, session.url, DEMO_USERS.officerRn.email);
    const found = await walk(page, OFFICER_PAGES, 'officer');
    expect(found, described(found)).toEqual([]);
    await context.close();
  });

  it('walks the administrator’s own pages and the public pages at 390 px', { timeout: 180_000 }, async () => {
    const officer = await session.signedIn(DEMO_USERS.officerRn.email);
    const links = await apiPost<{ items: { path: string }[] }>(officer.context, session.url, `/api/activities/${ACTIVITY}/feedback/links`, {});
    await officer.context.close();

    const context = await session.context({ ...PHONE, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, session.url, DEMO_USERS.admin.email);
    const found = await walk(page, ADMIN_PAGES, 'admin');
    await context.close();

    const guest = await session.context({ ...PHONE, locale: 'en-GB', bypassCSP: true });
    const publicPage = await guest.newPage();
    found.push(...(await walk(publicPage, ['/sign-in', links.items[0]!.path], 'public')));
    await guest.close();
    expect(found, described(found)).toEqual([]);
  });
});
