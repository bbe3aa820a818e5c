/**
 * Adopting an evaluation that is not complete asks first, in real
 * Chromium: this year's demo evaluation has items without an assessment
 * and sections without text; once Rhein-Neckar approved, the Flemish
 * officer's approval — the one that adopts — opens a dialog listing what
 * is missing. Going back stores nothing; confirming adopts it as it is.
 * In English and German, at 1280 and 390 px. Screenshots land in
 * test-results/evaluation-adoption/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EvaluationDetail, EvaluationList } from '../../api/cycle/schemas/evaluations.js';
import { demoIds } from '../../fixtures/demo.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { EVALUATION_DAY, EVALUATION_YEAR } from './support/demo-day.js';
import { apiGet } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/evaluation-adoption', env: { REGIODESK_DEMO_DATE: EVALUATION_DAY } });
const RN = { email: 'officer.rn@demo.regiodesk.eu', party: 'Verband Region Rhein-Neckar' };
const VB = { email: 'officer.vb@demo.regiodesk.eu', party: 'Provincie Vlaams-Brabant' };
const PARTNERSHIP = demoIds.partnership('rnVb2025');
const PAGE = `/partnerships/${PARTNERSHIP}/evaluations/${EVALUATION_YEAR}`;

async function signedIn(email: string, language: 'en' | 'de', options = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.context({ locale: language === 'en' ? 'en-GB' : 'de-DE', ...options });
  const page = await context.newPage();
  await signIn(page, session.url, email, { language });
  return { context, page };
}

describe('adopting an evaluation', () => {
  it('asks first when items are unassessed or sections empty, listing them; back stores nothing, confirming adopts — in English and German', async () => {
    const rn = await signedIn(RN.email, 'en');
    await load(rn.page, `${session.url}${PAGE}`);
    await rn.page.getByRole('button', { name: 'Propose for approval' }).click();
    await rn.page.getByRole('button', { name: `Approve for ${RN.party}` }).click();
    await rn.page.getByText(`Approved for ${RN.party}.`).waitFor();

    const list = await apiGet<EvaluationList>(rn.context, session.url, `/api/evaluations?partnershipId=${PARTNERSHIP}&year=${EVALUATION_YEAR}`);
    const id = list.years[0]!.evaluationId!;
    const before = await apiGet<EvaluationDetail>(rn.context, session.url, `/api/evaluations/${id}`);
    const unassessed = before.assessments.filter((a) => a.rating === null).map((a) => a.itemTitle);
    expect(unassessed.length).toBeGreaterThan(0);

    // English, desktop: the dialog lists what is missing; going back stores nothing
    const vb = await signedIn(VB.email, 'en');
    await load(vb.page, `${session.url}${PAGE}`);
    await vb.page.getByRole('button', { name: `Approve for ${VB.party}` }).click();
    const dialog = vb.page.getByRole('dialog', { name: 'Adopt the evaluation with parts missing?' });
    await dialog.waitFor();
    const items = dialog.getByRole('region', { name: 'Items not assessed' }).getByRole('listitem');
    expect(await items.allInnerTexts()).toEqual(unassessed);
    await session.shot(vb.page, 'adopt-confirm-en-1280');
    await dialog.screenshot({ path: 'test-results/evaluation-adoption/adopt-dialog-en-1280.png' });
    await dialog.getByRole('button', { name: 'Go back and complete it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const still = await apiGet<EvaluationDetail>(rn.context, session.url, `/api/evaluations/${id}`);
    expect(still.status).toBe('proposed');
    expect(still.approvals.map((a) => a.approved)).toEqual([true, false]);

    // German, phone: the same question in German; confirming adopts it as it is
    const vbDe = await signedIn(VB.email, 'de', PHONE);
    await load(vbDe.page, `${session.url}${PAGE}`);
    await vbDe.page.getByRole('button', { name: `Für ${VB.party} zustimmen` }).click();
    const dialogDe = vbDe.page.getByRole('dialog', { name: 'Evaluierung mit fehlenden Teilen beschließen?' });
    await dialogDe.getByRole('region', { name: 'Punkte ohne Bewertung' }).waitFor();
    await fitsThePhone(vbDe.page);
    await session.shot(vbDe.page, 'adopt-confirm-de-390');
    await dialogDe.screenshot({ path: 'test-results/evaluation-adoption/adopt-dialog-de-390.png' });
    await dialogDe.getByRole('button', { name: 'Zustimmen und so beschließen' }).click();
    await dialogDe.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await apiGet<EvaluationDetail>(rn.context, session.url, `/api/evaluations/${id}`)).status).toBe('adopted');
    await vbDe.page.getByText('Beschlossen', { exact: true }).first().waitFor();
    await session.shot(vbDe.page, 'adopted-de-390');
    for (const opened of [rn, vb, vbDe]) await opened.context.close();
  }, 120_000);
});
