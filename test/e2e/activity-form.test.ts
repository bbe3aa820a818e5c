/**
 * The activity form in real Chromium: the time zone follows the place
 * chosen (on a device set to Helsinki, Leuven in Belgium gives
 * Europe/Brussels), the picker offers a short list first and finds any
 * other zone by name, in English and German; and a save that comes after
 * someone else's keeps what was typed, brings their other changes in, says
 * which, settles a field both changed and saves over their version.
 * Screenshots land in test-results/activity-form/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { apiGet } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/activity-form' });
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const OTHER_OFFICER = 'officer.vb@demo.regiodesk.eu';
const ACTIVITY = fixtureId('activity', 'resilienceConference2026');

const WORDS = {
  en: { country: 'Country', city: 'City', zone: 'Time zone', search: 'Find another zone', suggested: 'Suggested', belgium: 'Belgium', fromPlace: /Time zone set from the place: Europe\/Brussels/ },
  de: { country: 'Land', city: 'Ort', zone: 'Zeitzone', search: 'Andere Zone suchen', suggested: 'Vorgeschlagen', belgium: 'Belgien', fromPlace: /Zeitzone nach dem Ort gesetzt: Europe\/Brussels · Mitteleuropäische Zeit/ }
} as const;

async function signedIn(email: string, language: 'en' | 'de', options = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.context({ locale: language === 'en' ? 'en-GB' : 'de-DE', timezoneId: 'Europe/Helsinki', ...options });
  const page = await context.newPage();
  await signIn(page, session.url, email, { language });
  return { context, page };
}

/** Someone else's save through the API, as their browser would send it. */
async function saveElsewhere(context: BrowserContext, changes: Record<string, unknown>): Promise<void> {
  const current = await apiGet<{ version: number }>(context, session.url, `/api/activities/${ACTIVITY}`);
  const response = await context.request.patch(`${session.url}/api/activities/${ACTIVITY}`, {
    data: changes,
    headers: { Origin: session.url, 'If-Match': `"${current.version}"` }
  });
  expect(response.status(), await response.text()).toBe(200);
}

describe('the activity form', () => {
  it('sets the time zone from the place, offers a short list and finds the rest by name — in English and German, at 390 and 1280 px', async () => {
    for (const language of ['en', 'de'] as const) {
      const words = WORDS[language];
      for (const screen of [{}, PHONE]) {
        const { context, page } = await signedIn(OFFICER, language, screen);
        await load(page, `${session.url}/activities/new`);
        const zone = page.getByLabel(words.zone, { exact: true });
        await expect.poll(() => zone.inputValue()).toBe('Europe/Helsinki'); // the device's zone until a place is chosen
        await page.getByLabel(words.country, { exact: true }).selectOption({ label: words.belgium });
        await page.getByLabel(words.city, { exact: true }).fill('Leuven');
        await page.getByLabel(words.city, { exact: true }).blur();
        expect(await zone.inputValue()).toBe('Europe/Brussels');
        await page.getByText(words.fromPlace).waitFor();
        // a short list first, named in the UI language
        const suggested = zone.locator(`optgroup[label="${words.suggested}"] option`);
        expect(await suggested.count()).toBeLessThanOrEqual(8);
        expect(await zone.locator('option').count()).toBeLessThanOrEqual(8);
        if (language === 'de') expect(await zone.locator('option:checked').textContent()).toContain('Mitteleuropäische Zeit');
        // the rest by name; the person's choice stands
        await page.getByLabel(words.search, { exact: true }).fill('Lisbon');
        await zone.locator('option[value="Europe/Lisbon"]').waitFor({ state: 'attached' });
        await zone.selectOption('Europe/Lisbon');
        expect(await zone.inputValue()).toBe('Europe/Lisbon');
        if (screen === PHONE) await fitsThePhone(page);
        await session.shot(page, `zone-from-place-${language}-${screen === PHONE ? 390 : 1280}`);
        await context.close();
      }
    }
  }, 120_000);

  it('after a stale save keeps what was typed, takes in the other changes, says which, and saves over the new version', async () => {
    const { context, page } = await signedIn(OFFICER, 'en');
    const other = await signedIn(OTHER_OFFICER, 'en');
    await load(page, `${session.url}/activities/${ACTIVITY}/edit`);
    const description = page.getByLabel('Description', { exact: true });
    await description.fill('Notes typed while someone else saved.');

    // someone saves another field meanwhile
    await saveElsewhere(other.context, { venue: 'Palais des Congrès, salle 2' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('What you typed is kept').waitFor();
    expect(await description.inputValue()).toBe('Notes typed while someone else saved.');
    const notice = page.getByRole('status').filter({ hasText: 'came into the form' });
    await notice.getByText('Palais des Congrès, salle 2').waitFor();
    expect(await page.getByLabel('Venue', { exact: true }).inputValue()).toBe('Palais des Congrès, salle 2');
    await session.shot(page, 'stale-save-kept-en');

    // now both change the title: the dialog asks, mine is kept, the save goes over their version
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Resilience conference (our title)');
    await saveElsewhere(other.context, { title: 'Resilience conference (their title)' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone changed the same fields' });
    await dialog.getByText('Resilience conference (their title)').waitFor();
    await session.shot(page, 'stale-save-conflict-en');
    await dialog.getByRole('button', { name: 'Save this', exact: true }).click();
    await page.waitForURL(`${session.url}/activities/${ACTIVITY}`);
    const stored = await apiGet<{ title: string; description: string; venue: string }>(context, session.url, `/api/activities/${ACTIVITY}`);
    expect(stored).toMatchObject({ title: 'Resilience conference (our title)', description: 'Notes typed while someone else saved.', venue: 'Palais des Congrès, salle 2' });
    await context.close();
    await other.context.close();
  }, 120_000);
});
