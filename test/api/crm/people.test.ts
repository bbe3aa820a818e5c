import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions, createInteraction, createOrganisation, createPerson, names } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { firstRow, allRows, runSql } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

describe('/api/people', () => {
  it('records a person at an organisation and reads them back with an ETag', async () => {
    const created = await h.as.editor.post('/api/people', {
      organisationId: h.world.organisations.vrrn,
      name: 'Katrin Wellmann',
      function: 'Europareferentin',
      emails: ['k.wellmann@vrrn.example'],
      phones: ['+49 621 10708-0'],
      languages: ['DE', 'en'],
      domains: ['domain-innovation', 'domain-digital'],
      lawfulBasis: 'consent',
      consentDate: '2024-05-02',
      consentSource: 'Business card, Brussels event'
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      organisationId: h.world.organisations.vrrn,
      organisationName: 'Verband Region Rhein-Neckar',
      name: 'Katrin Wellmann',
      function: 'Europareferentin',
      emails: ['k.wellmann@vrrn.example'],
      phones: ['+49 621 10708-0'],
      languages: ['de', 'en'],
      lawfulBasis: 'consent',
      consentDate: '2024-05-02',
      consentSource: 'Business card, Brussels event',
      recordedByOrganisationId: h.world.organisations.pfb,
      version: 1
    });
    expect(created.body.domains.map((d: { domainId: string }) => d.domainId)).toEqual(['domain-innovation', 'domain-digital']);
    expect(created.body.domains[0].labels.de).toBe('Innovation und Start-ups');

    const read = await h.as.officer.get(`/api/people/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    expectProblem(await h.as.outsider.get(`/api/people/${created.body.id}`), 404);
  });

  it('keeps the GDPR rule: consent needs a date not in the future and a source', async () => {
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.editor.post('/api/people', { name: 'Pieter Goossens', ...body });
    expectProblem(await post({ lawfulBasis: 'consent', consentSource: 'Web form' }), 400, 'consentDate');
    expectProblem(await post({ lawfulBasis: 'consent', consentDate: '2024-01-01' }), 400, 'consentSource');
    expectProblem(await post({ lawfulBasis: 'consent', consentDate: '2024-01-01', consentSource: '   ' }), 400, 'consentSource');
    const future = await post({ lawfulBasis: 'consent', consentDate: '2999-01-01', consentSource: 'Web form' });
    expectProblem(future, 400, 'consentDate');
    expect(future.body.errors[0].message).toContain('future');
    expectProblem(await post({ lawfulBasis: 'consent', consentDate: '2024-02-30', consentSource: 'Web form' }), 400, 'consentDate');
    expect(await tableCounts(h)).toEqual(before);

    const person = await createPerson(h.as.editor, { name: 'Bart Vanhoutte', lawfulBasis: 'legitimate_interest' });
    expectProblem(await h.as.editor.patch(`/api/people/${person.id}`, { lawfulBasis: 'consent' }), 400, 'consentDate');
    const consented = await h.as.editor.patch(`/api/people/${person.id}`, { lawfulBasis: 'consent', consentDate: '2024-06-01', consentSource: 'Signed attendance list' });
    expect(consented.status).toBe(200);
    expectProblem(await h.as.editor.patch(`/api/people/${person.id}`, { consentSource: null }), 400, 'consentSource');
    expect((await h.as.editor.get(`/api/people/${person.id}`)).body).toMatchObject({ lawfulBasis: 'consent', consentSource: 'Signed attendance list', version: 2 });
  });

  it('shows a person recorded by PFB without an organisation to PFB users only', async () => {
    const person = await createPerson(h.as.editor, { name: 'Liesbeth Vandermeulen' });
    expect((await h.as.viewer.get(`/api/people/${person.id}`)).status).toBe(200);
    expect((await h.as.sysadmin.get(`/api/people/${person.id}`)).status).toBe(200);
    expectProblem(await h.as.officer.get(`/api/people/${person.id}`), 404);
    expectProblem(await h.as.outsider.get(`/api/people/${person.id}`), 404);
    expect(names((await allPages(h.as.outsider, '/api/people')).items)).not.toContain('Liesbeth Vandermeulen');
  });

  it('hides the organisation of a visible person when the caller can no longer see it', async () => {
    const org = await createOrganisation(h.as.officer, { name: 'MVV Energie', country: 'DE', partnershipIds: [h.world.partnerships.p1] });
    const person = await createPerson(h.as.editor, { name: 'Jonas Ebert', organisationId: org.id });
    expect(person.organisationName).toBe('MVV Energie');
    expect((await h.as.officer.patch(`/api/organisations/${org.id}`, { partnershipIds: [] })).status).toBe(200);
    const seen = await h.as.editor.get(`/api/people/${person.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ organisationId: null, organisationName: null });
    expect((await h.as.officer.get(`/api/people/${person.id}`)).body).toMatchObject({ organisationId: org.id, organisationName: 'MVV Energie' });
  });

  it('refuses ids the caller cannot see in the body, as if they did not exist', async () => {
    const before = await tableCounts(h);
    const invisible = await h.as.editor.post('/api/people', { name: 'X', lawfulBasis: 'contract', organisationId: h.world.organisations.wfbb });
    expectProblem(invisible, 400, 'organisationId');
    expect(invisible.body.errors[0].message).toBe('No organisation with this id.');
    const missing = await h.as.editor.post('/api/people', { name: 'X', lawfulBasis: 'contract', organisationId: 'no-such-organisation' });
    expect(missing.body.errors).toEqual(invisible.body.errors);
    expectProblem(await h.as.editor.post('/api/people', { name: 'X', lawfulBasis: 'contract', domains: ['domain-health', 'domain-nothing'] }), 400, 'domains.1');
    expectProblem(await h.as.editor.post('/api/people', { name: 'X', lawfulBasis: 'contract', domains: ['domain-health', 'domain-health'] }), 400, 'domains.1');
    const person = await createPerson(h.as.editor, { name: 'Griet Peeters' });
    const after = await tableCounts(h);
    expectProblem(await h.as.editor.patch(`/api/people/${person.id}`, { organisationId: h.world.organisations.wfbb }), 400, 'organisationId');
    expect(await tableCounts(h)).toEqual(after);
    expect(after.people).toBe(before.people! + 1);
  });

  it('pages, sorts and filters by organisation, domain, partnership and words of name or function', async () => {
    const heidelberg = await createOrganisation(h.as.officer, { name: 'Universität Heidelberg', kind: 'university_research', country: 'DE', partnershipIds: [h.world.partnerships.p1] });
    const own = await createOrganisation(h.as.officer, { name: 'Stadt Mosbach', kind: 'municipality', country: 'DE' });
    await createPerson(h.as.officer, { name: 'Felix Brandstätter', function: 'Technologietransfer', organisationId: heidelberg.id, domains: ['domain-health'] });
    await createPerson(h.as.officer, { name: 'Selin Aydın', function: 'Leiterin Internationales', organisationId: heidelberg.id });
    await createPerson(h.as.officer, { name: 'Ulrike Hanselmann', function: 'Bürgermeisterin', organisationId: own.id, domains: ['domain-tourism'] });
    const list = async (query: string) => names((await allPages(h.as.officer, `/api/people?${query}`)).items);

    const paged = await allPages(h.as.officer, `/api/people?organisationId=${heidelberg.id}&limit=1`);
    expect(paged.pages).toBe(2);
    expect(names(paged.items)).toEqual(['Felix Brandstätter', 'Selin Aydın']);
    expect(await list(`organisationId=${heidelberg.id}&sort=-name`)).toEqual(['Selin Aydın', 'Felix Brandstätter']);
    expect(await list('domainId=domain-tourism')).toEqual(['Ulrike Hanselmann']);
    const inP1 = await list(`partnershipId=${h.world.partnerships.p1}`);
    expect(inP1).toEqual(expect.arrayContaining(['Felix Brandstätter', 'Selin Aydın']));
    expect(inP1).not.toContain('Ulrike Hanselmann');
    expect(await list(`partnershipId=${h.world.partnerships.p2}`)).toEqual([]);
    expect(await list('q=brandstatter')).toEqual(['Felix Brandstätter']);
    expect(await list('q=burgermeister')).toEqual(['Ulrike Hanselmann']);
    expect(await list('q=ayd')).toEqual(['Selin Aydın']);
    expect(await list('q=sel"in')).toEqual(['Selin Aydın']); // the quote separates words: "sel"* "in"*
    expect(await list('q=sel"xyz')).toEqual([]);
    const recent = await h.as.officer.get('/api/people?sort=-updatedAt&limit=1');
    expect(recent.body.items[0].name).toBe('Ulrike Hanselmann');
  });

  it('honours If-Match and changes only the fields sent', async () => {
    const person = await createPerson(h.as.editor, { name: 'Hanne Claes', emails: ['hanne@example.be'], languages: ['nl'] });
    const ok = await h.as.editor.patch(`/api/people/${person.id}`, { function: 'Beleidsmedewerker' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ function: 'Beleidsmedewerker', emails: ['hanne@example.be'], languages: ['nl'] });
    const stale = await h.as.viewer.get(`/api/people/${person.id}`);
    expect(stale.body.version).toBe(2);
    const conflict = await h.as.editor.patch(`/api/people/${person.id}`, { name: 'Hanne' }, { ifMatch: '"1"' });
    expectProblem(conflict, 412);
    expect(conflict.body.current).toMatchObject({ name: 'Hanne Claes', function: 'Beleidsmedewerker', version: 2 });
  });

  it('answers 404 to outsiders on read, change, delete and timeline, and 403 to viewers who write', async () => {
    const person = await createPerson(h.as.editor, { name: 'Tom Peeters', organisationId: h.world.organisations.pfb });
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.get(`/api/people/${person.id}`), 404);
    expectProblem(await h.as.outsider.patch(`/api/people/${person.id}`, { name: 'Taken over' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/people/${person.id}`), 404);
    expectProblem(await h.as.outsider.get(`/api/people/${person.id}/timeline`), 404);
    expectProblem(await h.as.viewer.post('/api/people', { name: 'Viewer Contact', lawfulBasis: 'contract' }), 403);
    expectProblem(await h.as.viewer.patch(`/api/people/${person.id}`, { name: 'Renamed' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/people/${person.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await tableCounts(h);
    const post = (body: unknown) => h.as.editor.post('/api/people', body);
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', emails: ['not-an-address'] }), 400, 'emails.0');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', emails: 'x@example.org' }), 400, 'emails');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', phones: ['+32 16 26', 'call me maybe'] }), 400, 'phones.1');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', languages: ['german'] }), 400, 'languages.0');
    expectProblem(await post({ name: 'X', lawfulBasis: 'whim' }), 400, 'lawfulBasis');
    expectProblem(await post({ name: 'X' }), 400, 'lawfulBasis');
    expectProblem(await post({ lawfulBasis: 'contract' }), 400, 'name');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', consentDate: '31.12.2024' }), 400, 'consentDate');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', organisationId: 42 }), 400, 'organisationId');
    expectProblem(await post({ name: 'X', lawfulBasis: 'contract', nickname: 'x' }), 400, 'nickname');
    expectProblem(await h.as.editor.post('/api/people', undefined, { raw: '[1, 2' }), 400, '');
    expectProblem(await h.as.editor.get('/api/people?sort=age'), 400, 'query.sort');
    expectProblem(await h.as.editor.get('/api/people?country=BE'), 400, 'query.country');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses to erase a contact person of a partnership party, and erases others, keeping their interactions without them', async () => {
    const contact = await createPerson(h.as.editor, { name: 'Contact PFB', organisationId: h.world.organisations.pfb });
    await runSql(h, 'UPDATE partnership_parties SET contact_person_id = ? WHERE organisation_id = ?', contact.id, h.world.organisations.pfb);
    const refused = await h.as.editor.delete(`/api/people/${contact.id}`);
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('contact person');
    await runSql(h, 'UPDATE partnership_parties SET contact_person_id = NULL WHERE contact_person_id = ?', contact.id);

    const note = await createInteraction(h.as.editor, { personId: contact.id });
    expect((await h.as.editor.delete(`/api/people/${contact.id}`)).status).toBe(204);
    expectProblem(await h.as.editor.get(`/api/people/${contact.id}`), 404);
    expect(await auditActions(h, 'person', contact.id)).toEqual(['create', 'erased']);
    expect(await auditActions(h, 'interaction', note.id)).toEqual(['create']);
    expect((await firstRow(h, 'SELECT person_id, summary FROM interactions WHERE id = ?', note.id))).toEqual({ person_id: null, summary: note.summary });
  });

  it('shows the timeline of a person, newest first', async () => {
    const person = await createPerson(h.as.editor, { name: 'Evelien Maes', organisationId: h.world.organisations.pfb });
    await createInteraction(h.as.editor, { personId: person.id, kind: 'call', occurredAt: '2024-04-02T08:00:00Z', summary: 'older' });
    await createInteraction(h.as.editor, { personId: person.id, organisationId: h.world.organisations.pfb, kind: 'meeting', occurredAt: '2024-04-03T08:00:00Z', summary: 'newer' });
    await createInteraction(h.as.editor, { organisationId: h.world.organisations.pfb, occurredAt: '2024-04-04T08:00:00Z', summary: 'organisation only' });
    const timeline = await h.as.viewer.get(`/api/people/${person.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: { interaction: { summary: string } }) => e.interaction.summary)).toEqual(['newer', 'older']);
    expect(timeline.body.nextCursor).toBeNull();
  });

  it('leaves an audit event with before and after for every write', async () => {
    const person = await createPerson(h.as.editor, { name: 'Annelies Wouters', phones: ['016 26 70 00'] });
    await h.as.editor.patch(`/api/people/${person.id}`, { phones: ['+32 16 26 70 00'] });
    const rows = (await allRows(h, "SELECT action, before, after FROM audit_events WHERE entity_type = 'person' AND entity_id = ? ORDER BY at, id", person.id)) as {
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(rows[1]!.before!).phones).toEqual(['016 26 70 00']);
    expect(JSON.parse(rows[1]!.after).phones).toEqual(['+32 16 26 70 00']);
  });
});
