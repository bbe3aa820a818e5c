/**
 * Saved searches on the calls page keep the words searched for: the form
 * says it keeps them (it used to say it did not), the saved search lists
 * them, opens the list with them, and a digest's link (`?savedSearch=`)
 * opens the same list — in English and German, at 1280 and 390 px.
 * Screenshots land in test-results/saved-searches/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, fitsThePhone, PHONE } from './support/browser-session.js';
import { apiGet } from './support/session-api.js';
import { load, signIn } from './support/sign-in.js';

const session = browserSession({ shots: 'test-results/saved-searches' });
const OFFICER = 'officer.rn@demo.regiodesk.eu';

const WORDS = {
  en: { keeps: 'Keeps the filters applied now: words “edge municipalities”.', name: 'Search name', save: 'Save this search', saved: 'Saved as “Edge AI”.', criteria: 'words “edge municipalities”', search: 'Search' },
  de: { keeps: 'Speichert die jetzt angewendeten Filter: Suchwörter „edge municipalities“.', name: 'Name der Suche', save: 'Diese Suche speichern', saved: 'Gespeichert als „Edge AI“.', criteria: 'Suchwörter „edge municipalities“', search: 'Suche' }
} as const;

async function signedIn(language: 'en' | 'de', options = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.context({ locale: language === 'en' ? 'en-GB' : 'de-DE', ...options });
  const page = await context.newPage();
  await signIn(page, session.url, OFFICER, { language });
  return { context, page };
}

describe('saved searches of calls', () => {
  it('keep the words searched for, list them and open the list with them — in English and German', async () => {
    for (const language of ['en', 'de'] as const) {
      const words = WORDS[language];
      for (const screen of [{}, PHONE]) {
        const { context, page } = await signedIn(language, screen);
        await load(page, `${session.url}/calls?q=edge+municipalities`);
        const saved = page.getByRole('region', { name: language === 'en' ? 'Saved searches' : 'Gespeicherte Suchen' });
        await saved.getByText(words.keeps, { exact: true }).waitFor();
        if (screen === PHONE) {
          await fitsThePhone(page);
          await session.shot(page, `saved-search-form-${language}-390`);
          await context.close();
          continue;
        }
        await saved.getByLabel(words.name, { exact: true }).fill('Edge AI');
        await saved.getByRole('button', { name: words.save, exact: true }).click();
        await saved.getByText(words.saved, { exact: true }).waitFor();
        await saved.getByText(words.criteria, { exact: true }).waitFor();
        await session.shot(page, `saved-search-${language}-1280`);

        const stored = await apiGet<{ items: { id: string; name: string; criteria: Record<string, string> }[] }>(context, session.url, '/api/saved-searches');
        const search = stored.items.find((s) => s.name === 'Edge AI')!;
        expect(search.criteria).toEqual({ q: 'edge municipalities' });

        // the saved search opens the list with its words; so does a digest's link
        await load(page, `${session.url}/calls`);
        await saved.getByRole('link', { name: 'Edge AI' }).click();
        await page.waitForURL(/\/calls\?q=edge\+municipalities$/);
        expect(await page.getByLabel(words.search, { exact: true }).inputValue()).toBe('edge municipalities');
        await page.getByText('DIGITAL-2026-EDGE-DEMO').first().waitFor();
        await load(page, `${session.url}/calls?savedSearch=${search.id}`);
        expect(new URL(page.url()).search).toBe('?q=edge+municipalities');

        // the next language's test starts without it
        const gone = await context.request.delete(`${session.url}/api/saved-searches/${search.id}`, { headers: { Origin: session.url, 'If-Match': '"1"' } });
        expect(gone.status()).toBe(204);
        await context.close();
      }
    }
  }, 120_000);
});
