/**
 * The command palette in real Chromium against the built product, by
 * keyboard only: Ctrl+K opens it from any page, a few letters typed without
 * their accents find the record ("schonau" → Stadt Schönau), Enter opens it;
 * the arrow keys reach an action, Enter opens its form; Escape closes and
 * gives the focus back where it was — in English and in German. The dialog,
 * the combobox, its listbox and the active option are found by their roles.
 * Screenshots land in test-results/command-palette/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession } from './support/browser-session.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/command-palette' });
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const SCHOENAU = fixtureId('organisation', 'schoenau');

/** The text of the option the combobox names as active. */
async function activeOption(page: Page): Promise<string> {
  const id = await page.getByRole('dialog').getByRole('combobox').getAttribute('aria-activedescendant');
  expect(id, 'the combobox names an active option').toBeTruthy();
  const option = page.locator(`[id="${id}"]`);
  expect(await option.getAttribute('role')).toBe('option');
  expect(await option.getAttribute('aria-selected')).toBe('true');
  return (await option.textContent()) ?? '';
}

/** Presses ↓ until the active option reads `wanted` (at most 20 times). */
async function arrowTo(page: Page, wanted: string): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    if ((await activeOption(page)).includes(wanted)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option "${wanted}" among: ${await page.getByRole('dialog').getByRole('listbox').textContent()}`);
}

async function openPalette(page: Page, dialogName: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  // the focus is in the input at once: typing goes there
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  return dialog;
}

describe('the command palette', () => {
  it('finds a record by letters without accents and opens it, and opens an action’s form — by keyboard only, in English and German', async () => {
    // — English —
    const english = await session.context();
    const page = await english.newPage();
    await signIn(page, session.url, OFFICER, { language: 'en' });
    await load(page, `${session.url}/partnerships`);

    // Escape closes and the focus goes back where it was
    await page.keyboard.press('Tab');
    const before = await page.evaluate(() => document.activeElement?.outerHTML);
    await openPalette(page, 'Find a record or an action');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(before);

    const dialog = await openPalette(page, 'Find a record or an action');
    await page.keyboard.type('schonau');
    const record = dialog.getByRole('option', { name: /Stadt Schönau/ });
    await record.waitFor();
    await arrowTo(page, 'Stadt Schönau');
    await session.shot(page, 'palette-record-en');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${session.url}/organisations/${SCHOENAU}`);
    await page.getByRole('heading', { level: 1, name: /Stadt Schönau/ }).waitFor();

    // an action: its words in the reader's language, its form opens
    await openPalette(page, 'Find a record or an action');
    await page.keyboard.type('trip');
    await dialog.getByRole('option', { name: /Log a delegation trip/ }).waitFor();
    await arrowTo(page, 'Log a delegation trip');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${session.url}/activities/new?type=delegation_trip`);
    await page.getByRole('heading', { level: 1, name: 'Log an activity' }).waitFor();
    await english.close();

    // — German —
    const german = await session.context({ locale: 'de-DE' });
    const dePage = await german.newPage();
    await signIn(dePage, session.url, OFFICER, { language: 'de' });
    const dialogDe = await openPalette(dePage, 'Datensatz oder Aktion finden');
    await dePage.keyboard.type('schonau');
    await dialogDe.getByRole('option', { name: /Stadt Schönau/ }).waitFor();
    await arrowTo(dePage, 'Stadt Schönau');
    await dePage.keyboard.press('Enter');
    await dePage.waitForURL(`${session.url}/organisations/${SCHOENAU}`);

    await openPalette(dePage, 'Datensatz oder Aktion finden');
    await dePage.keyboard.type('projektidee');
    await dialogDe.getByRole('option', { name: /Neue Projektidee/ }).waitFor();
    await arrowTo(dePage, 'Neue Projektidee');
    await session.shot(dePage, 'palette-action-de');
    await dePage.keyboard.press('Enter');
    await dePage.waitForURL(`${session.url}/proposals/new`);
    await dePage.getByRole('heading', { level: 1, name: 'Neue Projektidee' }).waitFor();
    await german.close();
  });
});
