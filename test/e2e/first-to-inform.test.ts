/**
 * First to inform in real Chromium against the built product: an officer
 * moves a candidate project with an empty log to submitted and the page
 * warns (the move is made); the obligations panel is amber for it; the log's
 * form, sent as it opens (today, nobody named, decide automatically), is
 * accepted as the partner region as such and the warning goes. And the
 * account page's calendar feed offers its webcal:// link.
 * Screenshots land in test-results/first-to-inform/.
 */
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession } from './support/browser-session.js';
import { apiGet, apiPost } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const SHOTS = 'test-results/first-to-inform';
const session = browserSession({ shots: SHOTS });
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');
const WARNING = 'Submitted with nothing in the first-to-inform log: record when the partner region was told about this idea. Art. 2.3: partners inform each other first.';

describe('first to inform', () => {
  it('warns when a project with an empty log is submitted, flags it amber, and takes the log form as it opens', async () => {
    const context = await session.context();
    const page = await context.newPage();
    await signIn(page, session.url, OFFICER, { language: 'en' });
    // her account speaks German, and the API words the warning in the account's language: she switches it to English
    expect((await context.request.put(`${session.url}/api/auth/me/locale`, { data: { locale: 'en' }, headers: { Origin: session.url } })).status()).toBe(204);
    const proposal = await apiPost<{ id: string }>(context, session.url, '/api/proposals', { acronym: 'SILENT', title: 'Quiet preparation (browser test)', partnershipId: PARTNERSHIP, stage: 'in_preparation' });

    await load(page, `${session.url}/proposals/${proposal.id}`);
    await page.getByRole('button', { name: 'Move to Submitted' }).click();
    const stage = page.getByRole('region', { name: 'Stage' });
    await stage.getByText(WARNING).waitFor();
    expect(await stage.getByRole('link', { name: 'First to inform' }).getAttribute('href')).toBe('#inform-title');
    expect((await apiGet<{ stage: string }>(context, session.url, `/api/proposals/${proposal.id}`)).stage).toBe('submitted');
    await session.shot(page, 'submitted-warning');
    await stage.screenshot({ path: `${SHOTS}/submitted-warning-stage.png` });

    // the agreement's obligation of this year: amber, naming the project
    await load(page, `${session.url}/partnerships/${PARTNERSHIP}`);
    const year = (await apiGet<{ year: number }>(context, session.url, `/api/partnerships/${PARTNERSHIP}/obligations`)).year;
    await page.getByText(`One candidate project of ${year} (SILENT) was submitted with nothing in the first-to-inform log: record when the partner region was told.`).waitFor();
    await session.shot(page, 'obligation-amber');
    await page.getByText(`One candidate project of ${year} (SILENT)`).locator('xpath=ancestor::li[1]').screenshot({ path: `${SHOTS}/obligation-amber-item.png` });

    // the log's form sent as it opens
    await load(page, `${session.url}/proposals/${proposal.id}`);
    const form = page.getByRole('form', { name: 'Log who was told' });
    const informedOn = await form.getByLabel('Date informed').inputValue();
    expect(informedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole('button', { name: 'Add to the log' }).click();
    await page.getByText('The entry was added to the log.').waitFor();
    const table = page.getByRole('table', { name: 'Who was told when' });
    await table.getByRole('rowheader', { name: 'The partner region as such' }).waitFor();
    expect(await page.getByText(WARNING).count()).toBe(0);
    expect(await table.getByText('Yes').count()).toBe(1);
    await session.shot(page, 'logged-with-defaults');
    await page.getByRole('region', { name: 'First to inform' }).screenshot({ path: `${SHOTS}/logged-with-defaults-section.png` });
    await context.close();
  });

  it('offers the new calendar feed as a webcal:// link on the account page', async () => {
    const { context, page } = await session.signedIn(OFFICER);
    await load(page, `${session.url}/account`);
    await page.getByRole('button', { name: /calendar feed/i }).click();
    const link = page.getByRole('link', { name: /webcal/i });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^webcal:\/\/[^/]+\/api\/calendar\.ics\?token=rdcal_/);
    await session.shot(page, 'account-webcal');
    await page.getByRole('region', { name: 'Calendar feed' }).screenshot({ path: `${SHOTS}/account-webcal-feeds.png` });
    await context.close();
  });
});
