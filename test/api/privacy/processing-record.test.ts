/**
 * The record of processing (Art. 30) over real HTTP: its figures match the
 * data as it changes (people per lawful basis, consent states, categories,
 * recipients by the reader's partnerships), the retention setting shows,
 * viewers are refused, and the Word file carries the same figures in the
 * reader's language.
 */
import { firstRow } from '../../support/sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant, logActivity } from '../../support/activities.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createInteraction, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { apiHarness } from '../../support/api.js';
import { docxText } from '../../e2e/support/docx.js';

const consent = (name: string, organisationId: string) => ({ name, organisationId, lawfulBasis: 'consent', consentDate: '2026-02-01', consentSource: 'Form' });

describe('record of processing', () => {
  let h: ClockedHarness;
  beforeAll(async () => {
    h = await clockedHarness('2026-12-07T09:00:00.000Z', { REGIODESK_RETENTION_MONTHS: '24' });
  });
  afterAll(() => h.close());

  const record = async (as = h.as.officer) => {
    const reply = await as.get('/api/processing-record');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  const bases = (r: { lawfulBases: { basis: string; count: number }[] }) => Object.fromEntries(r.lawfulBases.map((b) => [b.basis, b.count]));
  const category = (r: { categoriesOfData: { key: string; count: number; fields: string[] }[] }, key: string) => r.categoriesOfData.find((c) => c.key === key)!;

  it('counts from the data: lawful bases, consent states, categories of people and data', async () => {
    const empty = await record();
    expect(bases(empty)).toEqual({ consent: 0, legitimate_interest: 0, public_task: 0, contract: 0 });
    expect(empty.categoriesOfPeople).toEqual([
      { key: 'stakeholders', count: 0 },
      { key: 'participants', count: 0 },
      { key: 'users', count: 6 }
    ]);

    const { pfb, vrrn, wfbb } = h.world.organisations;
    const a = await createPerson(h.as.sysadmin, { ...consent('A', pfb), emails: ['a@example.org'] });
    const b = await createPerson(h.as.sysadmin, consent('B', vrrn));
    await createPerson(h.as.sysadmin, consent('C', wfbb));
    await createPerson(h.as.sysadmin, { name: 'D', organisationId: pfb, lawfulBasis: 'legitimate_interest' });
    await createPerson(h.as.sysadmin, { name: 'E', organisationId: pfb });
    await createPerson(h.as.sysadmin, { name: 'F', organisationId: wfbb });
    await h.as.officer.post(`/api/people/${b.id}/consent/withdraw`, { how: 'by e-mail of 3 Dec' });
    await createInteraction(h.as.officer, { personId: a.id });
    const activity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1] });
    await addParticipant(h.as.officer, activity, { personId: a.id });
    await addParticipant(h.as.officer, activity, { personId: b.id, role: 'speaker' });

    const r = await record();
    expect(bases(r)).toEqual({ consent: 3, legitimate_interest: 1, public_task: 2, contract: 0 });
    expect(r.consent).toEqual({ given: 2, withdrawn: 1 });
    expect(r.categoriesOfPeople).toEqual([
      { key: 'stakeholders', count: 6 },
      { key: 'participants', count: 2 },
      { key: 'users', count: 6 }
    ]);
    expect(category(r, 'contact').count).toBe(1);
    expect(category(r, 'contact').fields).toEqual(['people.emails', 'people.phones']);
    expect(category(r, 'interactions').count).toBe(1);
    expect(category(r, 'participations').count).toBe(2);
    expect(category(r, 'consent').count).toBe(4);
    expect(r.purposes.find((p: { key: string }) => p.key === 'activities').count).toBe(1);
    expect(r.purposes.find((p: { key: string }) => p.key === 'cooperation').count).toBe(2);
    // the figures are the database's own
    expect(category(r, 'audit').count).toBe(Number((await firstRow<{ n: number }>(h, 'SELECT count(*) AS n FROM audit_events'))!.n));
    expect(r.retention).toEqual({ months: 24, dueForReview: 0 });
    expect(r.measures).toContainEqual({ key: 'retentionReview', value: '24' });
    expect(r.measures).toContainEqual({ key: 'sessions', value: '120 min / 30 d' });
    expect(r.measures).toContainEqual({ key: 'mailTransport', value: null });
    expect(r.measures).toContainEqual({ key: 'singleSignOn', value: null });

    // two years later without contact, all of them are due for review
    h.setNow('2028-12-08T09:00:00.000Z');
    expect((await record()).retention).toEqual({ months: 24, dueForReview: 6 });
    h.setNow('2026-12-07T09:00:00.000Z');
  });

  it('names the partner regions the reader works with, and refuses viewers', async () => {
    const officer = await record(h.as.officer);
    expect(officer.recipients).toEqual([
      {
        partnershipId: h.world.partnerships.p1,
        title: 'Rhein-Neckar – Flemish Brabant',
        parties: [
          { region: expect.any(String), country: 'DE', organisation: 'Verband Region Rhein-Neckar' },
          { region: expect.any(String), country: 'BE', organisation: 'Provincie Vlaams-Brabant' }
        ]
      }
    ]);
    expect((await record(h.as.sysadmin)).recipients.map((p: { title: string }) => p.title).sort()).toEqual(['Regio.hub Berlin-Brandenburg', 'Rhein-Neckar – Flemish Brabant']);
    expectProblem(await h.as.viewer.get('/api/processing-record'), 403);
    expectProblem(await h.as.viewer.get('/api/processing-record/document.docx'), 403);
  });

  it('is a Word file with the same figures, in English or German', async () => {
    const r = await record();
    const fetchDoc = async (lang: string) => {
      const response = await h.app.request(`/api/processing-record/document.docx?lang=${lang}`, { headers: { Authorization: `Bearer ${h.world.users.officer.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('wordprocessingml');
      return { disposition: response.headers.get('content-disposition'), ...(await docxText(new Uint8Array(await response.arrayBuffer()))) };
    };
    const en = await fetchDoc('en');
    expect(en.disposition).toContain('record-of-processing-2026-12-07.docx');
    expect(en.text).toContain('Record of processing activities (GDPR Art. 30)');
    expect(en.text).toMatch(/Consent \(Art\. 6\(1\)\(a\)\)\n3\n/);
    expect(en.text).toMatch(/Consent withdrawn \(sent nothing\)\n1\n/);
    expect(en.text).toContain('24 months without interaction or participation');
    expect(en.text).toContain('Provincie Vlaams-Brabant');
    expect(en.text).toContain('Audit trail of changes\naudit_events.actor_id');
    expect(en.text).toContain(String(category(r, 'audit').count));
    const de = await fetchDoc('de');
    expect(de.disposition).toContain('verarbeitungsverzeichnis-2026-12-07.docx');
    expect(de.text).toContain('Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)');
    expect(de.text).toMatch(/Einwilligung \(Art\. 6 Abs\. 1 lit\. a\)\n3\n/);
    expect(de.text).toContain('24 Monate ohne Kontakt oder Teilnahme');
    expect(de.text).toContain('Erstellt: 7. Dezember 2026');
    for (const english of ['Record of processing', 'Categories of people', 'Lawful bases in use']) expect(de.text).not.toContain(english);
    expectProblem(await h.as.officer.get('/api/processing-record/document.docx?lang=fr'), 400, 'query.lang');
  });

  it('is a Word file in Dutch as the Belgian GBA words it (?lang=nl), and in the reader\'s account language without ?lang', async () => {
    const r = await record();
    const fetchDoc = async (query: string) => {
      const response = await h.app.request(`/api/processing-record/document.docx${query}`, { headers: { Authorization: `Bearer ${h.world.users.officer.token}` } });
      expect(response.status).toBe(200);
      return { disposition: response.headers.get('content-disposition'), ...(await docxText(new Uint8Array(await response.arrayBuffer()))) };
    };
    const nl = await fetchDoc('?lang=nl');
    expect(nl.disposition).toContain('verwerkingsregister-2026-12-07.docx');
    const lines = nl.text.split('\n');
    expect(lines[0]).toBe('Register van de verwerkingsactiviteiten (art. 30 AVG)');
    expect(lines).toContain('Opgesteld op: 7 december 2026');
    for (const heading of ['Categorieën van betrokkenen', 'Categorieën van persoonsgegevens', 'Verwerkingsdoeleinden', 'Gebruikte rechtsgronden', 'Ontvangers: de partnerregio’s', 'Bewaartermijn', 'Technische en organisatorische maatregelen']) {
      expect(lines, heading).toContain(heading);
    }
    expect(nl.text).toMatch(/Toestemming \(art\. 6\.1\.a AVG\)\n3\n/);
    expect(nl.text).toMatch(/Toestemming ingetrokken \(krijgen niets\)\n1\n/);
    expect(nl.text).toContain('Controletermijn: 24 maanden zonder contactmoment of deelname');
    expect(nl.text).toContain(`Auditlogboek van de wijzigingen\naudit_events.actor_id`);
    expect(nl.text).toContain(category(r, 'audit').count.toLocaleString('nl-BE'));
    for (const other of ['Record of processing', 'Lawful bases in use', 'Verzeichnis', 'Rechtsgrundlage']) expect(nl.text).not.toContain(other);

    // without ?lang: the officer's account language
    expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    try {
      const own = await fetchDoc('');
      expect(own.disposition).toContain('verwerkingsregister-2026-12-07.docx');
      expect(own.text.split('\n')[0]).toBe('Register van de verwerkingsactiviteiten (art. 30 AVG)');
    } finally {
      expect((await h.as.officer.put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
    }
    expect((await fetchDoc('')).text.split('\n')[0]).toBe('Record of processing activities (GDPR Art. 30)');
  });

  it('names the single sign-on provider as the source of the accounts’ data, in each language', async () => {
    const sso = await apiHarness({
      REGIODESK_OIDC_ISSUER: 'https://login.vlaanderen.example/realms/regio',
      REGIODESK_OIDC_CLIENT_ID: 'regiodesk',
      REGIODESK_OIDC_CLIENT_SECRET: 'a-long-client-secret-for-tests',
      REGIODESK_OIDC_LABEL: 'ACM/IDM'
    });
    try {
      const reply = await sso.as.officer.get('/api/processing-record');
      expect(reply.status).toBe(200);
      expect(reply.body.measures).toContainEqual({ key: 'singleSignOn', value: 'ACM/IDM (https://login.vlaanderen.example/realms/regio)' });
      for (const [lang, label] of [['en', 'Single sign-on'], ['de', 'Single Sign-on'], ['nl', 'Single sign-on: namen en e-mailadressen van de accounts komen van deze identiteitsprovider']]) {
        const file = await sso.app.request(`/api/processing-record/document.docx?lang=${lang}`, { headers: { Authorization: `Bearer ${sso.world.users.officer.token}` } });
        expect(file.status).toBe(200);
        const { text } = await docxText(new Uint8Array(await file.arrayBuffer()));
        expect(text).toContain(label);
        expect(text).toContain('ACM/IDM (https://login.vlaanderen.example/realms/regio)');
      }
    } finally {
      await sso.close();
    }
  });
});
