/**
 * The recurrence editor in real Chromium against the built product: an
 * officer chooses an activity's follow-up rule from lists in English, reads
 * it in words with its next dates, saves it and finds the RRULE stored; in
 * German the stored rule comes back as the same choices and words, a rule
 * typed as text is said in German and read back into the lists.
 * Screenshots land in test-results/recurrence/.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession } from './support/browser-session.js';
import { apiGet } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/recurrence' });
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const ACTIVITY = fixtureId('activity', 'resilienceConference2026');

const editor = (page: Page, legend: string): Locator => page.getByRole('group', { name: legend, exact: true });

describe('the recurrence editor', () => {
  it('writes the rule chosen from lists, says it in words with its next dates, and reads a stored or typed rule back — in English and German', async () => {
    // — English: choose, read, save —
    const english = await session.context();
    const page = await english.newPage();
    await signIn(page, session.url, OFFICER, { language: 'en' });
    await load(page, `${session.url}/activities/${ACTIVITY}/edit`);
    const rule = editor(page, 'Follow-up rule');
    await rule.waitFor();
    await rule.getByLabel('Repeats', { exact: true }).selectOption({ label: 'Monthly' });
    await rule.getByLabel('Every', { exact: true }).fill('3');
    await rule.getByLabel('After a number of times', { exact: true }).check();
    await rule.getByLabel('Times', { exact: true }).fill('2');
    await rule.getByText('every 3 months, 2 times', { exact: true }).waitFor();
    // the next dates as the server makes follow-ups: two, after the activity's end
    const activity = await apiGet<{ local: { endsAt: string } }>(english, session.url, `/api/activities/${ACTIVITY}`);
    const endOn = activity.local.endsAt.slice(0, 10);
    await rule.getByRole('listitem').first().waitFor();
    expect(await rule.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${session.url}/activities/${ACTIVITY}`);
    const stored = await apiGet<{ followUpRule: string | null }>(english, session.url, `/api/activities/${ACTIVITY}`);
    expect(stored.followUpRule).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
    expect(endOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // (a whole-page screenshot is taken after saving: taken before, the click on Save that followed it went nowhere)
    await load(page, `${session.url}/activities/${ACTIVITY}/edit`);
    await editor(page, 'Follow-up rule').getByText('every 3 months, 2 times', { exact: true }).waitFor();
    await session.shot(page, 'follow-up-rule-en');

    // — German: the stored rule as choices and words; a typed rule read back into the lists —
    const german = await session.context({ locale: 'de-DE' });
    const dePage = await german.newPage();
    await signIn(dePage, session.url, OFFICER, { language: 'de' });
    await load(dePage, `${session.url}/activities/${ACTIVITY}/edit`);
    const regel = editor(dePage, 'Regel für Nachbereitung');
    await regel.getByText('alle 3 Monate, 2-mal', { exact: true }).waitFor();
    expect(await regel.getByLabel('Wiederholung', { exact: true }).inputValue()).toBe('MONTHLY');
    expect(await regel.getByLabel('Alle', { exact: true }).inputValue()).toBe('3');
    expect(await regel.getByLabel('Anzahl', { exact: true }).inputValue()).toBe('2');

    await regel.getByRole('button', { name: 'Regel als Text schreiben (RFC 5545)' }).click();
    const text = regel.getByLabel('Regel (RFC 5545)', { exact: true });
    expect(await text.inputValue()).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
    await text.fill('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1;COUNT=3');
    await regel.getByText('jährlich, im November, am letzten Tag des Monats, 3-mal', { exact: true }).waitFor();
    await regel.getByRole('button', { name: 'Aus Listen wählen' }).click();
    expect(await regel.getByLabel('Wiederholung', { exact: true }).inputValue()).toBe('YEARLY');
    expect(await regel.getByLabel('Monat', { exact: true }).inputValue()).toBe('11');
    expect(await regel.getByLabel('Am letzten Tag des Monats', { exact: true }).isChecked()).toBe(true);
    // the lists write the same rule they read
    await regel.getByRole('button', { name: 'Regel als Text schreiben (RFC 5545)' }).click();
    expect(await regel.getByLabel('Regel (RFC 5545)', { exact: true }).inputValue()).toBe('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1;COUNT=3');

    // a rule richer than the lists stays text, said as written
    await regel.getByLabel('Regel (RFC 5545)', { exact: true }).fill('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2');
    await regel.getByText('Diese Regel sagt mehr, als die Listen zeigen können; sie bleibt, wie sie geschrieben ist.').waitFor();
    expect(await regel.getByRole('button', { name: 'Aus Listen wählen' }).count()).toBe(0);
    await session.shot(dePage, 'follow-up-rule-de');
    await english.close();
    await german.close();
  }, 120_000);
});
