/**
 * Two defects a phone and a screen reader found: the regions page at 390 px
 * was 465 px wide (a visually hidden column heading escaped the table's
 * scrolling box), and the obligations' year switcher said "‹ 2025" while its
 * accessible name was "Previous year (2025)", so speaking what one sees did
 * not find the button. Screenshots land in test-results/phone-regions/.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/phone-regions' });
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');

/** The officer signed in, reading `language`. */
async function signedIn(language: 'en' | 'de', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.context({ locale: language === 'en' ? 'en-GB' : 'de-DE', ...options });
  const page = await context.newPage();
  await signIn(page, session.url, OFFICER, { language });
  return { context, page };
}

/** Each button's accessible name and the text it shows (without what is hidden from assistive technology). */
async function namesAndTexts(page: Page, selector: string): Promise<{ name: string; text: string }[]> {
  const buttons = page.locator(selector);
  const result: { name: string; text: string }[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    const text = await button.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    const name = (await button.getAttribute('aria-label')) ?? text;
    result.push({ name, text });
  }
  return result;
}

describe('the regions page on a phone and the year switcher by name', () => {
  it('keeps /regions within 390 px, in English and German', async () => {
    for (const language of ['en', 'de'] as const) {
      const { context, page } = await signedIn(language, { ...PHONE });
      await load(page, `${session.url}/regions`);
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Regions' : 'Regionen' }).waitFor();
      await fitsThePhone(page);
      await session.shot(page, `regions-390-${language}`);
      await context.close();
    }
  }, 120_000);

  it("names the year switcher's buttons with the words they show, in English and German", async () => {
    for (const language of ['en', 'de'] as const) {
      const { context, page } = await signedIn(language);
      await load(page, `${session.url}/partnerships/${PARTNERSHIP}`);
      const years = page.getByRole('navigation', { name: language === 'en' ? 'Year' : 'Jahr' });
      await years.getByRole('button').first().waitFor();
      const buttons = await namesAndTexts(page, 'nav.years button');
      expect(buttons.length).toBeGreaterThan(0);
      for (const { name, text } of buttons) {
        expect(text).toMatch(/\d{4}/);
        expect(name).toContain(text);
      }
      await years.getByRole('button', { name: language === 'en' ? /^Previous year \(\d{4}\)$/ : /^Vorjahr \(\d{4}\)$/ }).waitFor();
      await session.shot(page, `year-switcher-1280-${language}`);
      await context.close();
      // the longer words still fit a phone
      const phone = await signedIn(language, { ...PHONE });
      await load(phone.page, `${session.url}/partnerships/${PARTNERSHIP}`);
      await phone.page.locator('nav.years button').first().waitFor();
      await fitsThePhone(phone.page);
      await phone.page.locator('nav.years').screenshot({ path: `test-results/phone-regions/year-switcher-390-${language}.png` });
      await phone.context.close();
    }
  }, 120_000);
});
