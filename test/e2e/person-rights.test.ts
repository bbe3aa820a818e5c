/**
 * A person's rights in real Chromium against the built product (demo
 * workspace): the officer of the Provincie Vlaams-Brabant opens a contact's
 * page, downloads everything held about them as JSON and as a Word file,
 * the system administrator sees that the officer viewed the record, and the
 * officer erases the person after reading what erasure does. Afterwards the
 * record answers 404, search finds nothing, and the audit trail shows the
 * erasure without the person's data.
 * Screenshots land in test-results/person-rights for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../fixtures/users.js';
import { docxText } from './support/docx.js';
import { apiGet, apiPost } from './support/session-api.js';
import { load } from './support/sign-in.js';
import { browserSession } from './support/browser-session.js';

const NAME = 'Liesbeth Vanderstraeten';
const EMAIL = 'liesbeth.vanderstraeten@example.be';
const shots = 'test-results/person-rights';
const session = browserSession({ shots });
/** the exports are downloaded as a person would */
const DOWNLOADS = { acceptDownloads: true };

describe('a person’s rights in the browser', () => {
  it('exports a contact’s data as JSON and Word, shows the administrator who viewed it, and erases the contact', async () => {
    const officer = await session.signedIn(DEMO_USERS.officerVb.email, DOWNLOADS);
    const organisations = await apiGet<{ items: { id: string; name: string }[] }>(officer.context, session.url, '/api/organisations?q=Vlaams-Brabant&limit=5');
    const named = organisations.items.filter((o) => o.name === 'Provincie Vlaams-Brabant');
    expect(named, 'the demo organisation the contact works at').toHaveLength(1);
    const pfb = named[0]!;
    const person = await apiPost<{ id: string }>(officer.context, session.url, '/api/people', {
      name: NAME,
      organisationId: pfb.id,
      function: 'Beleidsmedewerker Europa',
      emails: [EMAIL],
      lawfulBasis: 'consent',
      consentDate: '2026-02-03',
      consentSource: 'Registration form of the Leuven matchmaking day'
    });
    await apiPost(officer.context, session.url, '/api/interactions', { kind: 'call', occurredAt: '2026-03-01T10:00:00Z', personId: person.id, summary: `Called ${NAME} about the study visit.` });

    const page = officer.page;
    await load(page, `${session.url}/people/${person.id}`);
    const rights = page.getByRole('region', { name: "The person's rights" });
    await rights.waitFor();
    await expect.poll(() => rights.getByRole('link', { name: 'Export data (JSON)' }).isVisible()).toBe(true);
    await expect.poll(() => rights.getByRole('button', { name: 'Erase person' }).isVisible()).toBe(true);
    // an officer is no system administrator: no access log
    expect(await rights.getByRole('heading', { name: 'Who viewed this record' }).count()).toBe(0);
    await session.shot(page, '1-person-page-officer');

    // the JSON file, downloaded as a person would
    const [json] = await Promise.all([page.waitForEvent('download'), rights.getByRole('link', { name: 'Export data (JSON)' }).click()]);
    expect(await json.failure()).toBeNull();
    expect(json.suggestedFilename()).toMatch(/^personal-data-Liesbeth-Vanderstraeten-\d{4}-\d{2}-\d{2}\.json$/);
    await json.saveAs(`${shots}/export.json`);
    const data = JSON.parse(readFileSync(`${shots}/export.json`, 'utf8'));
    expect(data.person).toMatchObject({ id: person.id, name: NAME, emails: [EMAIL], organisationName: 'Provincie Vlaams-Brabant' });
    expect(data.consent.current).toMatchObject({ lawfulBasis: 'consent', consentSource: 'Registration form of the Leuven matchmaking day' });
    expect(data.interactions.map((i: { summary: string }) => i.summary)).toEqual([`Called ${NAME} about the study visit.`]);
    expect(data.accessLog.map((r: { user: { email: string } }) => r.user.email)).toContain(DEMO_USERS.officerVb.email);

    // the Word document
    const [word] = await Promise.all([page.waitForEvent('download'), rights.getByRole('link', { name: 'Export data (Word)' }).click()]);
    expect(await word.failure()).toBeNull();
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    await word.saveAs(`${shots}/export.docx`);
    const { text } = await docxText(readFileSync(`${shots}/export.docx`));
    expect(text).toContain(NAME);
    expect(text).toContain(EMAIL);
    expect(text).toContain(`Called ${NAME} about the study visit.`);

    // the administrator sees who viewed the record, and both exports in its history
    const admin = await session.signedIn(DEMO_USERS.admin.email, DOWNLOADS);
    await load(admin.page, `${session.url}/people/${person.id}`);
    const log = admin.page.getByRole('table', { name: 'Who viewed this record' });
    await log.waitFor();
    expect(await log.getByRole('row').filter({ hasText: DEMO_USERS.officerVb.name }).count()).toBe(1);
    await admin.page.getByText('data exported').first().waitFor();
    await session.shot(admin.page, '2-person-page-admin');

    // the Rhein-Neckar officer reads the page in German
    const german = await session.signedIn(DEMO_USERS.officerRn.email, DOWNLOADS);
    await load(german.page, `${session.url}/people/${person.id}`);
    await german.page.getByLabel('Language').selectOption('de');
    const rechte = german.page.getByRole('region', { name: 'Rechte der Person' });
    await rechte.waitFor();
    for (const name of ['Daten exportieren (JSON)', 'Daten exportieren (Word)']) expect(await rechte.getByRole('link', { name }).isVisible()).toBe(true);
    await rechte.getByRole('button', { name: 'Person löschen' }).click();
    await expect.poll(() => rechte.getByRole('group').textContent()).toContain('nicht rückgängig');
    await session.shot(german.page, '4-person-page-german');
    await rechte.getByRole('button', { name: 'Abbrechen' }).click();
    await german.context.close();

    // the officer erases the person after reading what happens
    await rights.getByRole('button', { name: 'Erase person' }).click();
    const question = rights.getByRole('group');
    await expect.poll(() => question.textContent()).toContain('This cannot be undone');
    expect(await question.textContent()).toContain('stay, anonymous');
    await session.shot(page, '3-erase-confirmation');
    await question.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(`${session.url}/people`);
    expect(await page.getByText(NAME).count()).toBe(0);

    expect((await officer.context.request.get(`${session.url}/api/people/${person.id}`)).status()).toBe(404);
    const search = await apiGet<unknown>(officer.context, session.url, '/api/search?q=Vanderstraeten');
    expect(JSON.stringify(search)).not.toContain('Vanderstraeten');
    const trail = await apiGet<{ items: { action: string; before: unknown; after: unknown }[] }>(admin.context, session.url, `/api/audit?entityType=person&entityId=${person.id}`);
    expect(trail.items.map((e) => e.action)).toEqual(['erased', 'exported', 'exported', 'create']);
    expect(JSON.stringify(trail)).not.toContain('Vanderstraeten');
    expect(JSON.stringify(trail)).not.toContain(EMAIL);

    await officer.context.close();
    await admin.context.close();
  }, 90_000);
});
