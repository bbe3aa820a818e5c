/**
 * Issue 3 in real Chromium on a 390 px phone, against the built product
 * (server.ts with a fresh demo database), as the Rhein-Neckar officer:
 *
 * 1. log a delegation trip with the quick-log form, add two participants
 *    (one from the CRM, one created inline) and a cost in pounds; mark it
 *    done; see the follow-ups its rule proposes (3 and 6 months after the
 *    end) and create them; send personal feedback links, answer one in a
 *    second browser context that never signed in; complete a follow-up on
 *    "My tasks" with what came of it;
 * 2. give a committee meeting two agenda items (presenter, notes,
 *    decisions) on the phone, download its minutes and read the Word file.
 *
 * What the pages say is checked in the pages; what the server stored is
 * checked through the API with the officer's session. Dates are fixed (the
 * trip ended on 12 November 2026 in Brussels), so the proposed follow-ups
 * are 12 February and 12 May 2027 whatever day the test runs.
 * Screenshots land in test-results/activities/ for a person to look at.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText } from './support/docx.js';
import { apiGet, apiPost } from './support/session-api.js';
import { load } from './support/sign-in.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { demoPartnership } from './support/demo-day.js';

const shots = 'test-results/activities';

const OFFICER = 'officer.rn@demo.regiodesk.eu';
const OFFICER_NAME = 'Katrin Wellmann';
/** its title names the years of the agreement, which move with the day the demo is seeded */
const PARTNERSHIP = demoPartnership();
const ON_THE_PHONE = { ...PHONE, timezoneId: 'Europe/Brussels' } as const;
const session = browserSession({ shots });

/** Through the phone's menu, as a person would. */
async function openFromMenu(page: Page, link: string, url: RegExp) {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.waitForURL(url);
}

interface Participant {
  personName: string | null;
  personFunction: string | null;
  organisationName: string | null;
  role: string;
  attendance: string;
}
interface Task {
  id: string;
  title: string;
  kind: string;
  dueOn: string;
  status: string;
  result: string | null;
  completedAt: string | null;
  ownerName: string | null;
}

describe('activities on a phone', () => {
  it(
    'logs a trip with two participants and a cost, marks it done, creates the proposed follow-ups, collects feedback through a personal link and completes a follow-up',
    async () => {
      const { context, page } = await session.signedIn(OFFICER, ON_THE_PHONE);

      // — the quick log —
      await openFromMenu(page, 'Activities', /\/activities$/);
      await page.getByRole('link', { name: 'Log an activity' }).click();
      await page.waitForURL(/\/activities\/new$/);
      const title = 'Life sciences delegation to Leuven';
      await page.getByLabel('Type').selectOption({ label: 'Delegation trip' });
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Partnership').selectOption({ label: PARTNERSHIP });
      await page.getByLabel('Start date').fill('2026-11-10');
      await page.getByLabel('Start time').fill('08:30');
      await page.getByLabel('End date').fill('2026-11-12');
      await page.getByLabel('End time').fill('17:00');
      await page.getByLabel('Time zone').selectOption('Europe/Brussels');
      await page.getByLabel('City', { exact: true }).fill('Leuven');
      await page.getByLabel('Country').selectOption({ label: 'Belgium' });
      await page.getByLabel('Status').selectOption({ label: 'Planned' });
      await fitsThePhone(page);
      await session.shot(page, '01-quick-log');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
      const activityId = page.url().split('/').pop()!;
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await fitsThePhone(page);
      await session.shot(page, '02-trip-logged');

      const stored = await apiGet<{ type: string; status: string; timeZone: string; city: string; country: string; local: { startsAt: string; endsAt: string }; partnershipIds: string[] }>(
        context,
        session.url,
        `/api/activities/${activityId}`
      );
      expect(stored).toMatchObject({ type: 'delegation_trip', status: 'planned', timeZone: 'Europe/Brussels', city: 'Leuven', country: 'BE' });
      expect(stored.local.startsAt).toMatch(/^2026-11-10T08:30/);
      expect(stored.local.endsAt).toMatch(/^2026-11-12T17:00/);

      // — two participants: one from the CRM, one created without leaving the page —
      const adding = page.getByRole('form', { name: 'Add a participant' });
      await adding.getByRole('radio', { name: 'From the CRM' }).check();
      await adding.getByLabel('Find a person for Person').fill('Wuyts');
      await adding.getByLabel('Person', { exact: true }).selectOption({ label: 'Sofie Wuyts — KU Leuven' });
      await adding.getByLabel('Role').selectOption({ label: 'Host' });
      await adding.getByLabel('Attendance').selectOption({ label: 'Attended' });
      await adding.getByRole('button', { name: 'Add participant' }).click();
      await adding.getByText('Sofie Wuyts added.').waitFor();

      await adding.getByRole('radio', { name: 'New person' }).check();
      await adding.getByLabel('Name', { exact: true }).fill('Marlene Osterkamp');
      await adding.getByLabel('Function').fill('Projektleiterin Life Sciences');
      await adding.getByLabel('Lawful basis').selectOption({ label: 'Legitimate interest' });
      await adding.getByLabel('Role').selectOption({ label: 'Delegate' });
      await adding.getByLabel('Attendance').selectOption({ label: 'Attended' });
      await fitsThePhone(page);
      await session.shot(page, '03-new-person');
      await adding.getByRole('button', { name: 'Add participant' }).click();
      await adding.getByText('Marlene Osterkamp added.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Participants (2)' }).waitFor();
      const participantsSection = page.getByRole('region', { name: 'Participants (2)' });
      await participantsSection.getByRole('link', { name: 'Marlene Osterkamp' }).waitFor();
      await participantsSection.getByRole('link', { name: 'Sofie Wuyts' }).waitFor();
      await fitsThePhone(page);
      await participantsSection.screenshot({ path: `${shots}/04-participants.png` });

      const participants = await apiGet<{ items: Participant[] }>(context, session.url, `/api/activities/${activityId}/participants`);
      expect(participants.items).toHaveLength(2);
      expect(participants.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personName: 'Sofie Wuyts', organisationName: 'KU Leuven', role: 'host', attendance: 'attended' }),
          expect.objectContaining({ personName: 'Marlene Osterkamp', personFunction: 'Projektleiterin Life Sciences', organisationName: null, role: 'delegate', attendance: 'attended' })
        ])
      );

      // — a cost in pounds, kept with its value in euros at the rate entered —
      const costForm = page.getByRole('form', { name: 'Add a cost' });
      await costForm.getByLabel('Category').selectOption({ label: 'Travel' });
      await costForm.getByLabel('Description').fill('Eurostar London–Brussels for the UK speaker');
      await costForm.getByLabel('Amount').fill('186.40');
      await costForm.getByLabel('Currency').fill('GBP');
      await costForm.getByLabel('Rate to EUR').fill('1.1688');
      await costForm.getByLabel('State').selectOption({ label: 'Spent' });
      await costForm.getByRole('button', { name: 'Add cost' }).click();
      const costs = page.getByRole('region', { name: 'Costs' });
      await costs.getByText('Cost added.').waitFor();
      // on a phone the items are a list; 186.40 × 1.1688 = 217.86432 → €217.86
      const costItems = costs.getByRole('list', { name: 'Cost items' });
      const costItem = costItems.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Edit cost: Eurostar London–Brussels for the UK speaker' }) });
      await costItem.waitFor();
      expect(await costItem.textContent()).toContain('Travel · Eurostar London–Brussels for the UK speaker');
      expect(await costItem.textContent()).toContain('£186.40');
      expect(await costItem.textContent()).toContain('€217.86');
      await costs.getByText('Total (EUR): €217.86').waitFor();
      await fitsThePhone(page);
      await costs.screenshot({ path: `${shots}/05-cost.png` });

      const costList = await apiGet<{ items: { currency: string; amountCents: number; rateToEur: string; amountEurCents: number; state: string; category: string }[]; summary: { totalEurCents: number; spentCents: number } }>(
        context,
        session.url,
        `/api/activities/${activityId}/costs`
      );
      expect(costList.items).toHaveLength(1);
      expect(costList.items[0]).toMatchObject({ category: 'travel', currency: 'GBP', amountCents: 18640, amountEurCents: 21786, state: 'spent' });
      expect(Number(costList.items[0]!.rateToEur)).toBe(1.1688);
      expect(costList.summary).toMatchObject({ totalEurCents: 21786, spentCents: 21786 });

      // — done: the follow-ups its rule proposes —
      const followUps = page.getByRole('region', { name: 'Follow-ups' });
      await followUps.getByText('Follow-ups are proposed once the activity is done.').waitFor();
      await page.getByRole('button', { name: 'Mark as done' }).click();
      await page.getByText('Status changed to Done.').waitFor();
      const proposal = followUps.getByRole('form', { name: 'Proposed follow-ups' });
      await proposal.waitFor();
      await proposal.getByText('The activity ended on 12 Nov 2026.').waitFor();
      await expect.poll(() => proposal.textContent()).toContain('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
      const february = proposal.getByRole('checkbox', { name: '12 Feb 2027' });
      const may = proposal.getByRole('checkbox', { name: '12 May 2027' });
      expect(await february.isChecked()).toBe(true);
      expect(await may.isChecked()).toBe(true);
      expect(await proposal.getByRole('checkbox').count()).toBe(2);
      const owner = proposal.getByLabel('Owner');
      expect(await owner.locator('option:checked').textContent()).toBe(`${OFFICER_NAME} (you)`);
      await fitsThePhone(page);
      await followUps.screenshot({ path: `${shots}/06-proposed-follow-ups.png` });
      await proposal.getByRole('button', { name: 'Create follow-ups' }).click();
      await followUps.getByText('2 follow-ups created.').waitFor();
      // the server words a follow-up in its owner's account language (the Rhein-Neckar officer's is German), whatever the page's
      const followUpTitle = `Nachbereitung: ${title}`;
      const followUpList = followUps.getByRole('list', { name: 'Follow-up tasks' });
      await expect.poll(() => followUpList.getByRole('article', { name: followUpTitle }).count()).toBe(2);
      await followUps.getByText('All proposed dates have a follow-up already.').waitFor();
      await followUps.screenshot({ path: `${shots}/07-follow-ups-created.png` });

      const activityDone = await apiGet<{ status: string }>(context, session.url, `/api/activities/${activityId}`);
      expect(activityDone.status).toBe('done');

      // — feedback: personal links, one answered by a participant without an account —
      const feedback = page.getByRole('region', { name: 'Feedback' });
      await feedback.getByRole('button', { name: 'Create and e-mail feedback links' }).click();
      const links = feedback.getByRole('region', { name: 'Personal links' });
      await links.waitFor();
      expect(await links.getByRole('textbox', { name: 'Link for Sofie Wuyts' }).inputValue()).toMatch(new RegExp(`^${session.url}/feedback/\\S+$`));
      const link = await links.getByRole('textbox', { name: 'Link for Marlene Osterkamp' }).inputValue();
      expect(link).toMatch(new RegExp(`^${session.url}/feedback/\\S+$`));
      await fitsThePhone(page);
      await feedback.screenshot({ path: `${shots}/08-feedback-links.png` });

      const guest = await session.context(ON_THE_PHONE);
      try {
        expect((await guest.request.get(`${session.url}/api/auth/me`)).status()).toBe(401);
        const guestPage = await guest.newPage();
        await load(guestPage, link);
        await guestPage.getByRole('heading', { level: 1, name: 'Your feedback' }).waitFor();
        await guestPage.getByRole('heading', { level: 2, name: title }).waitFor();
        await guestPage.getByText('Hello Marlene Osterkamp,').waitFor();
        expect(guestPage.url()).toBe(link);
        await guestPage.getByRole('radio', { name: '4 – very good' }).check();
        await guestPage.getByLabel('Comment').fill('Well prepared visits; we should meet the KU Leuven spin-offs again in spring.');
        await fitsThePhone(guestPage);
        await session.shot(guestPage, '09-feedback-form');
        await guestPage.getByRole('button', { name: 'Send feedback' }).click();
        await guestPage.getByText('Thank you! Your feedback was saved.', { exact: false }).waitFor();
        await session.shot(guestPage, '10-feedback-sent');
        // still no session: the link alone was enough
        expect((await guest.request.get(`${session.url}/api/auth/me`)).status()).toBe(401);
      } finally {
        await guest.close();
      }

      const answers = await apiGet<{ count: number; linkCount: number; average: number | null; items: { participantName: string | null; rating: number; comment: string | null }[] }>(
        context,
        session.url,
        `/api/activities/${activityId}/feedback`
      );
      expect(answers).toMatchObject({ count: 1, linkCount: 2, average: 4 });
      expect(answers.items).toEqual([
        expect.objectContaining({ participantName: 'Marlene Osterkamp', rating: 4, comment: 'Well prepared visits; we should meet the KU Leuven spin-offs again in spring.' })
      ]);
      await page.reload({ waitUntil: 'networkidle' });
      const answered = page.getByRole('region', { name: 'Feedback' });
      await answered.getByText('4 of 5', { exact: true }).first().waitFor();
      await answered.getByText('1 answer · 2 links made').waitFor();

      // — "My tasks": complete the February follow-up with what came of it —
      await openFromMenu(page, 'My tasks', /\/tasks$/);
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      const mine = page.getByRole('article', { name: followUpTitle });
      await expect.poll(() => mine.count()).toBe(2);
      const firstFollowUp = mine.filter({ hasText: 'Due on 12 Feb 2027' });
      await firstFollowUp.getByRole('link', { name: title }).waitFor();
      await firstFollowUp.getByRole('button', { name: `Complete: ${followUpTitle}` }).click();
      const completion = firstFollowUp.getByRole('form', { name: `Complete: ${followUpTitle}` });
      const result = 'Met the delegation again online; KU Leuven and BioRN agreed on a joint Horizon Europe proposal.';
      await completion.getByLabel('What came of it?').fill(result);
      await fitsThePhone(page);
      await session.shot(page, '11-complete-follow-up');
      await completion.getByRole('button', { name: 'Record result' }).click();
      await page.getByText(`Done: ${followUpTitle}.`).waitFor();
      await expect.poll(() => mine.count()).toBe(1);
      await mine.getByText('Due on 12 May 2027').waitFor();
      await session.shot(page, '12-follow-up-done');

      // the task leads back to the trip, whose follow-ups now show the result
      await mine.getByRole('link', { name: title }).click();
      await page.waitForURL(`${session.url}/activities/${activityId}`);
      const doneFollowUp = page.getByRole('region', { name: 'Follow-ups' }).getByRole('article', { name: followUpTitle }).filter({ hasText: `Result: ${result}` });
      await doneFollowUp.waitFor();
      await doneFollowUp.getByText('Done', { exact: true }).waitFor();
      expect(await doneFollowUp.getByRole('button', { name: `Complete: ${followUpTitle}` }).count()).toBe(0);

      const tasks = await apiGet<{ items: Task[] }>(context, session.url, `/api/tasks?subjectType=activity&subjectId=${activityId}&kind=follow_up`);
      expect(tasks.items.map((t) => [t.dueOn, t.status])).toEqual([
        ['2027-02-12', 'done'],
        ['2027-05-12', 'open']
      ]);
      expect(tasks.items[0]).toMatchObject({ title: followUpTitle, result, ownerName: OFFICER_NAME });
      expect(tasks.items[0]!.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(tasks.items[1]).toMatchObject({ result: null, completedAt: null });

      await context.close();
    },
    180_000
  );

  it(
    "gives a meeting two agenda items and downloads its minutes as a Word file with the agenda, the decisions and who attended",
    async () => {
      const { context, page } = await session.signedIn(OFFICER, { ...ON_THE_PHONE, acceptDownloads: true });

      // the meeting and its attendance through the API (the quick log has its own test above) …
      const partnerships = await apiGet<{ items: { id: string; title: string }[] }>(context, session.url, '/api/partnerships?limit=100');
      const partnershipId = partnerships.items.find((p) => p.title === PARTNERSHIP)!.id;
      const title = 'Steering committee Rhein-Neckar – Vlaams-Brabant, autumn session';
      const meeting = await apiPost<{ id: string }>(context, session.url, '/api/activities', {
        type: 'meeting',
        partnershipIds: [partnershipId],
        title,
        startsAt: '2026-11-17T10:00',
        endsAt: '2026-11-17T12:30',
        timeZone: 'Europe/Berlin',
        city: 'Mannheim',
        country: 'DE',
        status: 'done',
        nextMeetingAt: '2027-03-16T10:00'
      });
      const person = async (q: string) => (await apiGet<{ items: { id: string; name: string; organisationId: string | null }[] }>(context, session.url, `/api/people?q=${encodeURIComponent(q)}`)).items[0]!;
      const present = await person('Vogelsang');
      const excused = await person('Hanselmann');
      for (const [who, attendance] of [
        [present, 'attended'],
        [excused, 'excused']
      ] as const) {
        await apiPost(context, session.url, `/api/activities/${meeting.id}/participants`, { personId: who.id, organisationId: who.organisationId, role: 'guest', attendance });
      }

      // … the agenda on the phone
      await load(page, `${session.url}/activities/${meeting.id}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const items = [
        {
          topic: 'Work plan 2027',
          presenter: 'Katrin Wellmann',
          notes: 'The partners went through the draft work plan item by item.',
          decisions: 'The work plan 2027 is adopted with the budget for two study visits.'
        },
        {
          topic: 'Health innovation exchange with KU Leuven',
          presenter: 'Dr. Jan-Hendrik Vogelsang',
          notes: 'Maturity differs between the two clusters; a preparatory webinar helps.',
          decisions: 'A matchmaking webinar takes place before the exchange in spring.'
        }
      ];
      const programme = page.getByRole('region', { name: 'Programme' });
      await programme.getByText('Add an agenda item').click();
      const agendaForm = programme.getByRole('form', { name: 'Add an agenda item' });
      for (const [i, item] of items.entries()) {
        await agendaForm.getByLabel('Topic').fill(item.topic);
        await agendaForm.getByLabel('Presenter').fill(item.presenter);
        await agendaForm.getByLabel('Discussion notes').fill(item.notes);
        await agendaForm.getByLabel('Decisions').fill(item.decisions);
        await agendaForm.getByRole('button', { name: 'Add item' }).click();
        await programme.getByText(`Item ${i + 1} added.`).waitFor();
      }
      await programme.getByText(items[1]!.decisions).waitFor();
      await fitsThePhone(page);
      await programme.screenshot({ path: `${shots}/13-meeting-programme.png` });

      const agenda = await apiGet<{ items: { number: number; topic: string; presenter: string | null; decisions: string | null }[] }>(context, session.url, `/api/activities/${meeting.id}/agenda`);
      expect(agenda.items.map((a) => [a.number, a.topic, a.presenter, a.decisions])).toEqual(items.map((item, i) => [i + 1, item.topic, item.presenter, item.decisions]));

      // the minutes, downloaded as a person would
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download minutes (DOCX)' }).first().click()]);
      expect(await download.failure()).toBeNull();
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = `${shots}/minutes.docx`;
      await download.saveAs(file);
      const { text, files } = await docxText(readFileSync(file));
      expect(files).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
      const lines = text.split('\n').map((l) => l.trim());
      expect(lines).toContain(`Minutes: ${title}`);
      // in the meeting's own zone
      expect(lines).toContain('Date: 17 November 2026, 10:00–12:30 (Europe/Berlin)');
      expect(lines).toContain('Place: Mannheim, DE');
      // the agenda, numbered in order, each with presenter, discussion and decisions
      for (const [i, item] of items.entries()) {
        const at = lines.indexOf(`${i + 1}. ${item.topic}`);
        expect(at, `agenda item ${i + 1} in:\n${text}`).toBeGreaterThan(-1);
        expect(lines.slice(at + 1, at + 6)).toEqual([`Presenter: ${item.presenter}`, 'Discussion', item.notes, 'Decisions', item.decisions]);
      }
      expect(lines.indexOf(`1. ${items[0]!.topic}`)).toBeLessThan(lines.indexOf(`2. ${items[1]!.topic}`));
      // the attendance list: name, institution, present or excused
      const row = (name: string) => {
        const at = lines.indexOf(name);
        expect(at, `${name} in the attendance list:\n${text}`).toBeGreaterThan(-1);
        return lines.slice(at, at + 3);
      };
      expect(row(present.name)).toEqual([present.name, 'Universität Heidelberg', 'present']);
      expect(row(excused.name)).toEqual([excused.name, 'Verband Region Rhein-Neckar', 'excused']);
      expect(lines).toContain('Next meeting: 16 March 2027, 10:00 (Europe/Berlin)');

      await context.close();
    },
    120_000
  );

  it('starts a new activity with the type and partnership of the link that opened it (the obligations panel’s "record a visit"), and ignores ones it does not know', async () => {
    const { context, page } = await session.signedIn(OFFICER, ON_THE_PHONE);
    const partnerships = await apiGet<{ items: { id: string; title: string }[] }>(context, session.url, '/api/partnerships?limit=100');
    const partnershipId = partnerships.items.find((p) => p.title === PARTNERSHIP)!.id;

    // the link api/cycle/services/obligations.ts gives an obligation to visit
    await load(page, `${session.url}/activities/new?type=administrative_visit&partnershipId=${partnershipId}`);
    await expect.poll(() => page.getByLabel('Type').inputValue()).toBe('administrative_visit');
    expect(await page.getByLabel('Partnership').inputValue()).toBe(partnershipId);
    expect(await page.getByLabel('Type').locator('option:checked').textContent()).toBe('Administrative visit');

    // an unknown type and a partnership the officer cannot log in are left out
    await load(page, `${session.url}/activities/new?type=picnic&partnershipId=00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => page.getByLabel('Type').inputValue()).toBe('');
    expect(await page.getByLabel('Partnership').inputValue()).not.toBe('00000000-0000-4000-8000-000000000000');

    await context.close();
  }, 60_000);
});
