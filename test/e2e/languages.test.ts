/**
 * The language follows the person, in real Chromium against the built
 * product: the Flemish officer (account language Dutch) signs in in an
 * English browser and reads Dutch — the organisations list and an
 * activity, with no English sentence of the catalogue on them, Flemish
 * formats (nl-BE) — and a participant opening a feedback link in an nl-BE
 * browser reads Dutch, with a switch to another language. The switch, signed
 * in, writes the account: the next sign-in, elsewhere, is in that language.
 * Screenshots of the Dutch pages land in test-results/languages/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { DEMO_USERS } from '../../fixtures/users.js';
import { browserSession } from './support/browser-session.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/languages' });
const VB = DEMO_USERS.officerVb;
const ACTIVITY = fixtureId('activity', 'resilienceConference2026');

/** The catalogue's texts of a locale by key, values and plurals left out (the sentences a page shows as they are). */
function sentences(locale: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const feature of readdirSync('i18n/catalogue')) {
    let file: Record<string, unknown>;
    try {
      file = JSON.parse(readFileSync(`i18n/catalogue/${feature}/${locale}.json`, 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const [key, text] of Object.entries(file)) if (typeof text === 'string' && key !== '$schema' && !text.includes('{')) texts.set(key, text);
  }
  return texts;
}

/** English sentences of the catalogue (two words or more, worded otherwise in Dutch) that the page shows. */
async function englishOn(page: Page): Promise<string[]> {
  const dutch = sentences('nl');
  const shown = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return [...sentences('en')].filter(([key, text]) => text.includes(' ') && dutch.has(key) && dutch.get(key) !== text && shown.includes(text)).map(([, text]) => text);
}

describe('the language follows the person', () => {
  it('shows the Flemish officer Dutch from sign-in on, in an English browser: the organisations and an activity', async () => {
    const context = await session.context({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, session.url, VB.email, { language: 'account' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Organisaties' }).click();
    await page.waitForURL(`${session.url}/organisations`);
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Soort' }).isVisible()).toBe(true);
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/languages/organisations-nl.png' });

    await load(page, `${session.url}/activities/${ACTIVITY}`);
    await page.getByRole('heading', { level: 2, name: 'Deelnemers' }).waitFor();
    // Flemish formats: the cost of 380 euro, the day of the conference (the living demo dates it for the day it is seeded)
    const main = (await page.locator('main').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    // (web/lib/i18n/formats.ts: the euro after the amount, a shortened month with its period, "mei" whole)
    expect(main).toContain('380,00 €');
    expect(main).not.toMatch(/€ ?380/);
    expect(main).toMatch(/\b\d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) 20\d\d\b/);
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/languages/activity-nl.png' });
    await context.close();
  });

  it('shows a participant’s feedback link in Dutch in an nl-BE browser, with a switch to another language', async () => {
    const officer = await session.signedIn(VB.email);
    const created = await officer.context.request.post(`${session.url}/api/activities/${ACTIVITY}/feedback/links`, { headers: { Origin: session.url }, data: {} });
    expect(created.status()).toBe(201);
    const { items } = (await created.json()) as { items: { path: string }[] };
    await officer.context.close();

    const guest = await session.context({ locale: 'nl-BE' });
    const page = await guest.newPage();
    await load(page, `${session.url}${items[0]!.path}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('heading', { level: 1, name: 'Uw feedback' }).waitFor();
    expect(await page.getByRole('button', { name: 'Feedback versturen' }).isVisible()).toBe(true);
    expect(await englishOn(page)).toEqual([]);
    await session.shot(page, 'feedback-nl');

    await page.getByLabel('Taal').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Ihr Feedback' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await guest.close();
  });

  it('keeps the language the officer switches to on the account: the next sign-in, in another browser, is in it', async () => {
    const first = await session.context({ locale: 'en-GB' });
    const page = await first.newPage();
    await signIn(page, session.url, VB.email, { language: 'account' });
    await page.getByLabel('Taal').selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await first.close();

    const second = await session.context({ locale: 'nl-BE' });
    const again = await second.newPage();
    await signIn(again, session.url, VB.email, { language: 'account' });
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('de');
    await again.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    // back to Dutch for whoever comes next
    await again.getByLabel('Sprache').selectOption('nl');
    await again.getByRole('navigation', { name: 'Hoofdnavigatie' }).waitFor();
    await second.close();
  });
});
