/**
 * Working with the partner, in real Chromium against the built product:
 * the Rhein-Neckar officer gives a meeting's next step to the Flemish
 * officer (the owner pickers of next steps, follow-ups and milestones offer
 * him), and finds pairs on the matchmaking page for the partnership or for
 * two regions, turning one into an introduction task for the Flemish
 * officer; and e-mails feedback links through a real SMTP server, the page
 * saying which went out and which to hand over — in English and in German,
 * on a desktop and on a phone. Screenshots land in test-results/partner-work/.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { apiGet, apiPost } from './support/session-api.js';
import { startSmtpServer } from '../support/smtp.js';
import { load, signIn } from './support/sign-in.js';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());
const session = browserSession({ shots: 'test-results/partner-work', env: { REGIODESK_SMTP_URL: smtp.url } });
const SHOTS = 'test-results/partner-work';
const RN = 'officer.rn@demo.regiodesk.eu';
const FLEMISH = 'Pieter Goossens';
const MEETING = fixtureId('activity', 'steeringCall2026');
const PROPOSAL = fixtureId('proposal', 'energyCommunities');
const PARTNERSHIP = 'Rhein-Neckar – Vlaams-Brabant 2025–2028 (demo)';
const CONFERENCE = fixtureId('activity', 'resilienceConference2026');
const EWRC = fixtureId('activity', 'ewrc2026');

async function optionTexts(select: Locator): Promise<string[]> {
  return select.locator('option').allTextContents();
}

/** the option naming the Flemish officer, as the picker words it */
async function flemishOption(select: Locator): Promise<string> {
  await expect.poll(async () => (await optionTexts(select)).some((t) => t.startsWith(FLEMISH)), { timeout: 15_000 }).toBe(true);
  return (await optionTexts(select)).find((t) => t.startsWith(FLEMISH))!;
}

interface TaskPage {
  items: { title: string; ownerName: string | null; kind: string }[];
}

async function signedIn(options: Parameters<typeof session.context>[0], language: 'en' | 'de'): Promise<Page> {
  const context = await session.context(options);
  const page = await context.newPage();
  await signIn(page, session.url, RN, { language });
  return page;
}

describe('owners from the partner', () => {
  it('offers the Flemish officer as owner of a next step, a follow-up and a milestone, and gives him the next step (English, desktop)', async () => {
    const page = await signedIn({}, 'en');
    await load(page, `${session.url}/activities/${MEETING}`);
    const steps = page.getByRole('region', { name: 'Next steps' });
    const owner = steps.getByLabel('Owner', { exact: true });
    const option = await flemishOption(owner);
    // the Flemish party's contact person, named as such
    expect(option).toBe(`${FLEMISH} (PFB, contact person)`);
    // the signed-in officer is still there, as herself
    expect(await optionTexts(owner)).toContain('Katrin Wellmann (you)');
    await owner.selectOption({ label: option });
    await steps.getByLabel('Next step', { exact: true }).fill('Send the EWRC speaker list to Leuven');
    await steps.getByLabel('Due on', { exact: true }).fill('2027-01-15');
    await steps.getByRole('button', { name: 'Add next step' }).click();
    await steps.getByText('Next step added.').waitFor();
    await steps.getByRole('heading', { name: 'Send the EWRC speaker list to Leuven' }).waitFor();
    const stored = await apiGet<TaskPage>(page.context(), session.url, `/api/tasks?subjectType=activity&subjectId=${MEETING}&kind=next_step&limit=200`);
    expect(stored.items.find((t) => t.title === 'Send the EWRC speaker list to Leuven')?.ownerName).toBe(FLEMISH);
    await steps.screenshot({ path: 'test-results/partner-work/next-steps-en-1280.png' });

    // the follow-ups of the same (done) meeting
    await flemishOption(page.getByRole('form', { name: 'Proposed follow-ups' }).getByLabel('Owner', { exact: true }));

    // a proposal's milestone
    await load(page, `${session.url}/proposals/${PROPOSAL}`);
    const milestone = page.getByRole('form', { name: 'Add a milestone' });
    await flemishOption(milestone.getByLabel('Owner', { exact: true }));
    await page.context().close();
  });

  it('offers him in German on a phone', async () => {
    const page = await signedIn({ ...PHONE, locale: 'de-DE' }, 'de');
    await load(page, `${session.url}/activities/${MEETING}`);
    const steps = page.getByRole('region', { name: 'Nächste Schritte' });
    const option = await flemishOption(steps.getByLabel('Zuständig', { exact: true }));
    expect(option).toBe(`${FLEMISH} (PFB, Kontaktperson)`);
    expect(await optionTexts(steps.getByLabel('Zuständig', { exact: true }))).toContain('Katrin Wellmann (Sie)');
    await fitsThePhone(page);
    await steps.screenshot({ path: 'test-results/partner-work/next-steps-de-390.png' });
    await page.context().close();
  });
});

describe('the matchmaking page', () => {
  it('lists the partnership’s pairs with maturity and turns one into an introduction task for the Flemish officer (English, desktop)', async () => {
    const page = await signedIn({}, 'en');
    await load(page, `${session.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matchmaking' }).click();
    await page.waitForURL(`${session.url}/matchmaking`);
    await page.getByRole('heading', { level: 1, name: 'Matchmaking' }).waitFor();
    const choice = page.getByRole('form', { name: 'Choose the regions and domains' });
    await choice.getByLabel('Partnership', { exact: true }).selectOption({ label: PARTNERSHIP });
    await choice.getByRole('button', { name: 'Find pairs' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /pairs? between Rhein-Neckar and Vlaams-Brabant$/ });
    await heading.waitFor();
    const pairs = page.getByRole('list', { name: await heading.textContent() ?? '' });
    const first = pairs.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).first();
    const pairName = (await first.getByRole('heading', { level: 3 }).textContent())!;
    const [a, b] = pairName.split(' and ');
    await first.getByText('Shared domains').waitFor();
    await expect.poll(async () => (await first.getByText(/^\(maturity \d and \d\)$/).count()) > 0).toBe(true);
    await page.screenshot({ path: `${SHOTS}/matchmaking-en-1280.png` });

    await first.getByRole('button', { name: `Make an introduction task for ${a} and ${b}` }).click();
    const form = page.getByRole('form', { name: `Make an introduction task for ${a} and ${b}` });
    expect(await form.getByLabel('Task of', { exact: true }).locator('option:checked').textContent()).toBe(PARTNERSHIP);
    const owner = form.getByLabel('Owner', { exact: true });
    await owner.selectOption({ label: await flemishOption(owner) });
    await first.screenshot({ path: `${SHOTS}/matchmaking-pair-en-1280.png` });
    await form.getByRole('button', { name: 'Make the task' }).click();
    // the task speaks its owner's language: Dutch for the Flemish officer
    await page.getByRole('status').filter({ hasText: `Task made for ${FLEMISH}: ${a} en ${b} met elkaar in contact brengen` }).waitFor();
    const tasks = await apiGet<TaskPage>(page.context(), session.url, '/api/tasks?kind=other&limit=200');
    expect(tasks.items.find((t) => t.title === `${a} en ${b} met elkaar in contact brengen`)?.ownerName).toBe(FLEMISH);
    await page.context().close();
  });

  it('finds pairs for two chosen regions and a domain, in German on a phone', async () => {
    const page = await signedIn({ ...PHONE, locale: 'de-DE' }, 'de');
    await load(page, `${session.url}/matchmaking`);
    const choice = page.getByRole('form', { name: 'Regionen und Bereiche wählen' });
    await choice.getByLabel('zwei Regionen meiner Wahl').check();
    await choice.getByLabel('Erste Region', { exact: true }).selectOption({ label: 'Rhein-Neckar' });
    await choice.getByLabel('Zweite Region', { exact: true }).selectOption({ label: 'Vlaams-Brabant' });
    await choice.getByRole('button', { name: 'Paare finden' }).click();
    await page.waitForURL(/by=regions/);
    const heading = page.getByRole('heading', { level: 2, name: /Paare? zwischen Rhein-Neckar und Vlaams-Brabant$/ });
    await heading.waitFor();
    expect(await heading.textContent()).not.toMatch(/^0 /);
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await page.getByText('Gemeinsame Bereiche').first().waitFor();
    const firstPair = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).first();
    await firstPair.getByRole('button', { name: /^Aufgabe zur Vorstellung von / }).click();
    await firstPair.getByRole('form').getByLabel('Zuständig', { exact: true }).waitFor();
    await firstPair.screenshot({ path: `${SHOTS}/matchmaking-pair-de-390.png` });
    // the same region twice is refused in words
    await load(page, `${session.url}/matchmaking?by=regions&regionA=${await regionId(page, 'Rhein-Neckar')}&regionB=${await regionId(page, 'Rhein-Neckar')}`);
    await page.getByRole('alert').filter({ hasText: 'Wählen Sie zwei verschiedene Regionen.' }).waitFor();
    await load(page, page.url().replace(/regionB=[^&]+/, `regionB=${await regionId(page, 'Vlaams-Brabant')}`));
    await heading.waitFor();
    await fitsThePhone(page);
    await page.screenshot({ path: `${SHOTS}/matchmaking-de-390.png` });
    await page.context().close();
  });
});

describe('feedback links by e-mail', () => {
  it('mails the links of participants with an address and shows the rest to hand over, saying why (English, desktop)', async () => {
    const page = await signedIn({}, 'en');
    // an organisation taking part without a person: no address to mail to
    await apiPost(page.context(), session.url, `/api/activities/${EWRC}/participants`, { organisationId: fixtureId('organisation', 'vrrn'), role: 'delegate', attendance: 'confirmed' });
    await load(page, `${session.url}/activities/${EWRC}`);
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await feedback.getByRole('button', { name: 'Create and e-mail feedback links' }).click();
    const links = feedback.getByRole('region', { name: 'Personal links' });
    const mailed = links.getByRole('list', { name: 'Sent by e-mail' });
    await mailed.getByText(`${FLEMISH}: to pieter.goossens@vlaamsbrabant.example`).waitFor();
    await links.getByText('The mail server accepted these messages; whether they arrive, only the answers will tell.').waitFor();
    const handOver = links.getByRole('list', { name: 'To hand over' });
    expect(await handOver.getByRole('textbox').count()).toBe(1);
    await handOver.getByText('no e-mail address').waitFor();
    // the Flemish officer's mail is in his account's language, with his link
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('pieter.goossens@vlaamsbrabant.example')).length).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes('pieter.goossens@vlaamsbrabant.example'))!;
    expect(mail.subject).toMatch(/^Uw feedback over ‘/);
    expect(mail.text).toMatch(new RegExp(`Uw persoonlijke link: ${session.url}/feedback/\\S+`));
    await feedback.screenshot({ path: `${SHOTS}/feedback-en-1280.png` });
    await page.context().close();
  });

  it('says the same in German on a phone', async () => {
    const page = await signedIn({ ...PHONE, locale: 'de-DE' }, 'de');
    await apiPost(page.context(), session.url, `/api/activities/${CONFERENCE}/participants`, { organisationId: fixtureId('organisation', 'pfb'), role: 'guest', attendance: 'confirmed' });
    await load(page, `${session.url}/activities/${CONFERENCE}`);
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await feedback.getByRole('button', { name: 'Feedback-Links erstellen und mailen' }).click();
    const links = feedback.getByRole('region', { name: 'Persönliche Links' });
    await links.getByRole('list', { name: 'Per E-Mail verschickt' }).getByRole('listitem').first().waitFor();
    await links.getByRole('list', { name: 'Weiterzugeben' }).getByText('keine E-Mail-Adresse').waitFor();
    await fitsThePhone(page);
    await feedback.screenshot({ path: `${SHOTS}/feedback-de-390.png` });
    await page.context().close();
  });
});

async function regionId(page: Page, name: string): Promise<string> {
  const regions = await apiGet<{ items: { id: string; name: string }[] }>(page.context(), session.url, '/api/regions?limit=200');
  return regions.items.find((r) => r.name === name)!.id;
}
