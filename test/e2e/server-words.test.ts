/**
 * What the server words, read in Dutch in real Chromium against the built
 * product (issue 13): the Flemish officer (a Dutch account) reads why the
 * Rhein-Neckar officer's approval of a work plan was withdrawn — stored as
 * a kind and values, worded for her — and the agreement's obligations,
 * whose reasons the API words in her language. Neither page shows an
 * English sentence of the catalogue. Screenshots land in
 * test-results/server-words/.
 */
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession } from './support/browser-session.js';
import { THIS_YEAR } from './support/demo-day.js';
import { describeLeaks, englishTexts, leaksIn, visibleSegments } from './support/english-leaks.js';
import { apiPost } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/server-words' });
const RN_OFFICER = 'officer.rn@demo.regiodesk.eu';
const VB_OFFICER = 'officer.vb@demo.regiodesk.eu';
const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');
/** a year the demo has no plan for */
const YEAR = THIS_YEAR + 3;

describe('the server’s words in Dutch', () => {
  it('says why an approval was withdrawn, and the obligations’ reasons, in the reader’s language', async () => {
    // the Rhein-Neckar officer (a German account) proposes a plan, approves it for her party and takes the approval back
    const rn = await session.context({ locale: 'de-DE' });
    const rnPage = await rn.newPage();
    await signIn(rnPage, session.url, RN_OFFICER, { language: 'account' });
    const plan = await apiPost<{ id: string }>(rn, session.url, '/api/workplans', { partnershipId: PARTNERSHIP, year: YEAR, introduction: 'Ein Plan, um Wörter zu prüfen.' });
    for (const step of ['propose', 'approve']) {
      const reply = await rn.request.post(`${session.url}/api/workplans/${plan.id}/${step}`, { data: {}, headers: { Origin: session.url } });
      expect(reply.status(), await reply.text()).toBe(200);
    }
    const back = await rn.request.delete(`${session.url}/api/workplans/${plan.id}/approve`, { headers: { Origin: session.url } });
    expect(back.status(), await back.text()).toBe(200);
    expect((await back.json()).approvals[0].withdrawn.reason).toMatch(/^Zurückgezogen von /);

    // the Flemish officer reads it in Dutch
    const vb = await session.context({ locale: 'nl-BE' });
    const page = await vb.newPage();
    await signIn(page, session.url, VB_OFFICER, { language: 'account' });
    await load(page, `${session.url}/partnerships/${PARTNERSHIP}/workplans/${YEAR}`);
    await page.getByText(/Ingetrokken door /).first().waitFor();
    await session.shot(page, 'withdrawn-approval-nl');
    const texts = englishTexts('nl');
    const planLeaks = leaksIn(await visibleSegments(page), texts, `work plan ${YEAR}`);
    expect(planLeaks, describeLeaks(planLeaks)).toEqual([]);

    // the obligations on the partnership's page, worded by the API in Dutch
    await load(page, `${session.url}/partnerships/${PARTNERSHIP}`);
    const panel = page.getByRole('region', { name: /Verplichtingen/ });
    await panel.getByText(/ambtelijke bezoeken/).first().waitFor();
    await session.shot(page, 'obligations-nl');
    const obligationLeaks = leaksIn(await visibleSegments(page), texts, 'partnership, obligations');
    expect(obligationLeaks, describeLeaks(obligationLeaks)).toEqual([]);
  });
});
