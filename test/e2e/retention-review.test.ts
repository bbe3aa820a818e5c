/**
 * The retention review page and the record of processing in real Chromium
 * against the built product (demo database): three people recorded long ago
 * with no contact since appear for the officer; one is kept with a reason
 * and one erased from the page, and the API agrees afterwards. The record of
 * processing shows the lawful bases the API counts. Screenshots of both
 * pages go to .vitest/screenshots/.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../fixtures/users.js';
import { apiGet, apiPost } from './support/session-api.js';
import { load } from './support/sign-in.js';
import { browserSession } from './support/browser-session.js';

const session = browserSession({ shots: '.vitest/screenshots' });

interface ReviewPage {
  items: { personId: string; name: string; lastKeptReason: string | null }[];
  nextCursor: string | null;
}

describe('the retention review page', () => {
  it('lists people without contact for longer than the period, keeps one with a reason and erases another', async () => {
    const { context, page } = await session.signedIn(DEMO_USERS.officerRn.email);
    // a party of a partnership where the officer is a writer
    const me = await apiGet<{ memberships: { partnershipId: string; role: string }[] }>(context, session.url, '/api/auth/me');
    const writes = me.memberships.find((m) => m.role !== 'viewer')!;
    const partnership = await apiGet<{ parties: { organisationId: string }[] }>(context, session.url, `/api/partnerships/${writes.partnershipId}`);
    const organisationId = partnership.parties[0]!.organisationId;
    const names = ['Aaltje Dormant', 'Bertram Dormant', 'Cornelia Dormant'];
    const ids: string[] = [];
    for (const name of names) ids.push((await apiPost<{ id: string }>(context, session.url, '/api/people', { name, organisationId, lawfulBasis: 'public_task' })).id);
    // recorded long ago: the API stamps the real time, so the test dates them back in the database file
    const db = new Database(session.server.databaseFile);
    try {
      for (const id of ids) db.prepare("UPDATE people SET created_at = '2019-03-01T09:00:00.000Z' WHERE id = ?").run(id);
    } finally {
      db.close();
    }

    await load(page, `${session.url}/people/review`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Retention review');
    const table = page.getByRole('table', { name: 'People due for review' });
    for (const name of names) await expect.poll(() => table.getByRole('link', { name }).count()).toBe(1);
    await session.shot(page, 'retention-review');

    // keep the first with a reason
    await page.getByRole('checkbox', { name: 'Select Aaltje Dormant' }).check();
    await page.getByLabel('Reason for keeping').fill('Contact person for the 2027 delegation');
    await page.getByRole('button', { name: 'Keep selected' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'kept' }).textContent()).toMatch(/^1 person kept; review again after /);
    await expect.poll(() => table.getByRole('link', { name: 'Aaltje Dormant' }).count()).toBe(0);

    // erase the second, asked first
    await page.getByRole('checkbox', { name: 'Select Bertram Dormant' }).check();
    await page.getByRole('button', { name: 'Erase selected' }).click();
    await expect.poll(() => page.getByText('Erase 1 person and everything held about them?').count()).toBe(1);
    await page.getByRole('button', { name: 'Erase them' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'erased' }).textContent()).toBe('1 person erased.');
    await expect.poll(() => table.getByRole('link', { name: 'Bertram Dormant' }).count()).toBe(0);
    await expect.poll(() => table.getByRole('link', { name: 'Cornelia Dormant' }).count()).toBe(1);

    // the API agrees: kept with its reason in the database, erased gone, the third still due
    const due: ReviewPage['items'] = [];
    let cursor: string | null = null;
    do {
      const reviewPage: ReviewPage = await apiGet<ReviewPage>(context, session.url, `/api/people/retention-review?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      due.push(...reviewPage.items);
      cursor = reviewPage.nextCursor;
    } while (cursor);
    expect(due.map((i) => i.personId)).toContain(ids[2]);
    expect(due.map((i) => i.personId)).not.toContain(ids[0]);
    expect((await context.request.get(`${session.url}/api/people/${ids[1]}`)).status()).toBe(404);
    const check = new Database(session.server.databaseFile, { readonly: true });
    try {
      expect(check.prepare('SELECT reason FROM retention_reviews WHERE person_id = ?').all(ids[0])).toEqual([{ reason: 'Contact person for the 2027 delegation' }]);
    } finally {
      check.close();
    }
    await context.close();
  });

  it('shows the record of processing with the lawful bases the API counts, in German too', async () => {
    const { context, page } = await session.signedIn(DEMO_USERS.officerRn.email);
    const record = await apiGet<{ lawfulBases: { basis: string; count: number }[] }>(context, session.url, '/api/processing-record');
    await load(page, `${session.url}/privacy`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Record of processing');
    const bases = page.getByRole('table', { name: 'Lawful bases in use' });
    const publicTask = record.lawfulBases.find((b) => b.basis === 'public_task')!.count;
    await expect.poll(() => bases.getByRole('row').filter({ hasText: 'Public task' }).locator('td').nth(1).textContent()).toBe(publicTask.toLocaleString('en-GB'));
    await session.shot(page, 'record-of-processing');
    const download = await context.request.get(`${session.url}/api/processing-record/document.docx?lang=en`);
    expect(download.status()).toBe(200);
    await context.close();
  });

  it('withdraws a demo person’s consent from their page and shows the state and history', async () => {
    const { context, page } = await session.signedIn(DEMO_USERS.officerRn.email);
    const people = await apiGet<{ items: { id: string; name: string; lawfulBasis: string }[] }>(context, session.url, '/api/people?limit=200');
    let chosen: { id: string; name: string } | undefined;
    for (const person of people.items.filter((p) => p.lawfulBasis === 'consent')) {
      if ((await apiGet<{ canWithdraw: boolean }>(context, session.url, `/api/people/${person.id}/consent`)).canWithdraw) {
        chosen = person;
        break;
      }
    }
    expect(chosen, 'a demo person on consent the officer may change').toBeDefined();
    await load(page, `${session.url}/people/${chosen!.id}`);
    const panel = page.getByRole('region', { name: 'Consent' });
    await expect.poll(() => panel.locator('[data-state]').getAttribute('data-state')).toBe('given');
    await panel.getByRole('button', { name: 'Withdraw consent' }).click();
    await panel.getByLabel('How was consent withdrawn?').fill('by e-mail of 3 Dec');
    await panel.getByRole('button', { name: 'Record the withdrawal' }).click();
    await expect.poll(() => panel.locator('[data-state]').getAttribute('data-state')).toBe('withdrawn');
    await expect.poll(() => panel.getByText(/^Withdrawn on .*: by e-mail of 3 Dec/).count()).toBe(1);
    await session.shot(page, 'person-consent-withdrawn');
    expect((await apiGet<{ state: string }>(context, session.url, `/api/people/${chosen!.id}/consent`)).state).toBe('withdrawn');
    await context.close();
  });
});
