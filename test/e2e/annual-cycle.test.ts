/**
 * Issue 5 in real Chromium, against the built product (server.ts with a
 * fresh demo database): the two officers of the demo partnership
 * Rhein-Neckar – Vlaams-Brabant write next year's work plan together, each
 * in their own browser context (Mannheim on a desktop, Leuven on a 390 px
 * phone), without ever reloading:
 *
 * 1. Rhein-Neckar opens the partnership's Annual cycle card, starts the plan
 *    for next year with the open items of this year carried over (in
 *    December the demo is dated for 30 November, REGIODESK_DEMO_DATE: from
 *    1 December it drafts next year's plan itself), and adds an item; Leuven, on the same page, sees it appear and
 *    each sees the other in "Here now";
 * 2. Leuven edits the item's indicator (Escape first asks before throwing
 *    the typed text away; "Keep editing" keeps it), Rhein-Neckar sees it appear; while
 *    Rhein-Neckar edits the item, Leuven sees "… is editing this now";
 * 3. both edit the same item from the same version: Leuven saves a new
 *    title, Rhein-Neckar saves another title and a status: the resolver shows
 *    base, theirs and yours for the title, naming Leuven's officer (free
 *    text may be combined, the status may not); Rhein-Neckar keeps theirs, so
 *    the status change is saved on top and both see the result; the item's
 *    history names every version; Leuven's "saved" goes once Mannheim's change arrives;
 * 4. Rhein-Neckar proposes (focus goes to the approvals heading), both
 *    approve for their own party, the plan is adopted on both screens;
 * 5. the DOCX link downloads a Word document whose text names the plan's
 *    item in both partners' languages' headings.
 * Every wait is for something visible; nothing is timed.
 * Screenshots land in test-results/annual-cycle/ for a person to look at.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText } from './support/docx.js';
import { browserSession } from './support/browser-session.js';
import { BEFORE_NEXT_PLAN_DAY, demoPartnership, THIS_YEAR } from './support/demo-day.js';

const shots = 'test-results/annual-cycle';

const RN = { email: 'officer.rn@demo.regiodesk.eu', name: 'Katrin Wellmann', party: 'Verband Region Rhein-Neckar' };
const VB = { email: 'officer.vb@demo.regiodesk.eu', name: 'Pieter Goossens', party: 'Provincie Vlaams-Brabant' };
const PARTNERSHIP = demoPartnership(BEFORE_NEXT_PLAN_DAY);
/** next year */
const YEAR = THIS_YEAR + 1;
const TITLE = 'Joint hydrogen valley workshop in Leuven';
/** both officers read in Brussels time; the plan is downloaded as a Word file */
const IN_BRUSSELS = { timezoneId: 'Europe/Brussels', acceptDownloads: true } as const;

const session = browserSession({ shots, env: { REGIODESK_DEMO_DATE: BEFORE_NEXT_PLAN_DAY } });

/** the item's card, found by its heading */
const card = (page: Page, title: string | RegExp) => page.getByRole('article', { name: title });

describe('annual cycle in the browser', () => {
  it(
    'two officers co-edit next year’s work plan live, settle a conflict, approve it for both parties and download it as DOCX',
    async () => {
      const { context: rnContext, page: rn } = await session.signedIn(RN.email, IN_BRUSSELS);
      const { context: vbContext, page: vb } = await session.signedIn(VB.email, { ...IN_BRUSSELS, viewport: { width: 390, height: 844 } });

      // — 1. the partnership's annual cycle leads to next year's plan, which Rhein-Neckar starts —
      await rn.goto(`${session.url}/partnerships`, { waitUntil: 'networkidle' });
      await rn.getByRole('link', { name: PARTNERSHIP }).click();
      await rn.getByRole('heading', { level: 1, name: PARTNERSHIP }).waitFor();
      const cycle = rn.getByRole('region', { name: 'Annual cycle' });
      await cycle.getByRole('link', { name: `Work plan ${YEAR}` }).click();
      await rn.getByRole('heading', { level: 1, name: `Work plan ${YEAR}` }).waitFor();
      await rn.waitForLoadState('networkidle');
      // this year's plan of the demo has open items: they start next year's
      await expect(rn.getByRole('checkbox', { name: `Carry over the open items from ${YEAR - 1}` }).isChecked()).resolves.toBe(true);
      await rn.getByRole('button', { name: `Start the work plan for ${YEAR}` }).click();
      await rn.getByRole('heading', { name: /^Items/ }).waitFor();
      await rn.getByRole('article').first().waitFor();
      const carried = await rn.getByRole('article').count();
      expect(carried).toBeGreaterThan(0);
      const planUrl = rn.url();
      expect(planUrl).toMatch(new RegExp(`/partnerships/[^/]+/workplans/${YEAR}$`));

      await vb.goto(planUrl, { waitUntil: 'networkidle' });
      await rn.getByText('Live: changes by others appear as they happen').waitFor();
      await vb.getByText('Live: changes by others appear as they happen').waitFor();
      // each sees the other here
      await rn.getByRole('region', { name: 'Who is here' }).getByText(`${VB.name} (${VB.party})`).waitFor();
      await vb.getByRole('region', { name: 'Who is here' }).getByText(`${RN.name} (${RN.party})`).waitFor();

      await rn.getByRole('button', { name: 'Add an item' }).click();
      await rn.getByLabel('Title').fill(TITLE);
      await rn.getByLabel('Description').fill('A one-day workshop of both hydrogen clusters.\n\nFollowed by a visit to the electrolyser test site.');
      await rn.getByLabel('Responsible party').selectOption({ label: VB.party });
      await rn.getByLabel('Target quarter').selectOption({ label: `Q2 ${YEAR}` });
      await rn.getByRole('button', { name: 'Add an item' }).click();
      await card(rn, new RegExp(TITLE)).waitFor();
      // it appears in Leuven without a reload
      await card(vb, new RegExp(TITLE)).waitFor();
      await vb.getByText(`${RN.name} added “${TITLE}”.`).waitFor();

      // — 2. Leuven's edit appears in Mannheim; Mannheim's editing shows in Leuven —
      await card(vb, new RegExp(TITLE)).getByRole('button', { name: `Edit “${TITLE}”` }).click();
      await vb.getByLabel('Indicator').fill('Companies taking part');
      await vb.getByLabel('Target value').fill('25');
      // Escape with typed text asks first; keeping on edits the same text
      await vb.getByLabel('Target value').press('Escape');
      await vb.getByRole('alertdialog', { name: 'Discard your unsaved changes?' }).waitFor();
      await vb.getByRole('button', { name: 'Keep editing' }).click();
      await expect(vb.getByLabel('Target value').inputValue()).resolves.toBe('25');
      await vb.getByRole('button', { name: 'Save the item' }).click();
      await card(vb, new RegExp(TITLE)).getByText(`“${TITLE}” saved.`).waitFor();
      await card(rn, new RegExp(TITLE)).getByText('Companies taking part').waitFor();
      await card(rn, new RegExp(TITLE)).getByText('target: 25').waitFor();
      await rn.getByText(`${VB.name} changed “${TITLE}”.`).waitFor();

      await card(rn, new RegExp(TITLE)).getByRole('button', { name: `Edit “${TITLE}”` }).click();
      await card(vb, new RegExp(TITLE)).getByText(`${RN.name} is editing this now`).waitFor();
      await vb.getByRole('region', { name: 'Who is here' }).getByText(`is editing “${TITLE}”`).waitFor();
      await session.shot(vb, 'leuven-sees-editing-390');
      // a phone shows the page without sideways scrolling
      expect(await vb.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // — 3. the same field from the same version: the resolver —
      await card(vb, new RegExp(TITLE)).getByRole('button', { name: `Edit “${TITLE}”` }).click();
      const vbTitle = `${TITLE} (Leuven's wording)`;
      const rnTitle = `${TITLE} and site visit`;
      await vb.getByLabel('Title').fill(vbTitle);
      await vb.getByRole('button', { name: 'Save the item' }).click();
      await card(vb, vbTitle).getByText(`“${vbTitle}” saved.`).waitFor();
      // Mannheim, still editing from the version before, is told and saves its own title and a status
      await card(rn, vbTitle).getByText(`${VB.name} changed this item while you edit it.`, { exact: false }).waitFor();
      await rn.getByLabel('Title').fill(rnTitle);
      await rn.getByLabel('Status').selectOption({ label: 'In progress' });
      await rn.getByRole('button', { name: 'Save the item' }).click();
      const resolver = rn.getByRole('dialog', { name: `${VB.name} changed the same fields` });
      await resolver.waitFor();
      const title = resolver.getByRole('group', { name: 'Title' });
      await title.getByRole('radio', { name: 'Combine' }).waitFor();
      await title.getByText(TITLE, { exact: true }).waitFor(); // base
      await title.getByText(vbTitle, { exact: true }).waitFor(); // theirs
      await title.getByText(rnTitle, { exact: true }).waitFor(); // yours
      await session.shot(rn, 'mannheim-resolver');
      await title.getByRole('radio', { name: `Take ${VB.name}’s version` }).check();
      await resolver.getByRole('button', { name: 'Save this' }).click();
      await resolver.waitFor({ state: 'hidden' });
      // their title stays, the status Mannheim changed alone is saved on top, on both screens
      const settled = card(rn, vbTitle);
      await settled.getByText('In progress', { exact: true }).waitFor();
      await card(vb, vbTitle).getByText('In progress', { exact: true }).waitFor();
      // Leuven's "saved" was about the version before Mannheim's change: it is gone
      await expect(card(vb, vbTitle).getByText(`“${vbTitle}” saved.`).count()).resolves.toBe(0);
      // the history names every version, who made it and what changed
      await settled.getByText('History', { exact: true }).click();
      const history = settled.getByRole('list', { name: 'History' });
      await history.getByText('Version 4').waitFor();
      await expect(history.getByText(/^Version \d$/).allTextContents()).resolves.toEqual(['Version 4', 'Version 3', 'Version 2', 'Version 1']);
      await history.getByText(RN.name).first().waitFor();
      await history.getByText(VB.name).first().waitFor();

      // — 4. propose, approve for both parties, adopted —
      await rn.getByRole('button', { name: 'Propose for approval' }).click();
      await rn.getByText('Proposed for approval. Each party can now approve.').waitFor();
      // the Propose button is gone: focus is on the approvals heading, not lost to <body>
      await expect(rn.evaluate(() => document.activeElement?.id)).resolves.toBe('approvals-title');
      await vb.getByRole('button', { name: `Approve for ${VB.party}` }).click();
      await vb.getByText(`Approved for ${VB.party}.`).waitFor();
      // Mannheim cannot approve for Leuven, only for its own party
      await expect(rn.getByRole('button', { name: `Approve for ${VB.party}` }).count()).resolves.toBe(0);
      await rn.getByRole('button', { name: `Approve for ${RN.party}` }).click();
      await rn.getByText('Adopted', { exact: true }).first().waitFor();
      await rn.getByText('This plan is adopted and frozen.', { exact: false }).waitFor();
      await vb.getByText('This plan is adopted and frozen.', { exact: false }).waitFor();
      await expect(rn.getByRole('button', { name: /^Edit “/ }).count()).resolves.toBe(0);
      await session.shot(rn, 'mannheim-adopted');
      await session.shot(vb, 'leuven-adopted-390');

      // — 5. the Word document —
      const [download] = await Promise.all([rn.waitForEvent('download'), rn.getByRole('link', { name: 'Word document (DOCX)' }).click()]);
      const path = await download.path();
      const { text, files } = await docxText(await readFile(path));
      expect(files).toContain('word/document.xml');
      expect(text).toContain(vbTitle);
      expect(text).toContain(PARTNERSHIP);
      expect(text).toContain(String(YEAR));
      expect(text).toContain('Companies taking part');
      // headings in the partners' languages, German and Dutch side by side
      expect(text).toMatch(/Arbeitsplan/);
      expect(text).toMatch(/Jaarplan \d{4}/);

      await rnContext.close();
      await vbContext.close();
    },
    240_000
  );
});
