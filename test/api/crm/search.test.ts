import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { createOrganisation, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { MAX_WINDOWS, RANKED_WINDOW } from '../../../db/crm/search.js';
import { newId } from '../../../db/ids.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
  await createOrganisation(h.as.officer, { name: 'Universität Heidelberg', shortName: 'Uni HD', kind: 'university_research', country: 'DE' });
  await createOrganisation(h.as.officer, { name: 'Katholieke Universiteit Löwen', kind: 'university_research', country: 'BE' });
  await createPerson(h.as.officer, { name: 'Jörg Müller', function: 'Referent Europa', organisationId: h.world.organisations.vrrn });
  await createOrganisation(h.as.editor, { name: 'Leuven Rhein Partners', country: 'BE' });
});
afterAll(() => h.close());

type Hit = { type: string; id: string; title: string; details: Record<string, string | null> };
const search = async (as: keyof ApiHarness['as'], q: string, extra = '') => {
  const reply = await h.as[as].get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.items as Hit[];
};
const titles = (hits: Hit[]) => hits.map((hit) => hit.title).sort();

describe('/api/search', () => {
  it('finds by any word of a name with accents folded and each word prefix-matched', async () => {
    expect(await search('officer', 'Lowen')).toEqual([{ type: 'organisation', id: expect.any(String), title: 'Katholieke Universiteit Löwen', details: expect.objectContaining({ kind: 'university_research', country: 'BE' }) }]);
    expect(titles(await search('officer', 'Universitat'))).toEqual(['Universität Heidelberg']);
    expect(titles(await search('officer', 'heidelb'))).toEqual(['Universität Heidelberg']);
    expect(titles(await search('officer', 'univ'))).toEqual(['Katholieke Universiteit Löwen', 'Universität Heidelberg']);
    expect(titles(await search('officer', 'universiteit lowen'))).toEqual(['Katholieke Universiteit Löwen']);
    expect(await search('officer', 'muller')).toEqual([{ type: 'person', id: expect.any(String), title: 'Jörg Müller', details: expect.objectContaining({ function: 'Referent Europa', organisationName: 'Verband Region Rhein-Neckar' }) }]);
  });

  it('finds organisations, people and partnerships together, only those the caller may see', async () => {
    const officer = await search('officer', 'rhein');
    expect(officer.map((hit) => [hit.type, hit.title]).sort()).toEqual([
      ['organisation', 'Verband Region Rhein-Neckar'],
      ['partnership', 'Rhein-Neckar – Flemish Brabant']
    ]);
    expect(officer.find((hit) => hit.type === 'partnership')).toMatchObject({ id: h.world.partnerships.p1, details: expect.objectContaining({ startsOn: '2021-01-01', endsOn: '2024-12-31' }) });
    // the editor (PFB) also sees what PFB recorded
    expect(titles(await search('editor', 'rhein'))).toEqual(['Leuven Rhein Partners', 'Rhein-Neckar – Flemish Brabant', 'Verband Region Rhein-Neckar']);
    expect(await search('outsider', 'rhein')).toEqual([]);
    expect(await search('outsider', 'muller')).toEqual([]);
    expect(titles(await search('outsider', 'brandenburg'))).toEqual(['Regio.hub Berlin-Brandenburg', 'Wirtschaftsförderung Land Brandenburg']);
    expect(titles(await search('sysadmin', 'rhein'))).toEqual(['Leuven Rhein Partners', 'Rhein-Neckar – Flemish Brabant', 'Verband Region Rhein-Neckar']);
  });

  it('gives a caller who sees few of the matches a full page: past windows of matches they may not see', async () => {
    // PFB records more "Zebrawerk" organisations than the windows the officer reads hold; none is the officer's to see
    const now = new Date().toISOString();
    const unseen = (RANKED_WINDOW * MAX_WINDOWS) + 50;
    const row = (name: string, recordedBy: string) => ({ id: newId(), name, short_name: null, kind: 'company', region_id: null, country: 'BE', nuts_code: null, website: null, recorded_by_organisation_id: recordedBy, created_at: now, updated_at: now });
    for (let from = 0; from < unseen; from += 250) {
      await h.db.insertInto('organisations').values(Array.from({ length: Math.min(250, unseen - from) }, (_, i) => row(`Zebrawerk PFB ${from + i}`, h.world.organisations.pfb))).execute();
    }
    // then three of the officer's own, last in the index's order
    await h.db.insertInto('organisations').values(['Zebrawerk Mannheim', 'Zebrawerk Heidelberg', 'Zebrawerk Speyer'].map((name) => row(name, h.world.organisations.vrrn))).execute();
    expect(titles(await search('officer', 'zebrawerk'))).toEqual(['Zebrawerk Heidelberg', 'Zebrawerk Mannheim', 'Zebrawerk Speyer']);
    expect(titles(await search('officer', 'zebrawerk', '&limit=2'))).toHaveLength(2);
    // the editor (PFB) sees a page of PFB's, the officer's three not among them
    const editor = await search('editor', 'zebrawerk', '&limit=50');
    expect(editor).toHaveLength(50);
    expect(editor.every((hit) => hit.title.startsWith('Zebrawerk PFB'))).toBe(true);
    expect(await search('outsider', 'zebrawerk')).toEqual([]);
  });

  it('keeps to the limit', async () => {
    expect(await search('sysadmin', 'u', '&limit=2')).toHaveLength(2);
  });

  it('treats typed FTS syntax as plain words', async () => {
    for (const q of ['univ"', 'univ*', 'NOT univ', 'univ OR', '(univ', 'content:univ', 'NEAR(univ heid)', "'; DROP TABLE search_index; --", '^univ']) {
      const reply = await h.as.officer.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(reply.status, q).toBe(200);
    }
    expect(titles(await search('officer', 'univ*'))).toEqual(['Katholieke Universiteit Löwen', 'Universität Heidelberg']);
    expect(await search('officer', 'NOT univ')).toEqual([]);
  });

  it('refuses an empty or wordless query and unknown parameters', async () => {
    expectProblem(await h.as.officer.get('/api/search'), 400, 'query.q');
    expectProblem(await h.as.officer.get('/api/search?q='), 400, 'query.q');
    expectProblem(await h.as.officer.get('/api/search?q=%20%20%20'), 400, 'query.q');
    expectProblem(await h.as.officer.get('/api/search?q=%22*()'), 400, 'query.q');
    expectProblem(await h.as.officer.get('/api/search?q=x&limit=0'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/search?q=x&limit=many'), 400, 'query.limit');
    expectProblem(await h.as.officer.get('/api/search?q=x&type=person'), 400, 'query.type');
    expectProblem(await h.anonymous.get('/api/search?q=x'), 401);
  });
});

describe('/api/search and activities', () => {
  it('finds activities of the caller’s partnerships by title or city, never another partnership’s', async () => {
    const trip = await h.as.officer.post('/api/activities', {
      type: 'delegation_trip',
      partnershipIds: [h.world.partnerships.p1],
      title: 'Delegationsreise Gesundheitswirtschaft',
      startsAt: '2026-05-12T09:00',
      endsAt: '2026-05-13T17:00',
      timeZone: 'Europe/Brussels',
      city: 'Löwen',
      country: 'BE'
    });
    expect(trip.status, JSON.stringify(trip.body)).toBe(201);
    const hits = await search('viewer', 'gesundheitswirtschaft');
    expect(hits).toEqual([{ type: 'activity', id: trip.body.id, title: 'Delegationsreise Gesundheitswirtschaft', details: expect.objectContaining({ city: 'Löwen', startsOn: '2026-05-12' }) }]);
    expect((await search('viewer', 'lowen')).map((hit) => hit.type)).toContain('activity');
    expect(await search('outsider', 'gesundheitswirtschaft')).toEqual([]);
  });
});

describe('/api/search, calls and candidate projects', () => {
  it('finds any call, and the candidate projects of the caller’s partnerships only', async () => {
    const call = await h.as.officer.post('/api/calls', { identifier: 'INTERREG-NWE-2027-HYDROGEN', title: 'Wasserstofftäler Nordwesteuropa', deadlineModel: 'single_stage', deadlines: [{ at: '2027-03-15T12:00', timeZone: 'Europe/Brussels' }] });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    const proposal = await h.as.officer.post('/api/proposals', { acronym: 'H2VALLEY', title: 'Wasserstofftal Rhein-Neckar–Leuven', partnershipId: h.world.partnerships.p1 });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    expect(await search('outsider', 'wasserstofftaler')).toEqual([{ type: 'call', id: call.body.id, title: 'Wasserstofftäler Nordwesteuropa', details: expect.objectContaining({ code: 'INTERREG-NWE-2027-HYDROGEN' }) }]);
    expect((await search('viewer', 'h2valley')).map((hit) => [hit.type, hit.details.stage])).toEqual([['proposal', 'idea']]);
    expect(await search('outsider', 'h2valley')).toEqual([]);
  });
});
