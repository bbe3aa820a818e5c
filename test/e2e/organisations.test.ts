/**
 * The organisations page in real Chromium against the built product (demo
 * database): rendered on the server, then hydrated, it shows the first page,
 * "Show more" appends the next one, a filter reloads the list from the URL,
 * and the partnership filter offers exactly the partnerships the API lists
 * for the person signed in (an officer's come from their memberships, the
 * administrator's from the partnerships list).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../fixtures/users.js';
import { load } from './support/sign-in.js';
import { browserSession } from './support/browser-session.js';

const session = browserSession();

const rows = (page: Page) => page.getByRole('table', { name: 'Organisation list' }).locator('tbody tr');

/** The partnership filter's choices as [value, label], without "All partnerships". */
const partnershipChoices = (page: Page) =>
  page.getByLabel('Partnership').locator('option').evaluateAll((options) => (options as HTMLOptionElement[]).filter((o) => o.value).map((o) => [o.value, o.textContent?.trim()]));

/** What GET /api/partnerships lists for the same person, as [id, title] in the list's order. */
async function listedPartnerships(context: BrowserContext): Promise<string[][]> {
  const body = (await (await context.request.get(`${session.url}/api/partnerships?limit=200&sort=title`)).json()) as { items: { id: string; title: string }[] };
  return body.items.map((p) => [p.id, p.title]);
}

describe('the organisations page', () => {
  it('shows the first page, appends the next with "Show more", filters by kind through the URL, and offers the officer’s own partnerships', async () => {
    const { context, page } = await session.signedIn(DEMO_USERS.officerRn.email);
    const total = ((await (await context.request.get(`${session.url}/api/organisations?limit=200`)).json()) as { items: unknown[] }).items.length;
    expect(total).toBeGreaterThan(25);

    await load(page, `${session.url}/organisations`);
    expect(await rows(page).count()).toBe(25);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'shown' }).textContent()).toBe('25 shown');

    const listed = await listedPartnerships(context);
    expect(listed.length).toBeGreaterThan(1);
    expect(await partnershipChoices(page)).toEqual(listed);

    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => rows(page).count()).toBe(Math.min(total, 50));
    expect(await page.evaluate(() => document.activeElement?.closest('tbody tr') === document.querySelectorAll('tbody tr')[25])).toBe(true);

    await page.getByLabel('Kind').selectOption({ label: 'University / research' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/[?&]kind=university_research/);
    await expect.poll(async () => new Set(await rows(page).locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['University / research']));
    const universities = ((await (await context.request.get(`${session.url}/api/organisations?limit=200&kind=university_research`)).json()) as { items: { name: string }[] }).items;
    expect(await rows(page).locator('td:first-child').allTextContents()).toEqual(universities.slice(0, 25).map((o) => o.name));
    await context.close();
  });

  it('offers the administrator every partnership the API lists', async () => {
    const { context, page } = await session.signedIn(DEMO_USERS.admin.email);
    await load(page, `${session.url}/organisations`);
    const listed = await listedPartnerships(context);
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(await partnershipChoices(page)).toEqual(listed);
    await context.close();
  });
});
