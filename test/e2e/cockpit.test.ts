/**
 * The overview as the officer's cockpit in real Chromium against the built
 * product, on the demo dated for a day of the evaluation month
 * (REGIODESK_DEMO_DATE, support/demo-day.ts): the Rhein-Neckar officer sees
 * her overdue tasks, the late milestone first in what is coming, an amber or
 * red obligation with the link that fixes it, the next step of the annual
 * cycle and what changed since her last visit — in English and in German,
 * on a desktop and on a phone. What the page must show is read from the
 * API the page reads, so the test holds on any day. Screenshots land in
 * test-results/cockpit/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../api/overview/schemas/overview.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { EVALUATION_DAY } from './support/demo-day.js';
import { apiGet } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/cockpit', env: { REGIODESK_DEMO_DATE: EVALUATION_DAY } });
const OFFICER = 'officer.rn@demo.regiodesk.eu';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** What the page must show, as the API has it for the signed-in officer (a read of its own: it moves no visit window the page shows). */
async function cockpitOf(page: Page): Promise<Overview> {
  return apiGet<Overview>(page.context(), session.url, '/api/overview');
}

async function expectDuties(page: Page, cockpit: Overview, words: { needs: string; tasks: string; obligations: string; steps: string; coming: string; overdue: RegExp; late: RegExp }) {
  // the demo gives the officer something of each kind on any day
  const overdue = cockpit.needsYou.tasks.filter((t) => t.state === 'overdue');
  expect(overdue.length).toBeGreaterThan(0);
  expect(cockpit.coming.late.length).toBeGreaterThan(0);
  const warnings = cockpit.needsYou.obligations.filter((w) => w.obligation.state !== 'green');
  expect(warnings.length).toBeGreaterThan(0);
  expect(cockpit.needsYou.nextSteps.length).toBeGreaterThan(0);

  const needs = region(page, words.needs);
  const tasks = needs.getByRole('list', { name: words.tasks });
  for (const task of overdue) {
    const line = tasks.getByRole('listitem').filter({ hasText: task.title });
    await line.waitFor();
    expect(await line.textContent()).toMatch(words.overdue);
  }

  // each amber or red obligation, and the link that fixes it where the officer's role may follow it (editing an agreement: its admins and officers)
  const obligations = needs.getByRole('list', { name: words.obligations });
  expect(await obligations.getByRole('listitem').count()).toBe(warnings.length);
  let linked = 0;
  for (const warning of warnings) linked += await obligations.locator(`a[href="${warning.obligation.link}"]`).count();
  expect(linked).toBeGreaterThan(0);

  const steps = needs.getByRole('list', { name: words.steps });
  for (const step of cockpit.needsYou.nextSteps) expect(await steps.locator(`a[href="${step.link}"]`).count()).toBe(1);

  // the late milestone comes first in what is coming, with how late it is
  const coming = region(page, words.coming).getByRole('list', { name: words.coming });
  const first = coming.getByRole('listitem').first();
  expect(await first.textContent()).toContain(cockpit.coming.late[0]!.title);
  expect(await first.textContent()).toMatch(words.late);
}

describe('the cockpit', () => {
  it('shows the officer what is due — in English on a desktop and in German on a phone', async () => {
    const english = await session.context();
    const page = await english.newPage();
    await signIn(page, session.url, OFFICER, { language: 'en' });
    await region(page, 'Needs you now').waitFor();
    const cockpit = await cockpitOf(page);
    await expectDuties(page, cockpit, {
      needs: 'Needs you now',
      tasks: 'Your tasks',
      obligations: 'Obligations this year',
      steps: 'Next step of the annual cycle',
      coming: 'Coming up in the next 30 days',
      overdue: /\d+ days? overdue/,
      late: /\d+ days? late/
    });
    // what changed since the last visit, and the quick actions an officer may take
    await region(page, 'Since your last visit').getByRole('link', { name: 'All notifications' }).waitFor();
    const actions = page.getByRole('navigation', { name: 'Quick actions' });
    expect(await actions.getByRole('link', { name: 'Log a trip' }).getAttribute('href')).toBe('/activities/new?type=delegation_trip');
    expect(await actions.getByRole('link', { name: 'New candidate project' }).getAttribute('href')).toBe('/proposals/new');
    // the partnership cards stay
    await page.getByRole('heading', { name: 'Your partnerships', exact: true }).waitFor();
    await session.shot(page, 'cockpit-en-1280');
    await english.close();

    const german = await session.context({ ...PHONE, locale: 'de-DE' });
    const dePage = await german.newPage();
    await signIn(dePage, session.url, OFFICER, { language: 'de' });
    await region(dePage, 'Steht jetzt an').waitFor();
    await expectDuties(dePage, await cockpitOf(dePage), {
      needs: 'Steht jetzt an',
      tasks: 'Ihre Aufgaben',
      obligations: 'Pflichten in diesem Jahr',
      steps: 'Nächster Schritt im Jahreszyklus',
      coming: 'In den nächsten 30 Tagen',
      overdue: /\d+ Tage? überfällig/,
      late: /\d+ Tage? verspätet/
    });
    await region(dePage, 'Seit Ihrem letzten Besuch').waitFor();
    await fitsThePhone(dePage);
    await session.shot(dePage, 'cockpit-de-390');
    // the first screen as a phone shows it
    await dePage.screenshot({ path: 'test-results/cockpit/cockpit-de-390-first-screen.png' });
    await german.close();
  });

  it('keeps the visit window over a reload: what the partner changed does not vanish on the second look', async () => {
    const context = await session.context();
    const page = await context.newPage();
    await signIn(page, session.url, OFFICER, { language: 'en' });
    const since = region(page, 'Since your last visit');
    const first = await since.locator('p').first().textContent();
    await load(page, `${session.url}/`);
    expect(await region(page, 'Since your last visit').locator('p').first().textContent()).toBe(first);
    await context.close();
  });
});
