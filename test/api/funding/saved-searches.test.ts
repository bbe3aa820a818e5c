import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMatches } from '../../../api/funding/services/saved-searches.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { allPages } from '../../support/crm.js';
import { insertProgrammeDirect } from '../../support/calls-direct.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';

const NOW = '2026-11-23T10:00:00Z';
const MISSING = '00000000-0000-7000-8000-000000000000';

let h: ClockedHarness;
let programme: string;
let p1Domain: string;
beforeAll(async () => {
  h = await clockedHarness(NOW);
  programme = await insertProgrammeDirect(h.db, 'TEST-LIFE', 'LIFE');
  const domain = await h.as.officer.post(`/api/partnerships/${h.world.partnerships.p1}/domains`, { code: 'hydrogen', labels: { en: 'Hydrogen', de: 'Wasserstoff', nl: 'Waterstof' } });
  expect(domain.status, JSON.stringify(domain.body)).toBe(201);
  p1Domain = domain.body.id;
});
afterAll(() => h.close());

describe('/api/saved-searches', () => {
  it('saves a search with its criteria and reads it back with an ETag', async () => {
    const criteria = { q: 'green ports', programmeId: programme, domainId: 'domain-energy', keyword: 'hydrogen', status: 'open', deadlineFrom: '2027-01-01', deadlineTo: '2027-06-30' };
    const created = await h.as.officer.post('/api/saved-searches', { name: '  Hydrogen in LIFE  ', criteria });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Hydrogen in LIFE',
      criteria,
      lastDigestAt: null,
      version: 1,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z'
    });
    const read = await h.as.officer.get(`/api/saved-searches/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
  });

  it('keeps each user’s searches to themselves: 404 for anyone else, as for a missing one', async () => {
    const mine = await h.as.viewer.post('/api/saved-searches', { name: 'Everything new' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.criteria).toEqual({});
    const before = await tableCounts(h);
    for (const other of [h.as.officer, h.as.outsider, h.as.sysadmin]) {
      const foreign = await other.get(`/api/saved-searches/${mine.body.id}`);
      expectProblem(foreign, 404);
      expect(foreign.body).toEqual((await other.get(`/api/saved-searches/${MISSING}`)).body);
      expectProblem(await other.patch(`/api/saved-searches/${mine.body.id}`, { name: 'Taken' }), 404);
      expectProblem(await other.delete(`/api/saved-searches/${mine.body.id}`), 404);
      expect(JSON.stringify((await other.get('/api/saved-searches')).body)).not.toContain(mine.body.id);
    }
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lists the caller’s searches oldest first, page by page', async () => {
    for (const name of ['B search', 'C search']) {
      h.setNow(name === 'B search' ? '2026-11-23T11:00:00Z' : '2026-11-23T12:00:00Z');
      expect((await h.as.officer.post('/api/saved-searches', { name })).status).toBe(201);
    }
    h.setNow(NOW);
    const all = await allPages(h.as.officer, '/api/saved-searches?limit=2');
    expect(all.pages).toBe(2);
    expect(all.items.map((s) => s.name)).toEqual(['Hydrogen in LIFE', 'B search', 'C search']);
  });

  it('changes the name or replaces the criteria with If-Match; a stale one gets 412 with the current record', async () => {
    const created = (await h.as.editor.post('/api/saved-searches', { name: 'Interreg', criteria: { keyword: 'mobility' } })).body;
    const renamed = await h.as.editor.patch(`/api/saved-searches/${created.id}`, { name: 'Interreg mobility' }, { ifMatch: '"1"' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(renamed.body).toMatchObject({ name: 'Interreg mobility', criteria: { keyword: 'mobility' }, version: 2 });

    const replaced = await h.as.editor.patch(`/api/saved-searches/${created.id}`, { criteria: { status: 'forthcoming' } });
    expect(replaced.body).toMatchObject({ name: 'Interreg mobility', criteria: { status: 'forthcoming' }, version: 3 });

    const stale = await h.as.editor.patch(`/api/saved-searches/${created.id}`, { name: 'Lost' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ name: 'Interreg mobility', version: 3 });
    expectProblem(await h.as.editor.delete(`/api/saved-searches/${created.id}`, { ifMatch: '"2"' }), 412);
    expect((await h.as.editor.get(`/api/saved-searches/${created.id}`)).body.name).toBe('Interreg mobility');

    expect((await h.as.editor.delete(`/api/saved-searches/${created.id}`, { ifMatch: '"3"' })).status).toBe(204);
    expectProblem(await h.as.editor.get(`/api/saved-searches/${created.id}`), 404);
  });

  it('refuses criteria a person can correct, naming each field, and stores nothing', async () => {
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.post('/api/saved-searches', { criteria: {} }), 400, 'name');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: '   ' }), 400, 'name');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { status: 'pending' } }), 400, 'criteria.status');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { deadlineFrom: '2027-13-01' } }), 400, 'criteria.deadlineFrom');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { deadlineFrom: '2027-06-01', deadlineTo: '2027-05-01' } }), 400, 'criteria.deadlineTo');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { keyword: '  ' } }), 400, 'criteria.keyword');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { colour: 'red' } }), 400, 'criteria.colour');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { programmeId: MISSING } }), 400, 'criteria.programmeId');
    expectProblem(await h.as.officer.post('/api/saved-searches', { name: 'X', criteria: { domainId: MISSING } }), 400, 'criteria.domainId');
    // a partnership's own domain is unknown to those outside it
    expectProblem(await h.as.outsider.post('/api/saved-searches', { name: 'X', criteria: { domainId: p1Domain } }), 400, 'criteria.domainId');
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.viewer.post('/api/saved-searches', { name: 'Our hydrogen', criteria: { domainId: p1Domain } })).status).toBe(201);
  });
});

describe('callMatches', () => {
  const call = {
    id: 'call-a',
    programme_id: 'programme-a',
    opening_at: '2026-10-01T00:00:00.000Z',
    keywords: ['Hydrogen', 'ports'],
    domainIds: ['domain-energy'],
    // 21:30Z on 31 March is 23:30 in Brussels (still the 31st) and 00:30 on 1 April in Helsinki
    deadlines: [{ at: '2027-03-31T21:30:00.000Z', timeZone: 'Europe/Helsinki' }]
  };
  const now = new Date(NOW);

  it('needs every criterion given', () => {
    expect(callMatches(call, {}, now)).toBe(true);
    expect(callMatches(call, { programmeId: 'programme-a', domainId: 'domain-energy', keyword: 'HYDROGEN', status: 'open' }, now)).toBe(true);
    expect(callMatches(call, { programmeId: 'programme-b' }, now)).toBe(false);
    expect(callMatches(call, { domainId: 'domain-tourism' }, now)).toBe(false);
    expect(callMatches(call, { keyword: 'hydro' }, now)).toBe(false);
    expect(callMatches(call, { status: 'closed' }, now)).toBe(false);
    expect(callMatches(call, { status: 'closed' }, new Date('2027-04-02T00:00:00Z'))).toBe(true);
    expect(callMatches(call, { status: 'forthcoming' }, new Date('2026-09-01T00:00:00Z'))).toBe(true);
  });

  it('keeps to the calls holding the words searched for, as the search index found them', () => {
    expect(callMatches(call, { q: 'hydrogen ports' }, now, undefined, new Set(['call-a']))).toBe(true);
    expect(callMatches(call, { q: 'tourism' }, now, undefined, new Set(['call-b']))).toBe(false);
    // words that are no word to look for (only punctuation) restrict nothing, as in the list
    expect(callMatches(call, { q: '–' }, now, undefined, null)).toBe(true);
    expect(() => callMatches(call, { q: 'hydrogen' }, now)).toThrow(/callsMatchingWords/);
  });

  it('counts the sub-programmes of the programme asked for, when given', () => {
    expect(callMatches(call, { programmeId: 'programme-parent' }, now)).toBe(false);
    expect(callMatches(call, { programmeId: 'programme-parent' }, now, new Set(['programme-parent', 'programme-a']))).toBe(true);
    expect(callMatches({ ...call, programme_id: null }, { programmeId: 'programme-parent' }, now, new Set(['programme-parent']))).toBe(false);
  });

  it('reads the deadline range as Brussels days, as the calls list does', () => {
    expect(callMatches(call, { deadlineTo: '2027-03-31' }, now)).toBe(true);
    expect(callMatches(call, { deadlineFrom: '2027-04-01' }, now)).toBe(false);
    expect(callMatches(call, { deadlineFrom: '2027-03-31', deadlineTo: '2027-03-31' }, now)).toBe(true);
    expect(callMatches({ ...call, deadlines: [{ at: '2027-03-31T22:00:00.000Z', timeZone: 'Europe/Brussels' }] }, { deadlineTo: '2027-03-31' }, now)).toBe(false);
    expect(callMatches({ ...call, deadlines: [] }, { deadlineFrom: '2020-01-01' }, now)).toBe(false);
  });
});
