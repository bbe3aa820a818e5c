/**
 * Issue 4 in real Chromium, against the built product (server.ts with a
 * fresh demo database), as the two officers of the demo partnership
 * Rhein-Neckar – Vlaams-Brabant, each in their own browser context whose
 * clock reads Helsinki time (one hour ahead of Brussels all year):
 *
 * 1. upload a small portal file (the bulk grantsTenders.json form, built
 *    from the import fixtures) on the import page: "Check file" first (a
 *    dry run that writes nothing), then "Import";
 * 2. watch the Horizon Europe topic whose portal deadline is a bare date
 *    (a midnight value, so 17:00 Brussels is assumed), and see its deadline
 *    as published and in the reader's time, on the call's page and on the
 *    deadline dashboard ("17:00 Brussels — 18:00 your time"), next 180
 *    days, then only the watched calls;
 * 3. create a candidate project from the call and move it along the board
 *    (Idea → Exploring → In preparation);
 * 4. score it with the seeded RegioWIN matrix as both officers and read the
 *    mean and the spread of their weighted totals;
 * 5. create a calendar feed on the Account page, download the .ics without
 *    any cookie and read it with ical.js: the watched deadline is a timed
 *    event with TZID=Europe/Brussels at 17:00 (15:00 or 16:00 UTC); the feed
 *    then shows when it was fetched, and once revoked its address is 404.
 *
 * The deadlines are 60 and 120 days from today (the server runs on the
 * real clock and the dashboard looks 180 days ahead); the demo's own calls
 * and milestones, dated for today too, are due among them. What
 * the pages say is checked in the pages, what the server stored through
 * the API with the same session.
 * Screenshots land in test-results/funding/ for a person to look at.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, apiPost } from './support/session-api.js';
import { load } from './support/sign-in.js';
import { browserSession } from './support/browser-session.js';
import { demoPartnership } from './support/demo-day.js';

let tmp: string;
const session = browserSession({ shots: 'test-results/funding' });

const RN = 'officer.rn@demo.regiodesk.eu';
const VB = 'officer.vb@demo.regiodesk.eu';
/** its title names the years of the agreement, which move with the day the demo is seeded */
const PARTNERSHIP = demoPartnership();
/** the officers read in Helsinki time, so each deadline shows in two zones */
const IN_HELSINKI = { timezoneId: 'Europe/Helsinki' } as const;

/** 17:00 Brussels on the day `days` from today, as the instant and the page would show it. */
function brusselsFivePm(days: number) {
  const day = DateTime.utc().plus({ days }).startOf('day');
  const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: 17 }, { zone: 'Europe/Brussels' });
  const instant = local.toUTC();
  return {
    /** UTC midnight of that day: how the portal gives a bare date */
    midnight: Date.UTC(day.year, day.month - 1, day.day),
    millis: instant.toMillis(),
    at: instant.toISO({ suppressMilliseconds: false })!,
    /** e.g. "Wed, 24 Mar 2027", as the pages write it in en-GB */
    label: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Brussels' }).format(instant.toJSDate()),
    localDay: local.toISODate()!,
    ics: `${local.toFormat('yyyyLLdd')}T170000`
  };
}

/**
 * The dates move with the clock (the server runs on the real one): the
 * watched topic is due 60 days from today and given as a bare date, so 17:00
 * Brussels is assumed; the other is due 120 days from today at 17:00 Brussels
 * with a real time. Helsinki is always one hour ahead of Brussels.
 */
const watchedDay = brusselsFivePm(60);
const otherDay = brusselsFivePm(120);
const WATCHED = {
  identifier: 'HORIZON-CL5-2027-E2E-01-01',
  title: 'Cross-border hydrogen valleys for regional industry',
  deadline: watchedDay.midnight,
  at: watchedDay.at
};
const OTHER = {
  identifier: 'HORIZON-CL5-2027-E2E-01-02',
  title: 'Thin-film photovoltaics for building integration in border regions',
  deadline: otherDay.millis,
  at: otherDay.at
};

// the portal file the test imports is written here
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'regiodesk-funding-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A small bulk portal file: two Horizon Europe grant topics shaped like the fixture's first record. */
function portalFile(): string {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/portal/grantsTenders.json', import.meta.url), 'utf8'));
  const model = fixture.fundingData.GrantTenderObj[0] as Record<string, unknown>;
  const topic = (t: typeof WATCHED, ccm2Id: number) => {
    const record: Record<string, unknown> = { ...structuredClone(model), ccm2Id, identifier: t.identifier, title: t.title, deadlineDatesLong: [t.deadline] };
    delete record.budgetOverviewJSONItem;
    return record;
  };
  const file = join(tmp, 'grantsTenders.json');
  writeFileSync(file, JSON.stringify({ fundingData: { GrantTenderObj: [topic(WATCHED, 99000001), topic(OTHER, 99000002)] } }));
  return file;
}

interface Deadline {
  at: string;
  timeZone: string;
  local: string;
  assumed: boolean;
}
interface Call {
  id: string;
  identifier: string;
  watched: boolean;
  deadlines: Deadline[];
}
interface Sheet {
  matrixId: string | null;
  maxWeightedTotal: number;
  meanWeightedTotal: number | null;
  spread: number | null;
  reviewers: { name: string; weightedTotal: number; complete: boolean }[];
}

/** Through the main navigation, as a person would; then until the page's data has arrived. */
async function openFromNav(page: Page, link: string, url: RegExp) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.waitForURL(url);
  await page.waitForLoadState('networkidle');
}

/** An element's text with its white space collapsed, as a person reads it. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A deadline shown as published and in the reader's zone right after it:
 * "… 17:00 Brussels — 18:00 your time" (a screen reader hears a comma for the dash).
 */
async function bothTimes(scope: Locator, own: string, reader: string) {
  await scope.first().waitFor();
  expect(await textOf(scope)).toMatch(new RegExp(`${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*—\\s*,?\\s*${reader}`));
}

/** A table row's header and cells, each with its white space collapsed. */
async function cellsOf(row: Locator): Promise<string[]> {
  const texts = [...(await row.getByRole('rowheader').allTextContents()), ...(await row.getByRole('cell').allTextContents())];
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Scores every criterion of the sheet on the proposal's page: `points(i)` for the i-th criterion. */
async function score(page: Page, proposalId: string, points: (index: number) => number, matrixName: string) {
  await load(page, `${session.url}/proposals/${proposalId}`);
  // the scoring sheet opens on demand (folded until this browser opened it once)
  const sheet = page.getByRole('button', { name: 'Scores', exact: true });
  if ((await sheet.getAttribute('aria-expanded')) === 'false') await sheet.click();
  const form = page.getByRole('form', { name: 'Your scores' });
  await form.waitFor();
  const chooser = form.getByLabel('Scoring matrix');
  if (await chooser.count()) await chooser.selectOption({ label: matrixName });
  const criteria = form.getByRole('group');
  await expect.poll(() => criteria.count()).toBe(19);
  for (let i = 0; i < 19; i++) {
    const n = points(i);
    await criteria.nth(i).getByRole('radio', { name: n === 1 ? '1 point' : `${n} points`, exact: true }).check();
  }
  await form.getByRole('button', { name: 'Save scores' }).click();
}

describe('EU funding in a browser', () => {
  it(
    'imports a portal file, watches a call, sees it on the deadline dashboard in both zones, creates a proposal from it, moves it along the board, scores it as two reviewers and reads the ICS feed',
    async () => {
      const { context: rn, page } = await session.signedIn(RN, IN_HELSINKI);

      // — 1. the portal file: a check first, then the import —
      await openFromNav(page, 'Calls', /\/calls$/);
      await page.getByRole('link', { name: 'Import from the portal' }).click();
      await page.waitForURL(/\/calls\/import$/);
      await page.getByRole('heading', { level: 1, name: 'Import from the portal' }).waitFor();
      await page.getByLabel('Portal file').setInputFiles(portalFile());
      await page.getByRole('button', { name: 'Check file' }).click();
      await page.getByRole('heading', { level: 2, name: 'Result of the check' }).waitFor();
      await page.getByText('This was a check: nothing has been written yet.', { exact: false }).waitFor();
      const checkCounts = page.getByRole('table', { name: 'Result of the check' });
      expect(await checkCounts.getByRole('columnheader').allTextContents()).toEqual(['New', 'Changed', 'Unchanged', 'Invalid', 'Skipped']);
      expect(await checkCounts.getByRole('cell').allTextContents()).toEqual(['2', '0', '0', '0', '0']);
      const wouldBe = page.getByRole('table', { name: 'Calls that would be new or changed (2)' });
      await wouldBe.getByRole('rowheader', { name: WATCHED.identifier }).waitFor();
      await wouldBe.getByRole('rowheader', { name: OTHER.identifier }).waitFor();
      await session.shot(page, '01-checked');
      // a dry run writes nothing
      expect((await apiGet<{ items: unknown[] }>(rn, session.url, `/api/calls?q=${encodeURIComponent('E2E')}`)).items).toHaveLength(0);

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Import done' }).waitFor();
      expect(await page.getByRole('table', { name: 'Import done' }).getByRole('cell').allTextContents()).toEqual(['2', '0', '0', '0', '0']);
      await session.shot(page, '02-imported');

      // — 2. the call: its deadline as published and in the reader's time; watch it —
      await page.getByRole('table', { name: 'Calls new or changed (2)' }).getByRole('link', { name: WATCHED.identifier }).click();
      await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
      const callId = page.url().split('/').pop()!;
      await page.waitForLoadState('networkidle');
      await page.getByRole('heading', { level: 1, name: WATCHED.title }).waitFor();
      const call = await apiGet<Call>(rn, session.url, `/api/calls/${callId}`);
      expect(call).toMatchObject({ identifier: WATCHED.identifier, watched: false });
      expect(call.deadlines).toEqual([expect.objectContaining({ at: WATCHED.at, timeZone: 'Europe/Brussels', local: `${watchedDay.localDay}T17:00`, assumed: true })]);
      await bothTimes(page.getByText('Next cut-off:', { exact: false }).first(), `Next cut-off: ${watchedDay.label}, 17:00 Brussels`, '18:00 your time');
      await page.getByText('assumed time', { exact: false }).first().waitFor();

      await page.getByRole('button', { name: `Watch ${WATCHED.identifier}`, exact: true }).click();
      await page.getByRole('button', { name: `Unwatch ${WATCHED.identifier}`, exact: true }).waitFor();
      expect((await apiGet<Call>(rn, session.url, `/api/calls/${callId}`)).watched).toBe(true);
      await session.shot(page, '03-call-watched');

      // — the deadline dashboard, in Helsinki time with Brussels beside it —
      await openFromNav(page, 'Deadlines', /\/deadlines$/);
      await page.getByRole('heading', { level: 1, name: 'Deadlines' }).waitFor();
      await page.getByText('in your time (Helsinki, from this device)', { exact: false }).waitFor();
      const filters = page.getByRole('form', { name: 'Choose the deadlines shown' });
      await filters.getByLabel('Period').selectOption({ label: 'Next 180 days' });
      await filters.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.waitForURL(/\/deadlines\?days=180$/);
      await page.waitForLoadState('networkidle');
      const entry = (identifier: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${identifier}`) }) });
      // as published and in the reader's zone: winter (CET/EET) for the watched one, summer (CEST/EEST) for the other
      await bothTimes(entry(WATCHED.identifier), `${watchedDay.label}, 17:00 Brussels`, '18:00 your time');
      expect(await textOf(entry(WATCHED.identifier))).toContain('assumed time — please confirm');
      await entry(WATCHED.identifier).getByRole('button', { name: `Unwatch ${WATCHED.identifier}`, exact: true }).waitFor();
      await bothTimes(entry(OTHER.identifier), `${otherDay.label}, 17:00 Brussels`, '18:00 your time');
      expect(await textOf(entry(OTHER.identifier))).not.toContain('assumed time');
      await entry(OTHER.identifier).getByRole('button', { name: `Watch ${OTHER.identifier}`, exact: true }).waitFor();
      // only the watched calls: the other one goes
      await filters.getByRole('checkbox', { name: 'Only watched calls' }).check();
      await filters.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.waitForURL(/\/deadlines\?days=180&watched=true$/);
      await page.waitForLoadState('networkidle');
      await page.getByText('Call deadlines of watched calls only', { exact: false }).waitFor();
      await expect.poll(() => entry(OTHER.identifier).count()).toBe(0);
      await bothTimes(entry(WATCHED.identifier), `${watchedDay.label}, 17:00 Brussels`, '18:00 your time');
      await session.shot(page, '04-deadlines');
      const dashboard = await apiGet<{ items: { kind: string; at: string; call: { id: string } | null; own: { label: string; local: string }; reader: { timeZone: string; local: string } }[] }>(
        rn,
        session.url,
        '/api/deadlines?days=180&zone=Europe/Helsinki&watched=true'
      );
      expect(dashboard.items.find((i) => i.call?.id === callId)).toMatchObject({
        kind: 'call_deadline',
        at: WATCHED.at,
        own: { local: `${watchedDay.localDay}T17:00` },
        reader: { timeZone: 'Europe/Helsinki', local: `${watchedDay.localDay}T18:00` }
      });

      // a page at a time: 55 more calls due before the watched one push it past the first 50 (with the demo's own, due among them); "Show more" brings it
      const soon = Array.from({ length: 55 }, (_, i) => brusselsFivePm(i + 1));
      await Promise.all(
        soon.map((day, i) => apiPost(rn, session.url, '/api/calls', { identifier: `E2E-PAGE-${String(i + 1).padStart(2, '0')}`, title: `Paging call ${i + 1}`, deadlines: [{ at: `${day.localDay}T17:00` }] }))
      );
      const firstPage = await apiGet<{ items: { call: { identifier: string } | null }[] }>(rn, session.url, '/api/deadlines?days=180');
      await load(page, `${session.url}/deadlines?days=180`);
      await page.getByRole('status').filter({ hasText: '50 shown, the most urgent first; more to show in the next 180 days.' }).waitFor();
      expect(await page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^E2E-PAGE-/ }) }).count()).toBe(firstPage.items.filter((i) => i.call?.identifier.startsWith('E2E-PAGE-')).length);
      expect(await page.locator('ol.items > li').count()).toBe(50);
      expect(await entry(WATCHED.identifier).count()).toBe(0);
      await page.getByRole('button', { name: 'Show more', exact: true }).click();
      await bothTimes(entry(WATCHED.identifier), `${watchedDay.label}, 17:00 Brussels`, '18:00 your time');
      await entry(OTHER.identifier).waitFor();
      expect(await page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^E2E-PAGE-/ }) }).count()).toBe(55);
      // every item once, the last page reached: the count line says how many, and the button has gone
      const all = await apiGet<{ items: { kind: string; id: string }[]; nextCursor: string | null }>(rn, session.url, '/api/deadlines?days=180&zone=Europe/Helsinki&limit=200');
      expect(all.nextCursor).toBeNull();
      expect(await page.locator('ol.items > li').count()).toBe(all.items.length);
      await page.getByRole('status').filter({ hasText: `${all.items.length} deadlines and milestones in the next 180 days.` }).waitFor();
      expect(await page.getByRole('button', { name: 'Show more', exact: true }).count()).toBe(0);
      // the first of the new page has the focus: the 51st by urgency
      expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.key ?? null)).toBe(`${all.items[50]!.kind}:${all.items[50]!.id}`);
      await session.shot(page, '04b-deadlines-more');

      // — 3. a candidate project from the call —
      await load(page, `${session.url}/calls/${callId}`);
      await page.getByRole('link', { name: 'Create a candidate project from this call' }).click();
      await page.waitForURL(new RegExp(`/proposals/new\\?callId=${callId}$`));
      await page.waitForLoadState('networkidle');
      const acronym = 'H2BORDER';
      await page.getByLabel('Acronym').fill(acronym);
      await page.getByLabel('Title', { exact: true }).fill('Hydrogen valleys across the Rhine and the Dijle');
      await page.getByLabel('Partnership').selectOption({ label: PARTNERSHIP });
      await session.shot(page, '05-new-proposal');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
      const proposalId = page.url().split('/').pop()!;
      const created = await apiGet<{ stage: string; callId: string | null; acronym: string }>(rn, session.url, `/api/proposals/${proposalId}`);
      expect(created).toMatchObject({ acronym, stage: 'idea', callId });

      // — along the board —
      await openFromNav(page, 'Candidate projects', /\/proposals$/);
      const board = page.getByRole('region', { name: 'Pipeline board' });
      await board.waitFor();
      for (const [from, to] of [
        ['Idea', 'Exploring'],
        ['Exploring', 'In preparation']
      ] as const) {
        const column = board.getByRole('region', { name: new RegExp(`^${from}`) });
        const card = column.getByRole('article', { name: acronym });
        await card.getByRole('group', { name: `Move ${acronym}` }).getByRole('button', { name: `Move to ${to}`, exact: true }).click();
        await page.getByText(`${acronym} moved from ${from} to ${to}.`).waitFor();
        await board.getByRole('region', { name: new RegExp(`^${to}`) }).getByRole('article', { name: acronym }).waitFor();
      }
      await session.shot(page, '06-board');
      expect((await apiGet<{ stage: string }>(rn, session.url, `/api/proposals/${proposalId}`)).stage).toBe('in_preparation');

      // — 4. scores from two reviewers, each in their own context —
      const matrices = await apiGet<{ items: { id: string; name: string }[] }>(rn, session.url, '/api/scoring-matrices');
      const regiowins = matrices.items.filter((m) => m.name.includes('RegioWIN'));
      expect(regiowins.map((m) => m.name), 'the demo workspace’s one RegioWIN matrix').toHaveLength(1);
      const regiowin = regiowins[0]!;
      // Rhein-Neckar: the best level everywhere (19 × 5 = 95)
      await score(page, proposalId, () => 5, regiowin.name);
      await page.getByText('Your scores were saved: weighted total 95 of 95.').waitFor();

      const { context: vb, page: vbPage } = await session.signedIn(VB, IN_HELSINKI);
      try {
        // Vlaams-Brabant: 1 for the first criterion, 3 for the 18 others (1 + 54 = 55)
        await score(vbPage, proposalId, (i) => (i === 0 ? 1 : 3), regiowin.name);
        await vbPage.getByText('Your scores were saved: weighted total 55 of 95.').waitFor();
        const scores = vbPage.getByRole('region', { name: 'Scores', exact: true });
        // mean (95 + 55) / 2 = 75, spread 95 − 55 = 40
        await expect.poll(() => textOf(scores)).toContain('Mean weighted total 75 of 95');
        expect(await textOf(scores)).toContain('Spread between reviewers 40');
        expect(await textOf(scores)).toContain('Complete reviewers 2');
        const reviewers = scores.getByRole('table', { name: 'Reviewers' });
        expect(await cellsOf(reviewers.getByRole('row').filter({ hasText: 'Katrin Wellmann' }))).toEqual(['Katrin Wellmann', '95', '19 of 19', 'Yes']);
        expect(await cellsOf(reviewers.getByRole('row').filter({ hasText: '(you)' }))).toEqual([expect.stringMatching(/\(you\)$/), '55', '19 of 19', 'Yes']);
        await session.shot(vbPage, '07-scored');
      } finally {
        await vb.close();
      }

      const sheet = await apiGet<Sheet>(rn, session.url, `/api/proposals/${proposalId}/scores`);
      expect(sheet).toMatchObject({ matrixId: regiowin.id, maxWeightedTotal: 95, meanWeightedTotal: 75, spread: 40 });
      expect(sheet.reviewers.map((r) => [r.weightedTotal, r.complete]).sort()).toEqual([
        [55, true],
        [95, true]
      ]);
      // the first reviewer sees both on a fresh load too
      await load(page, `${session.url}/proposals/${proposalId}`);
      const scoresRn = page.getByRole('region', { name: 'Scores', exact: true });
      expect(await textOf(scoresRn)).toContain('Mean weighted total 75 of 95');
      expect(await textOf(scoresRn)).toContain('Spread between reviewers 40');

      // — 5. the calendar feed, fetched without a session and read by ical.js —
      await openFromNav(page, 'Account', /\/account$/);
      await page.getByRole('button', { name: 'Create calendar feed' }).click();
      const feedUrl = await page.getByRole('textbox', { name: 'Feed address' }).inputValue();
      expect(feedUrl).toMatch(new RegExp(`^${session.url}/api/calendar\\.ics\\?token=\\S+$`));
      const feeds = page.getByRole('table', { name: 'Your calendar feeds' });
      const feedRow = feeds.getByRole('row').filter({ has: page.getByRole('rowheader') });
      await expect.poll(() => feedRow.count()).toBe(1);
      expect((await cellsOf(feedRow)).slice(1)).toEqual(['never', expect.stringMatching(/^Active /)]);
      await session.shot(page, '08-feed');
      const response = await fetch(feedUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const ics = await response.text();
      // 30 minutes ending at the deadline (a zero-length event is drawn as a hairline or hidden)
      expect(ics).toContain(`DTEND;TZID=Europe/Brussels:${watchedDay.ics}`);

      const calendar = new ICAL.Component(ICAL.parse(ics));
      const zones = calendar.getAllSubcomponents('vtimezone');
      expect(zones.map((z) => String(z.getFirstPropertyValue('tzid')))).toContain('Europe/Brussels');
      for (const zone of zones) ICAL.TimezoneService.register(zone);
      try {
        const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
        const deadline = events.filter((e) => e.summary.includes(WATCHED.identifier));
        expect(deadline).toHaveLength(1);
        const end = deadline[0]!.endDate;
        expect(end.isDate).toBe(false);
        expect(end.zone.tzid).toBe('Europe/Brussels');
        expect([end.hour, end.minute]).toEqual([17, 0]);
        expect(end.toJSDate().toISOString()).toBe(WATCHED.at);
        expect(deadline[0]!.startDate.toJSDate().getTime()).toBe(end.toJSDate().getTime() - 30 * 60_000);
        // the call nobody watches is not in the feed
        expect(events.some((e) => e.summary.includes(OTHER.identifier))).toBe(false);
      } finally {
        for (const zone of zones) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
      }

      // the feed shows when it was fetched, and once revoked its address answers 404
      await load(page, `${session.url}/account`);
      await expect.poll(async () => (await cellsOf(feedRow))[1]).not.toBe('never');
      await feedRow.getByRole('button', { name: /^Revoke the calendar feed created / }).click();
      await feedRow.getByRole('group', { name: 'Revoke this feed? Calendars that use it stop updating.' }).getByRole('button', { name: 'Yes, revoke' }).click();
      await page.getByText('The feed was revoked; its address no longer works.').waitFor();
      await expect.poll(async () => (await cellsOf(feedRow))[2]).toMatch(/^Revoked /);
      await session.shot(page, '09-feed-revoked');
      expect((await fetch(feedUrl)).status).toBe(404);

      await rn.close();
    },
    180_000
  );
});
