/**
 * Issue 5 point 3 in real Chromium against the built product (server.ts
 * with a fresh demo database): the Rhein-Neckar officer opens this year's
 * evaluation of the demo partnership "Rhein-Neckar – Vlaams-Brabant
 * (demo)", whose record of the year (fixtures/activities.ts) gives the
 * figures something to count. The demo is dated for a day of the month the
 * partners evaluate in that has come (REGIODESK_DEMO_DATE, support/demo-day.ts:
 * 20 November of this year, or of last year before November): the demo has
 * started that year's evaluation then (fixtures/annual-cycle.ts), and the
 * year's activities have ended by the real clock the figures count on.
 *
 * 1. opens the evaluation; the key figures and a chart's table show what
 *    the API counted; writes the Results section
 *    (the Vlaams-Brabant officer, on the same page in a second context,
 *    sees it appear without reloading, and sees who is editing); assesses an
 *    item of the year's work plan; writes the Challenges section with the
 *    keyboard alone, the focus returning to its Edit button; opens the
 *    multi-year overview and picks a range, each year's figures and status
 *    as the API has them;
 * 2. on a 390 px phone the evaluation and the overview fit the width.
 *
 * What the pages say is checked in the pages; what was stored, through the
 * API with the officer's session. Screenshots land in test-results/evaluation/.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EvaluationDetail, EvaluationList } from '../../api/cycle/schemas/evaluations.js';
import { demoIds } from '../../fixtures/demo.js';
import { apiGet } from './support/session-api.js';
import { load } from './support/sign-in.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { EVALUATION_DAY, EVALUATION_YEAR } from './support/demo-day.js';

const shots = 'test-results/evaluation';

const RN = 'officer.rn@demo.regiodesk.eu';
const VB = 'officer.vb@demo.regiodesk.eu';
const PARTNERSHIP = demoIds.partnership('rnVb2025');
const YEAR = EVALUATION_YEAR;
const IN_BERLIN = { timezoneId: 'Europe/Berlin' } as const;
const ON_THE_PHONE = { ...PHONE, timezoneId: 'Europe/Berlin' } as const;
const session = browserSession({ shots, env: { REGIODESK_DEMO_DATE: EVALUATION_DAY } });

async function evaluationOf(ctx: BrowserContext): Promise<EvaluationDetail> {
  const list = await apiGet<EvaluationList>(ctx, session.url, `/api/evaluations?partnershipId=${PARTNERSHIP}&year=${YEAR}`);
  expect(list.items).toHaveLength(1);
  return apiGet<EvaluationDetail>(ctx, session.url, `/api/evaluations/${list.items[0]!.id}`);
}

describe('the evaluation of a year', () => {
  it(
    'is opened, shows the counted figures, gets a section written (seen live by the partner), an item assessed, and the overview shows a chosen range',
    async () => {
      const { context: rn, page } = await session.signedIn(RN, IN_BERLIN);

      // — open it: the demo started it in November —
      await load(page, `${session.url}/partnerships/${PARTNERSHIP}/evaluations/${YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Evaluation ${YEAR}` }).waitFor();
      await expect.poll(() => page.getByText('Status: Draft').count()).toBe(1);

      // — the figures are the API's —
      const started = await evaluationOf(rn);
      const figures = started.figures;
      expect(figures.activities.total).toBeGreaterThan(0);
      const activitiesHeld = page.getByRole('term').filter({ hasText: /^Activities held$/ }).locator('..').getByRole('definition');
      await expect.poll(() => activitiesHeld.textContent()).toBe(String(figures.activities.total));
      const participants = page.getByRole('term').filter({ hasText: /^Participants who attended$/ }).locator('..').getByRole('definition');
      expect((await participants.textContent())?.trim()).toBe(String(figures.participants.total));
      // a chart's numbers in the table behind it
      await page.getByText('Table: Activities by host region').click();
      const hostTable = page.getByRole('table', { name: 'Activities by host region' });
      expect(figures.activities.byHostRegion.length, 'the demo year has activities in host regions').toBeGreaterThan(0);
      for (const tally of figures.activities.byHostRegion) {
        const name = new RegExp(`^${tally.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${tally.count}$`);
        await expect.poll(() => hostTable.getByRole('row', { name }).count()).toBe(1);
      }
      const chart = page.getByRole('img', { name: 'Activities by type' });
      expect(await chart.count()).toBe(1);
      await session.shot(page, '01-started');

      // — the partner watches the same page —
      const { context: vb, page: partnerPage } = await session.signedIn(VB, IN_BERLIN);
      await load(partnerPage, `${session.url}/partnerships/${PARTNERSHIP}/evaluations/${YEAR}`);
      await partnerPage.getByText('Live: changes by others appear as they happen').waitFor();
      await page.getByText('Pieter Goossens', { exact: false }).first().waitFor();

      // — a section —
      const results = 'Four activities were held, one with the political level.\n\nThe EWRC workshop in Brussels brought both regions’ clusters together.';
      await page.getByRole('button', { name: 'Edit Results' }).click();
      await page.getByRole('textbox', { name: 'Results' }).fill(results);
      await partnerPage.getByText('Katrin Wellmann is editing this now').waitFor();
      await page.getByRole('button', { name: 'Save Results' }).click();
      await page.getByText('Results saved.').waitFor();
      expect((await evaluationOf(rn)).sections.find((s) => s.kind === 'results')?.body).toBe(results);
      // the partner sees it without reloading
      await partnerPage.getByText('The EWRC workshop in Brussels brought both regions’ clusters together.').waitFor();
      await partnerPage.getByText('Results was just changed by Katrin Wellmann.').first().waitFor();
      await session.shot(partnerPage, '02-partner-sees-results');

      // — an item assessed —
      const ITEM = started.assessments[0]!.itemTitle;
      const unrated = started.assessments.filter((a) => a.rating === null).length;
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: ITEM }) });
      await item.getByLabel('Assessment').selectOption({ label: started.assessments[0]!.rating === 'achieved' ? 'Partly achieved' : 'Achieved' });
      await item.getByLabel('Comment').fill('Held on 14 October 2025 with 40 participants.');
      await item.getByRole('button', { name: 'Save assessment' }).click();
      await page.getByText(`Assessment of “${ITEM}” saved.`).waitFor();
      const assessed = (await evaluationOf(rn)).assessments.find((a) => a.itemTitle === ITEM);
      expect(assessed).toMatchObject({ rating: started.assessments[0]!.rating === 'achieved' ? 'partly' : 'achieved', comment: 'Held on 14 October 2025 with 40 participants.' });
      await partnerPage.getByText(`The assessment of “${ITEM}” was just changed by Katrin Wellmann.`).first().waitFor();
      const total = started.assessments.length;
      await page.getByText(`${total - unrated + (started.assessments[0]!.rating === null ? 1 : 0)} of ${total} assessed`).waitFor();

      // — the keyboard alone: Challenges —
      const editChallenges = page.getByRole('button', { name: 'Edit Challenges' });
      await editChallenges.focus();
      await page.keyboard.press('Enter');
      const challenges = page.getByRole('textbox', { name: 'Challenges' });
      await expect.poll(() => challenges.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Finding dates for the political visit took months.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Challenges saved.').waitFor();
      await expect.poll(() => editChallenges.evaluate((el) => el === document.activeElement)).toBe(true);
      expect((await evaluationOf(rn)).sections.find((s) => s.kind === 'challenges')?.body).toBe('Finding dates for the political visit took months.');
      await session.shot(page, '03-written-and-assessed');
      await vb.close();

      // — the overview, then a range of its own —
      await page.getByRole('link', { name: 'Figures over several years' }).click();
      // the evaluated year and the three before it; then the year before it to the year after
      await page.waitForURL(new RegExp(`/evaluations\\?from=${YEAR - 3}&to=${YEAR}$`));
      await page.getByRole('heading', { level: 1, name: `Evaluations ${YEAR - 3}–${YEAR}` }).waitFor();
      await page.getByLabel('From').fill(String(YEAR - 1));
      await page.getByLabel('To').fill(String(YEAR + 1));
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(new RegExp(`/evaluations\\?from=${YEAR - 1}&to=${YEAR + 1}$`));
      await page.getByRole('heading', { level: 1, name: `Evaluations ${YEAR - 1}–${YEAR + 1}` }).waitFor();
      const range = await apiGet<EvaluationList>(rn, session.url, `/api/evaluations?partnershipId=${PARTNERSHIP}&from=${YEAR - 1}&to=${YEAR + 1}`);
      expect(range.years.map((y) => y.year)).toEqual([YEAR - 1, YEAR, YEAR + 1]);
      const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Evaluation' }) });
      const statusText = { draft: 'Draft', proposed: 'Proposed', adopted: 'Adopted' } as const;
      for (const y of range.years) {
        const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(y.year) }) });
        await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe(String(y.figures.activities.total));
        const link = `${y.year}: ${y.status ? statusText[y.status] : 'not started'}`;
        await expect.poll(() => row.getByRole('link', { name: link }).count()).toBe(1);
      }
      expect(range.years[1]!.status).toBe('draft');
      expect(range.years[1]!.figures.activities.total).toBe(figures.activities.total);
      expect(await page.getByRole('img', { name: 'Activities per year' }).count()).toBe(1);
      await session.shot(page, '04-overview');
      await table.getByRole('link', { name: `${YEAR}: Draft` }).click();
      await page.waitForURL(new RegExp(`/evaluations/${YEAR}$`));
      await page.getByRole('heading', { level: 1, name: `Evaluation ${YEAR}` }).waitFor();
      await rn.close();
    },
    180_000
  );

  it('fits a 390 px phone: the evaluation and the overview', async () => {
    const { context: phone, page } = await session.signedIn(RN, ON_THE_PHONE);
    await load(page, `${session.url}/partnerships/${PARTNERSHIP}/evaluations/${YEAR}`);
    await page.getByRole('heading', { level: 1, name: `Evaluation ${YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Edit Results' }).waitFor();
    await fitsThePhone(page);
    await session.shot(page, '05-phone-evaluation');
    await load(page, `${session.url}/partnerships/${PARTNERSHIP}/evaluations?from=2017&to=2020`);
    await page.getByRole('heading', { level: 1, name: 'Evaluations 2017–2020' }).waitFor();
    await fitsThePhone(page);
    await session.shot(page, '06-phone-overview');
    await phone.close();
  }, 60_000);
});
