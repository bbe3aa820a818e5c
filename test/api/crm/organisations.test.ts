import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions, createInteraction, createOrganisation, createPerson, names } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

describe('/api/organisations', () => {
  it('records an organisation with region, domains and stakeholderships, and reads it back with an ETag', async () => {
    const created = await h.as.editor.post('/api/organisations', {
      name: 'KU Leuven',
      shortName: 'KUL',
      kind: 'university_research',
      regionId: h.world.regions.flemishBrabant,
      country: 'be',
      nutsCode: 'be24',
      website: 'https://www.kuleuven.be',
      domains: [{ domainId: 'domain-health', maturity: 5 }, { domainId: 'domain-digital', maturity: 4 }],
      partnershipIds: [h.world.partnerships.p1]
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'KU Leuven',
      shortName: 'KUL',
      kind: 'university_research',
      regionId: h.world.regions.flemishBrabant,
      regionName: 'Vlaams-Brabant',
      country: 'BE',
      nutsCode: 'BE24',
      website: 'https://www.kuleuven.be',
      partnershipIds: [h.world.partnerships.p1],
      recordedByOrganisationId: h.world.organisations.pfb,
      version: 1
    });
    expect(created.body.domains).toEqual(
      expect.arrayContaining([
        { domainId: 'domain-health', maturity: 5, labels: { en: 'Health and life sciences', de: 'Gesundheit und Lebenswissenschaften', nl: 'Gezondheid en life sciences' } },
        expect.objectContaining({ domainId: 'domain-digital', maturity: 4 })
      ])
    );

    // a stakeholder of P1: every member of P1 sees it, also those of the other party (VRRN)
    const read = await h.as.officer.get(`/api/organisations/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    expectProblem(await h.as.outsider.get(`/api/organisations/${created.body.id}`), 404);
  });

  it('shows an organisation recorded by PFB without partnerships to PFB users only (and system administrators)', async () => {
    const own = await createOrganisation(h.as.editor, { name: 'Voka Vlaams-Brabant', kind: 'cluster_intermediary', country: 'BE' });
    expect((await h.as.editor.get(`/api/organisations/${own.id}`)).status).toBe(200);
    expect((await h.as.viewer.get(`/api/organisations/${own.id}`)).status).toBe(200);
    expect((await h.as.sysadmin.get(`/api/organisations/${own.id}`)).status).toBe(200);
    expectProblem(await h.as.officer.get(`/api/organisations/${own.id}`), 404);
    const outsider = await h.as.outsider.get(`/api/organisations/${own.id}`);
    expectProblem(outsider, 404);
    expect(outsider.body.detail).toBe((await h.as.outsider.get('/api/organisations/no-such-id')).body.detail);

    expect(names((await allPages(h.as.editor, '/api/organisations?country=BE')).items)).toContain('Voka Vlaams-Brabant');
    expect(names((await allPages(h.as.officer, '/api/organisations?country=BE')).items)).not.toContain('Voka Vlaams-Brabant');
    expect(names((await allPages(h.as.outsider, '/api/organisations')).items)).toEqual(['Wirtschaftsförderung Land Brandenburg']);
  });

  it('pages through a list by name in both directions without losing or repeating anyone', async () => {
    const wanted = ['Luxinnovation', 'Chambre de Commerce', 'Ville de Luxembourg', 'Université du Luxembourg', 'LIST'];
    for (const name of wanted) await createOrganisation(h.as.officer, { name, country: 'LU' });
    const forward = await allPages(h.as.officer, '/api/organisations?country=LU&limit=2');
    expect(forward.pages).toBe(3);
    expect(names(forward.items)).toEqual([...wanted].sort());
    const backward = await allPages(h.as.officer, '/api/organisations?country=LU&limit=2&sort=-name');
    expect(names(backward.items)).toEqual([...wanted].sort().reverse());
    const recent = await h.as.officer.get('/api/organisations?country=LU&sort=-updatedAt&limit=1');
    expect(recent.body.items[0].name).toBe('LIST');
  });

  it('filters by region, kind, country, domain, partnership and words of the name', async () => {
    const sap = await createOrganisation(h.as.officer, { name: 'SAP SE', kind: 'company', country: 'DE', regionId: h.world.regions.rheinNeckar, domains: [{ domainId: 'domain-digital', maturity: 5 }] });
    const biorn = await createOrganisation(h.as.officer, {
      name: 'BioRN Cluster',
      kind: 'cluster_intermediary',
      country: 'DE',
      regionId: h.world.regions.rheinNeckar,
      domains: [{ domainId: 'domain-health', maturity: 4 }],
      partnershipIds: [h.world.partnerships.p1]
    });
    const list = async (query: string) => names((await allPages(h.as.officer, `/api/organisations?${query}`)).items);

    expect(await list(`regionId=${h.world.regions.rheinNeckar}`)).toEqual(['BioRN Cluster', 'SAP SE', 'Verband Region Rhein-Neckar']);
    expect(await list('kind=cluster_intermediary')).toEqual(['BioRN Cluster']);
    expect(await list(`kind=company&regionId=${h.world.regions.rheinNeckar}`)).toEqual(['SAP SE']);
    expect(await list('domainId=domain-health')).toContain('BioRN Cluster');
    expect(await list('domainId=domain-health')).not.toContain('SAP SE');
    // parties and stakeholders of P1
    const inP1 = await list(`partnershipId=${h.world.partnerships.p1}`);
    expect(inP1).toEqual(expect.arrayContaining(['BioRN Cluster', 'Provincie Vlaams-Brabant', 'Verband Region Rhein-Neckar']));
    expect(inP1).not.toContain('SAP SE');
    // a partnership the caller is not in answers nothing, as if it did not exist
    expect(await h.as.sysadmin.get(`/api/organisations?partnershipId=${h.world.partnerships.p2}`).then((r) => names(r.body.items))).toEqual(['Wirtschaftsförderung Land Brandenburg']);
    expect(await list(`partnershipId=${h.world.partnerships.p2}`)).toEqual([]);
    expect(await list('q=bior')).toEqual(['BioRN Cluster']);
    expect(await list('q=SE sap')).toEqual(['SAP SE']);
    expect(sap.id).not.toBe(biorn.id);
  });

  it('finds names by words with accents folded, and never lets typed text break the search syntax', async () => {
    await createOrganisation(h.as.officer, { name: 'Universität Heidelberg', kind: 'university_research', country: 'DE' });
    await createOrganisation(h.as.officer, { name: 'Katholieke Universiteit Löwen', kind: 'university_research', country: 'BE' });
    const list = async (q: string) => names((await allPages(h.as.officer, `/api/organisations?q=${encodeURIComponent(q)}`)).items);
    expect(await list('Lowen')).toEqual(['Katholieke Universiteit Löwen']);
    expect(await list('löwen')).toEqual(['Katholieke Universiteit Löwen']);
    expect(await list('Universitat')).toEqual(['Universität Heidelberg']);
    expect(await list('heidel')).toEqual(['Universität Heidelberg']);
    expect(await list('univ')).toEqual(['Katholieke Universiteit Löwen', 'Universität Heidelberg', 'Université du Luxembourg']);
    expect(await list('Universite')).toEqual(['Katholieke Universiteit Löwen', 'Université du Luxembourg']);
    expect(await list('Univ Heid')).toEqual(['Universität Heidelberg']);
    for (const hostile of ['"', 'heidel"berg', 'univ*', 'NOT univ', 'univ OR', '(univ', 'content:univ', 'NEAR(univ heid)', "'; DROP TABLE organisations; --", '^univ', '-univ']) {
      const reply = await h.as.officer.get(`/api/organisations?q=${encodeURIComponent(hostile)}`);
      expect(reply.status, hostile).toBe(200);
    }
    expect(await list('heidel"berg')).toEqual([]);
    expect(await list('NOT univ')).toEqual([]);
  });

  it('honours If-Match: a stale version gets 412 with the current record', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'imec', kind: 'university_research', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    const ok = await h.as.officer.patch(`/api/organisations/${org.id}`, { website: 'https://www.imec-int.com' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ name: 'imec', website: 'https://www.imec-int.com', partnershipIds: [h.world.partnerships.p1], version: 2 });
    const stale = await h.as.editor.patch(`/api/organisations/${org.id}`, { name: 'IMEC' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ name: 'imec', website: 'https://www.imec-int.com', version: 2 });
    expect((await h.as.editor.get(`/api/organisations/${org.id}`)).body.name).toBe('imec');
  });

  it('changes only the fields sent, and lists replace the stored list', async () => {
    const org = await createOrganisation(h.as.editor, {
      name: 'VIB',
      shortName: 'VIB',
      regionId: h.world.regions.flemishBrabant,
      country: 'BE',
      domains: [{ domainId: 'domain-health', maturity: 5 }]
    });
    const renamed = await h.as.editor.patch(`/api/organisations/${org.id}`, { name: 'Vlaams Instituut voor Biotechnologie' });
    expect(renamed.body).toMatchObject({ shortName: 'VIB', regionId: h.world.regions.flemishBrabant, domains: [expect.objectContaining({ domainId: 'domain-health' })] });
    const cleared = await h.as.editor.patch(`/api/organisations/${org.id}`, { shortName: '', regionId: null, domains: [{ domainId: 'domain-innovation', maturity: 2 }] });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ shortName: null, regionId: null, regionName: null, domains: [expect.objectContaining({ domainId: 'domain-innovation', maturity: 2 })] });
  });

  it('adds and removes stakeholderships only where the caller may write, keeping those the caller cannot see', async () => {
    const shared = await createOrganisation(h.as.sysadmin, { name: 'Open Agile Smart Cities', kind: 'ngo', country: 'BE', partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2] });
    const seenByEditor = await h.as.editor.get(`/api/organisations/${shared.id}`);
    expect(seenByEditor.body.partnershipIds).toEqual([h.world.partnerships.p1]);

    expectProblem(await h.as.viewer.patch(`/api/organisations/${shared.id}`, { partnershipIds: [] }), 403);
    const removed = await h.as.editor.patch(`/api/organisations/${shared.id}`, { partnershipIds: [] });
    expect(removed.status).toBe(200);
    expect(removed.body.partnershipIds).toEqual([]);
    expect((await h.as.sysadmin.get(`/api/organisations/${shared.id}`)).body.partnershipIds).toEqual([h.world.partnerships.p2]);

    const own = await createOrganisation(h.as.editor, { name: 'Leuven MindGate', country: 'BE' });
    expectProblem(await h.as.editor.patch(`/api/organisations/${own.id}`, { partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2] }), 400, 'partnershipIds.1');
    expectProblem(await h.as.editor.post('/api/organisations', { name: 'X', kind: 'ngo', country: 'BE', partnershipIds: ['no-such-partnership'] }), 400, 'partnershipIds.0');
    const added = await h.as.editor.patch(`/api/organisations/${own.id}`, { partnershipIds: [h.world.partnerships.p1] });
    expect(added.body.partnershipIds).toEqual([h.world.partnerships.p1]);
    // now a stakeholder of P1, the other party's officer sees it too
    expect((await h.as.officer.get(`/api/organisations/${own.id}`)).status).toBe(200);
  });

  it('answers 404 to outsiders on read, change, delete and timeline, and 403 to viewers who write', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Flanders Make', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.get(`/api/organisations/${org.id}`), 404);
    expectProblem(await h.as.outsider.patch(`/api/organisations/${org.id}`, { name: 'Taken over' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/organisations/${org.id}`), 404);
    expectProblem(await h.as.outsider.get(`/api/organisations/${org.id}/timeline`), 404);
    expectProblem(await h.as.viewer.post('/api/organisations', { name: 'Viewer Org', kind: 'ngo', country: 'BE' }), 403);
    expectProblem(await h.as.viewer.patch(`/api/organisations/${org.id}`, { name: 'Renamed by a viewer' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/organisations/${org.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.viewer.get(`/api/organisations/${org.id}`)).body.name).toBe('Flanders Make');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'DSP Valley', country: 'BE' });
    const before = await tableCounts(h);
    const post = (body: unknown) => h.as.editor.post('/api/organisations', body);
    expectProblem(await post({ name: 5, kind: 'company', country: 'BE' }), 400, 'name');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', colour: 'blue' }), 400, 'colour');
    expectProblem(await post({ name: 'X', country: 'BE' }), 400, 'kind');
    expectProblem(await post({ kind: 'company', country: 'BE' }), 400, 'name');
    expectProblem(await post({ name: 'X', kind: 'bakery', country: 'BE' }), 400, 'kind');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'XX' }), 400, 'country');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', website: 'javascript:alert(1)' }), 400, 'website');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', nutsCode: 'Flanders' }), 400, 'nutsCode');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', regionId: 'no-such-region' }), 400, 'regionId');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', domains: [{ domainId: 'domain-health', maturity: 6 }] }), 400, 'domains.0.maturity');
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', domains: [{ domainId: 'domain-nothing', maturity: 2 }] }), 400, 'domains.0');
    expectProblem(
      await post({ name: 'X', kind: 'company', country: 'BE', domains: [{ domainId: 'domain-health', maturity: 2 }, { domainId: 'domain-health', maturity: 3 }] }),
      400,
      'domains.1.domainId'
    );
    expectProblem(await post({ name: 'X', kind: 'company', country: 'BE', partnershipIds: 'p1' }), 400, 'partnershipIds');
    expectProblem(await h.as.editor.post('/api/organisations', undefined, { raw: '{"name": "broken' }), 400, '');
    expectProblem(await h.as.editor.patch(`/api/organisations/${org.id}`, { kind: null }), 400, 'kind');
    expectProblem(await h.as.editor.patch(`/api/organisations/${org.id}`, { version: 7 }), 400, 'version');
    expectProblem(await h.as.editor.patch(`/api/organisations/${org.id}`, { name: 'Y' }, { ifMatch: 'yesterday' }), 400, 'If-Match');
    expectProblem(await h.as.editor.get('/api/organisations?kind=bakery'), 400, 'query.kind');
    expectProblem(await h.as.editor.get('/api/organisations?limit=0'), 400, 'query.limit');
    expectProblem(await h.as.editor.get('/api/organisations?sort=size'), 400, 'query.sort');
    expectProblem(await h.as.editor.get('/api/organisations?colour=blue'), 400, 'query.colour');
    expectProblem(await h.as.editor.get('/api/organisations?cursor=nonsense'), 400, 'query.cursor');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses to delete a partnership party or an organisation people or users belong to', async () => {
    const party = await h.as.sysadmin.delete(`/api/organisations/${h.world.organisations.pfb}`);
    expectProblem(party, 409);
    expect(party.body.detail).toContain('party');
    const employer = await createOrganisation(h.as.editor, { name: 'Hochschule Mannheim', country: 'DE' });
    await createPerson(h.as.editor, { name: 'Anna Becker', organisationId: employer.id });
    const withPeople = await h.as.editor.delete(`/api/organisations/${employer.id}`);
    expectProblem(withPeople, 409);
    expect(withPeople.body.detail).toContain('1 person works there (move or delete them first)');
    expect((await h.as.editor.get(`/api/organisations/${employer.id}`)).status).toBe(200);
  });

  it('refuses to delete an organisation that is in a consortium or took part in an activity, rather than dropping it silently', async () => {
    const partner = await createOrganisation(h.as.officer, { name: 'DSP Valley', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    const proposal = await h.as.officer.post('/api/proposals', { acronym: 'CHIPS2', title: 'Chips for regions', partnershipId: h.world.partnerships.p1 });
    expect((await h.as.officer.post(`/api/proposals/${proposal.body.id}/consortium`, { organisationId: partner.id, role: 'partner' })).status).toBe(201);
    const refused = await h.as.officer.delete(`/api/organisations/${partner.id}`);
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('consortium');
    expect((await h.as.officer.get(`/api/proposals/${proposal.body.id}/consortium`)).body.members).toHaveLength(1);
  });

  it('deletes an organisation with its interactions, each leaving an audit event', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Leuven Inc', country: 'BE' });
    const note = await createInteraction(h.as.editor, { organisationId: org.id });
    expectProblem(await h.as.editor.delete(`/api/organisations/${org.id}`, { ifMatch: '"2"' }), 412);
    expect((await h.as.editor.delete(`/api/organisations/${org.id}`, { ifMatch: '"1"' })).status).toBe(204);
    expectProblem(await h.as.editor.get(`/api/organisations/${org.id}`), 404);
    expectProblem(await h.as.editor.get(`/api/interactions/${note.id}`), 404);
    expect(await auditActions(h, 'organisation', org.id)).toEqual(['create', 'delete']);
    expect(await auditActions(h, 'interaction', note.id)).toEqual(['create', 'delete']);
  });

  it('leaves an audit event with before and after for every write', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Mobilab', country: 'BE', domains: [{ domainId: 'domain-mobility', maturity: 3 }] });
    await h.as.editor.patch(`/api/organisations/${org.id}`, { domains: [{ domainId: 'domain-mobility', maturity: 4 }] });
    const rows = (await allRows(h, "SELECT action, actor_id, before, after FROM audit_events WHERE entity_type = 'organisation' AND entity_id = ? ORDER BY at, id", org.id)) as {
      action: string;
      actor_id: string;
      before: string | null;
      after: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[0]!.actor_id).toBe(h.world.users.editor.id);
    expect(JSON.parse(rows[1]!.before!).domains[0].maturity).toBe(3);
    expect(JSON.parse(rows[1]!.after).domains[0].maturity).toBe(4);
  });

  it('shows the timeline of the organisation and of its people, newest first, page by page', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Provinciehuis Leuven', country: 'BE' });
    const person = await createPerson(h.as.editor, { name: 'Griet Van Acker', organisationId: org.id });
    const elsewhere = await createOrganisation(h.as.editor, { name: 'Elsewhere BV', country: 'BE' });
    await createInteraction(h.as.editor, { organisationId: org.id, occurredAt: '2024-01-10T09:00:00Z', summary: 'first' });
    await createInteraction(h.as.editor, { personId: person.id, occurredAt: '2024-03-10T09:00:00+01:00', summary: 'third' });
    await createInteraction(h.as.editor, { organisationId: org.id, occurredAt: '2024-02-10T09:00:00Z', summary: 'second' });
    await createInteraction(h.as.editor, { organisationId: elsewhere.id, occurredAt: '2024-02-11T09:00:00Z', summary: 'not here' });
    const { items, pages } = await allPages(h.as.editor, `/api/organisations/${org.id}/timeline?limit=2`);
    expect(pages).toBe(2);
    expect(items.map((e) => e.interaction.summary)).toEqual(['third', 'second', 'first']);
    expect(items[0]).toMatchObject({ type: 'interaction', at: '2024-03-10T08:00:00.000Z', interaction: { personName: 'Griet Van Acker', authorName: 'Editor' } });
  });
});
