/**
 * The foundation in real Chromium against the built product (server.ts with
 * a fresh demo database): sign in, create an organisation fixing a
 * validation error on the way, find it by a word typed without its accent,
 * open it, see its audit entry, switch to German, sign out.
 * Screenshots land in test-results/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { demoPartnership } from './support/demo-day.js';

const session = browserSession({ shots: 'test-results/foundation' });

describe('an officer in the browser', () => {
  it('signs in, creates an organisation, finds it without accents, sees its history, switches to German and signs out', async () => {
    const { context, page } = await session.signedIn(DEMO_SIGN_IN.accounts[0]!.email);
    // the Rhein-Neckar officer's account is German; she reads English here, as if she had switched (the switch writes the account,
    // and the API words its field errors in the account's language)
    const switched = await context.request.put(`${session.url}/api/auth/me/locale`, { headers: { Origin: session.url }, data: { locale: 'en' } });
    expect(switched.status()).toBeLessThan(300);
    await session.shot(page, '1-overview');
    const me = (await (await context.request.get(`${session.url}/api/auth/me`)).json()) as { name: string };

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('link', { name: 'New organisation' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Mühlenwerk Innovationsbüro');
    await page.getByLabel('Kind').selectOption({ label: 'Company' });
    await page.getByLabel('Country').fill('DE');
    await page.getByLabel('Website').fill('not a web address');
    await page.getByRole('button', { name: 'Save' }).click();

    const websiteError = page.getByText('Use a full web address such as https://www.vlaamsbrabant.be.', { exact: true });
    await expect.poll(() => websiteError.isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');
    await session.shot(page, '2-validation-error');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Mühlenwerk Innovationsbüro');

    await page.getByLabel('Website').fill('https://muehlenwerk.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Mühlenwerk Innovationsbüro');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('muhlenwerk');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    const hit = page.getByRole('link', { name: 'Mühlenwerk Innovationsbüro' });
    await hit.waitFor();
    await session.shot(page, '3-search');
    await hit.click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);

    const history = page.getByRole('region', { name: 'History' });
    await history.waitFor();
    await expect.poll(() => history.textContent()).toMatch(/created/);
    await expect.poll(() => history.textContent()).toContain(me.name);
    await session.shot(page, '4-organisation');

    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Verlauf' }).textContent()).toMatch(/angelegt/);
    await session.shot(page, '5-german');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Bei RegioDesk anmelden' }).waitFor();
    const after = await context.request.get(`${session.url}/api/auth/me`);
    expect(after.status()).toBe(401);
    await context.close();
  });

  it('works on a 390 px phone: the menu opens and the partnership answers at a glance', async () => {
    const { context, page } = await session.signedIn(DEMO_SIGN_IN.accounts[1]!.email, PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Partnerships' }).click();
    await page.waitForURL(/\/partnerships$/);
    await page.getByRole('link', { name: demoPartnership(), exact: true }).click();
    await page.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    await page.getByText(/notice/i).first().waitFor();
    await session.shot(page, '6-phone-partnership');
    await fitsThePhone(page);
    await context.close();
  });
});
