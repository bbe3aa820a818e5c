/**
 * No English on a Dutch or German officer's screens (issue 13, point 5):
 * the Flemish officer (account language Dutch) and the Rhein-Neckar
 * officer (German) sign in and walk their main pages — the overview, the
 * partnership, an activity with its forms and the field messages of a form
 * sent empty, the work plan, the evaluation, the calls and a call, the
 * deadline dashboard, a candidate project, my tasks — and the test fails on
 * every English text of the catalogue any of them shows
 * (support/english-leaks.ts says how a text is matched). The public pages
 * (sign-in, a feedback link, an invitation) follow an nl-BE or de-DE
 * browser, with the language switch in sight. Screenshots of the pages land
 * in test-results/no-english/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { DEMO_USERS } from '../../fixtures/users.js';
import type { Locale } from '../../i18n/locales.js';
import { browserSession } from './support/browser-session.js';
import { THIS_YEAR } from './support/demo-day.js';
import { describeLeaks, englishTexts, type Leak, leaksIn, visibleSegments } from './support/english-leaks.js';
import { apiPost } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/no-english' });

const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');
const ACTIVITY = fixtureId('activity', 'resilienceConference2026');
const PROPOSAL = fixtureId('proposal', 'energyCommunities');
const CALL = fixtureId('call', 'nweSecondCall');
/** the evaluation the demo holds: this year's from November (in progress), else last year's (adopted) */
const EVALUATION_YEAR = new Date().getMonth() >= 10 ? THIS_YEAR : THIS_YEAR - 1;

const PAGES = [
  '/',
  `/partnerships/${PARTNERSHIP}`,
  `/activities/${ACTIVITY}`,
  `/activities/${ACTIVITY}/edit`,
  `/partnerships/${PARTNERSHIP}/workplans/${THIS_YEAR}`,
  `/partnerships/${PARTNERSHIP}/evaluations/${EVALUATION_YEAR}`,
  '/calls',
  `/calls/${CALL}`,
  '/deadlines',
  '/proposals',
  `/proposals/${PROPOSAL}`,
  '/tasks',
  '/matchmaking'
];

/** The names the API holds as data and pages show as they are: the programmes' official names ("Horizon Europe"). */
async function dataNames(page: Page): Promise<Set<string>> {
  const names = new Set<string>();
  for (let cursor: string | null = ''; cursor !== null; ) {
    const response = await page.context().request.get(`${session.url}/api/programmes?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const { items, nextCursor } = (await response.json()) as { items: { name: string }[]; nextCursor: string | null };
    for (const { name } of items) names.add(name);
    cursor = nextCursor;
  }
  return names;
}

async function walk(page: Page, locale: Exclude<Locale, 'en'>): Promise<Leak[]> {
  const texts = englishTexts(locale);
  const data = await dataNames(page);
  const leaks: Leak[] = [];
  const look = async (where: string) => leaks.push(...leaksIn(await visibleSegments(page), texts, where, data));
  for (const [index, path] of PAGES.entries()) {
    await load(page, `${session.url}${path}`);
    await page.locator('main h1').first().waitFor();
    await look(path);
    await session.shot(page, `${locale}-${String(index).padStart(2, '0')}-${path.split('/')[1] || 'overview'}`);
  }

  // the activity's form with its title emptied: the API's message beside the field
  await load(page, `${session.url}/activities/${ACTIVITY}/edit`);
  await page.locator('#activity-title').fill('');
  await page.locator('form.activity-form button[type="submit"]').click();
  await page.locator('#activity-title[aria-invalid="true"]').waitFor();
  await look(`/activities/${ACTIVITY}/edit, title emptied`);

  // a new activity sent empty: the API's field messages beside the fields
  await load(page, `${session.url}/activities/new`);
  await page.locator('form.activity-form button[type="submit"]').click();
  await page.locator('form.activity-form [aria-invalid="true"]').first().waitFor();
  await look('/activities/new, sent empty');
  await session.shot(page, `activity-new-errors-${locale}`);
  return leaks;
}

describe('no English on a Dutch or German officer’s screens', () => {
  for (const [who, user, locale] of [
    ['the Flemish officer, in Dutch', DEMO_USERS.officerVb, 'nl'],
    ['the Rhein-Neckar officer, in German', DEMO_USERS.officerRn, 'de']
  ] as const) {
    it(`walks ${who}: overview, partnership, activity and its forms, work plan, evaluation, calls, deadlines, candidate project, tasks`, { timeout: 180_000 }, async () => {
      const context = await session.context({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, session.url, user.email, { language: 'account' });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const leaks = await walk(page, locale);
      expect(leaks, describeLeaks(leaks)).toEqual([]);
      await context.close();
    });
  }

  it('shows the public pages (sign-in, a feedback link, an invitation) in the language of an nl-BE or a de-DE browser, with a visible switch', { timeout: 120_000 }, async () => {
    const officer = await session.signedIn(DEMO_USERS.officerVb.email);
    const links = await apiPost<{ items: { path: string }[] }>(officer.context, session.url, `/api/activities/${ACTIVITY}/feedback/links`, {});
    await officer.context.close();
    const admin = await session.signedIn(DEMO_USERS.admin.email);
    const invited = await apiPost<{ invitationUrl: string }>(admin.context, session.url, '/api/users', { email: 'nieuwe.collega@demo.regiodesk.eu', name: 'Nieuwe collega' });
    const data = await dataNames(admin.page);
    await admin.context.close();
    const pages = { 'sign-in': '/sign-in', feedback: links.items[0]!.path, invitation: new URL(invited.invitationUrl).pathname };

    for (const [browser, locale, language] of [['nl-BE', 'nl', 'Taal'], ['de-DE', 'de', 'Sprache']] as const) {
      const guest = await session.context({ locale: browser });
      const page = await guest.newPage();
      const texts = englishTexts(locale);
      const leaks: Leak[] = [];
      for (const [name, path] of Object.entries(pages)) {
        await load(page, `${session.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.lang), `${path} in ${browser}`).toBe(locale);
        expect(await page.getByLabel(language).isVisible(), `the switch on ${path} in ${browser}`).toBe(true);
        leaks.push(...leaksIn(await visibleSegments(page), texts, `${path} (${browser})`, data));
        await session.shot(page, `public-${name}-${locale}`);
      }
      expect(leaks, describeLeaks(leaks)).toEqual([]);
      await guest.close();
    }
  });
});
