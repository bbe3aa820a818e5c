/**
 * A viewer is offered no action the role cannot take: walking the main
 * pages (every list, the first record of each, the partnership's plan and
 * evaluation) as the demo's viewer finds no button or link to create,
 * change or delete anything — before, "New organisation", the regions'
 * form, "Edit", "Delete organisation", "Log interaction" and "Create a
 * candidate project" were there, and the 403 came after filling the form.
 * What a viewer may do stays: keep a saved search, watch a call, download.
 * An officer still finds the actions. Screenshots land in test-results/viewer-actions/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../../fixtures/ids.js';
import { browserSession } from './support/browser-session.js';
import { load } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/viewer-actions' });
const VIEWER = 'viewer.rn@demo.regiodesk.eu';
const OFFICER = 'officer.rn@demo.regiodesk.eu';
const PARTNERSHIP = fixtureId('partnership', 'rnVb2025');

const LISTS = ['/', '/regions', '/organisations', '/people', '/partnerships', '/activities', '/activities/calendar', '/calls', '/programmes', '/proposals', '/tasks', '/budgets', '/deadlines', '/scoring'];
/** the first record a list links to */
const DETAIL_OF: Record<string, RegExp> = {
  '/organisations': /^\/organisations\/[\w-]+$/,
  '/people': /^\/people\/[\w-]+$/,
  '/partnerships': /^\/partnerships\/[\w-]+$/,
  '/activities': /^\/activities\/[\w-]+$/,
  '/calls': /^\/calls\/[\w-]+$/,
  '/proposals': /^\/proposals\/[\w-]+$/,
  '/scoring': /^\/scoring\/[\w-]+$/
};
/** words that start an action changing something */
const CHANGE = /^(new|add|edit|change|delete|remove|log|record (a|an|the)|save|import|propose|approve|create|invite|erase|upload|restore|move|withdraw|plan|set|lock)\b/i;
/** what a viewer may do: keep their own saved search */
const A_VIEWERS_OWN = /^save this search$/i;

/** The enabled, visible buttons and links in the page's main part whose name starts with a change. */
async function changeActions(page: Page): Promise<string[]> {
  const named = await page.locator('main').evaluate((main) => {
    const out: string[] = [];
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('button, a[href], [role="button"], input[type="submit"]'))) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      if ((el as HTMLButtonElement).disabled) continue;
      out.push((el.getAttribute('aria-label') || el.innerText || (el as HTMLInputElement).value || '').trim().replace(/\s+/g, ' '));
    }
    return out;
  });
  return named.filter((name) => CHANGE.test(name) && !A_VIEWERS_OWN.test(name));
}

async function firstDetail(page: Page, pattern: RegExp): Promise<string | null> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href) && !/\/(new|import|calendar|review)$/.test(href)) ?? null;
}

describe('actions a role cannot take', () => {
  it('are not offered to a viewer on the main pages', async () => {
    const { context, page } = await session.signedIn(VIEWER);
    const offered: Record<string, string[]> = {};
    const pages = [...LISTS];
    for (const path of LISTS) {
      await load(page, `${session.url}${path}`);
      offered[path] = await changeActions(page);
      const pattern = DETAIL_OF[path];
      const detail = pattern ? await firstDetail(page, pattern) : null;
      if (pattern) expect(detail, `a record linked from ${path}`).not.toBeNull();
      if (detail) {
        await load(page, `${session.url}${detail}`);
        offered[detail] = await changeActions(page);
        pages.push(detail);
      }
      if (path === '/regions' || path === '/organisations') await session.shot(page, `viewer-${path.slice(1)}`);
    }
    const year = new Date().getFullYear();
    for (const path of [`/partnerships/${PARTNERSHIP}`, `/partnerships/${PARTNERSHIP}/workplans/${year}`, `/partnerships/${PARTNERSHIP}/evaluations/${year}`]) {
      await load(page, `${session.url}${path}`);
      offered[path] = await changeActions(page);
      pages.push(path);
    }
    expect(pages.length).toBeGreaterThan(LISTS.length + 5);
    expect(Object.fromEntries(Object.entries(offered).filter(([, names]) => names.length))).toEqual({});
    await context.close();
  }, 180_000);

  it('are still offered to an officer', async () => {
    const { context, page } = await session.signedIn(OFFICER);
    await load(page, `${session.url}/organisations`);
    await page.getByRole('link', { name: 'New organisation' }).waitFor();
    await load(page, `${session.url}/regions`);
    await page.getByRole('button', { name: 'Edit: Rhein-Neckar' }).waitFor();
    await load(page, `${session.url}/organisations/${fixtureId('organisation', 'vrrn')}`);
    await page.getByRole('button', { name: 'Delete organisation' }).waitFor();
    await page.getByRole('button', { name: 'Log interaction' }).waitFor();
    await session.shot(page, 'officer-organisation');
    await context.close();
  });
});
