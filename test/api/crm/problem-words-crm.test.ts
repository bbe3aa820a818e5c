/**
 * The CRM's, the deadlines' and funding's problems in the reader's language
 * (issue 13): bad requests over real HTTP answer with the message's `code`
 * and `params`, and with `detail` and field messages in German or Dutch for
 * a reader who asks for them (the account's language, else Accept-Language),
 * in English by default — counts with their plural, a record still in use
 * with each use listed in the same language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { createOrganisation, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
  // the editor reads German, the officer English (the account's language wins over the header)
  await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
  await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.officer.id).execute();
});
afterAll(() => h.close());

type FieldError = { path: string; code: string; params: Record<string, unknown>; message: string };
const field = (body: { errors: FieldError[] }, path: string) => body.errors.find((e) => e.path === path);
const dutch = { headers: { 'Accept-Language': 'nl-BE,nl;q=0.9' } };

describe('the CRM’s problems', () => {
  it('says what a person recorded on consent lacks, in the reader’s language', async () => {
    const person = { name: 'Els Peeters', lawfulBasis: 'consent' };
    const en = await h.as.officer.post('/api/people', person, dutch);
    expectProblem(en, 400, 'consentDate');
    expect(field(en.body, 'consentDate')).toMatchObject({ code: 'problems_crm_field_consentDate', message: 'With lawful basis "consent", give the date consent was given.' });

    const de = await h.as.editor.post('/api/people', person);
    expectProblem(de, 400, 'consentSource');
    expect(field(de.body, 'consentDate')!.message).toBe('Bei der Rechtsgrundlage „Einwilligung“ geben Sie das Datum an, an dem die Einwilligung erteilt wurde.');
    expect(field(de.body, 'consentSource')!.message).toBe('Bei der Rechtsgrundlage „Einwilligung“ geben Sie an, wo die Einwilligung erteilt wurde (Formular, E-Mail, Veranstaltung …).');
    expect(de.body.detail).toContain('consentDate: Bei der Rechtsgrundlage „Einwilligung“');
  });

  it('answers a schema’s own message (a partnership of one party) in German and Dutch', async () => {
    const body = { title: 'Alleingang', parties: [{ regionId: 'r', organisationId: 'o' }] };
    const de = await h.as.editor.post('/api/partnerships', body);
    expectProblem(de, 400, 'parties');
    expect(field(de.body, 'parties')).toMatchObject({ code: 'problems_crm_field_twoParties', message: 'Eine Partnerschaft hat mindestens zwei Parteien.' });
  });

  it('lists each use of an organisation that cannot be deleted, with its plural, in the reader’s language', async () => {
    const employer = await createOrganisation(h.as.editor, { name: 'Hogeschool PXL', country: 'BE' });
    await createPerson(h.as.editor, { name: 'An Janssens', organisationId: employer.id });
    await createPerson(h.as.editor, { name: 'Jan Claes', organisationId: employer.id });

    const de = await h.as.editor.delete(`/api/organisations/${employer.id}`);
    expectProblem(de, 409);
    expect(de.body.code).toBe('problems_crm_organisationInUse');
    expect(de.body.params).toEqual({ uses: [{ code: 'problems_crm_use_people', params: { count: 2 } }] });
    expect(de.body.detail).toBe('Diese Organisation kann nicht gelöscht werden: 2 Personen arbeiten dort (verschieben oder löschen Sie sie zuerst).');
    expect(de.body.usage).toMatchObject({ people: 2 });

    await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.editor.id).execute();
    const en = await h.as.editor.delete(`/api/organisations/${employer.id}`, { headers: { 'Accept-Language': 'de' } });
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
    expectProblem(en, 409);
    expect(en.body.detail).toBe('This organisation cannot be deleted: 2 people work there (move or delete them first).');
  });

  it('says a search needs a letter or digit, in Dutch for a Dutch account', async () => {
    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.viewer.id).execute();
    const nl = await h.as.viewer.get('/api/search?q=%21%21');
    expectProblem(nl, 400, 'query.q');
    expect(field(nl.body, 'query.q')).toMatchObject({ code: 'problems_crm_field_searchLetter', message: 'Typ minstens één letter of cijfer.' });
    expect(nl.body.detail).toBe('Enkele velden vragen uw aandacht: query.q: Typ minstens één letter of cijfer.');
  });
});

describe('the deadlines’ and funding’s problems', () => {
  it('says how far the dashboard looks ahead, in each language', async () => {
    const de = await h.as.editor.get('/api/deadlines?days=0');
    expectProblem(de, 400, 'query.days');
    expect(field(de.body, 'query.days')).toMatchObject({ code: 'problems_deadlines_field_lookAheadMin', message: 'Schauen Sie mindestens einen Tag voraus.' });
    const nl = await h.as.viewer.get('/api/deadlines?days=400');
    expect(field(nl.body, 'query.days')!.message).toBe('Kijk hoogstens 366 dagen vooruit.');
    const en = await h.as.officer.get('/api/deadlines?days=400');
    expect(field(en.body, 'query.days')!.message).toBe('Look ahead at most 366 days.');
  });

  it('refuses a programme period that ends before it starts, and an unreadable portal file, in German and Dutch', async () => {
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.admin.id).execute();
    const programme = await h.as.admin.post('/api/programmes', { code: 'TEST-1', name: 'Test', family: 'other', period: '2027-2021' });
    expectProblem(programme, 400, 'period');
    expect(field(programme.body, 'period')).toMatchObject({ code: 'problems_funding_field_periodReversed', message: 'Die Förderperiode endet, bevor sie beginnt.' });

    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.officer.id).execute();
    const nl = await h.as.officer.post('/api/calls/import?dryRun=true', undefined, { raw: '{"hits":[]}' });
    expectProblem(nl, 400, '');
    expect(nl.body.code).toBe('problems_funding_notPortalFileNeither');
    expect(nl.body.detail).toBe('Dit is geen portaalbestand dat RegioDesk kan lezen: het bevat noch fundingData.GrantTenderObj (het volledige grantsTenders.json) noch results (een antwoord van de zoek-API)');
    expect(nl.body.errors[0]).toMatchObject({ code: 'problems_funding_field_notPortalFileNeither', params: { bytes: 11 }, message: expect.stringMatching(/\(na 11 bytes\)$/) });
    await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.officer.id).execute();
  });
});
