import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

describe('the seeded programme catalogue', () => {
  it('is there in every database, with stable ids, rates where one rate holds and the source of each', async () => {
    const all = (await allPages(h.as.viewer, '/api/programmes?limit=200')).items;
    const byId = new Map(all.map((p) => [p.id, p]));
    for (const id of [
      'programme-interreg',
      'programme-interreg-a',
      'programme-interreg-de-nl',
      'programme-interreg-oberrhein',
      'programme-interreg-b',
      'programme-interreg-nwe',
      'programme-interreg-c',
      'programme-interreg-europe',
      'programme-urbact',
      'programme-espon',
      'programme-horizon-europe',
      'programme-erasmus-plus',
      'programme-life',
      'programme-digital-europe',
      'programme-single-market',
      'programme-cosme',
      'programme-cerv',
      'programme-creative-europe',
      'programme-eafrd-leader',
      'programme-erdf',
      'programme-regiowin-2030',
      'programme-walter-hallstein'
    ]) {
      expect(byId.has(id), id).toBe(true);
      expect(byId.get(id).source, id).toEqual(expect.any(String));
    }
    expect(byId.get('programme-interreg-nwe')).toMatchObject({ family: 'interreg', parentId: 'programme-interreg-b', parentName: 'Interreg B – transnational cooperation', cofinancingRate: '0.60', cutOffTime: '12:00:00', cutOffZone: 'Europe/Brussels' });
    expect(byId.get('programme-interreg-europe')).toMatchObject({ parentId: 'programme-interreg-c', cofinancingRate: '0.80' });
    expect(byId.get('programme-life')).toMatchObject({ cofinancingRate: '0.60', cutOffTime: '17:00:00' });
    expect(byId.get('programme-digital-europe')).toMatchObject({ code: 'DIGITAL', cofinancingRate: '0.50' });
    expect(byId.get('programme-horizon-europe')).toMatchObject({ code: 'HORIZON', cofinancingRate: null, cutOffTime: '17:00:00', cutOffZone: 'Europe/Brussels' });
    expect(byId.get('programme-horizon-europe').cofinancingNote).toMatch(/100 %.*70 %/);
    expect(byId.get('programme-erasmus-plus')).toMatchObject({ cofinancingRate: null, cofinancingNote: expect.stringMatching(/lump sums/) });
    expect(byId.get('programme-regiowin-2030')).toMatchObject({
      parentId: 'programme-erdf',
      cofinancingRate: '0.40',
      cofinancingNote: 'ERDF rate 40 % of eligible costs plus 20 % from the state.',
      source: 'seed 002',
      cutOffTime: '16:00:00',
      cutOffZone: 'Europe/Berlin'
    });
    expect(byId.get('programme-cosme')).toMatchObject({ historic: true, period: '2014-2020' });
    expect(byId.get('programme-single-market')).toMatchObject({ historic: false, name: expect.stringMatching(/successor of COSME/) });
  });

  it('filters by family, parent, historic and words in the name or code', async () => {
    const interreg = (await allPages(h.as.viewer, '/api/programmes?family=interreg&limit=3')).items;
    expect(interreg.map((p) => p.id)).toEqual(expect.arrayContaining(['programme-interreg-nwe', 'programme-urbact', 'programme-espon']));
    expect(interreg.every((p) => p.family === 'interreg')).toBe(true);
    const strandC = (await h.as.viewer.get('/api/programmes?parentId=programme-interreg-c')).body.items.map((p: { id: string }) => p.id);
    expect(strandC.sort()).toEqual(['programme-espon', 'programme-interreg-europe', 'programme-urbact']);
    const historic = (await h.as.viewer.get('/api/programmes?historic=true')).body.items.map((p: { id: string }) => p.id);
    expect(historic).toEqual(expect.arrayContaining(['programme-cosme', 'programme-fch2-ju']));
    expect(historic).not.toContain('programme-single-market');
    expect((await h.as.viewer.get('/api/programmes?q=hallstein')).body.items.map((p: { id: string }) => p.id)).toEqual(['programme-walter-hallstein']);
    expect((await h.as.viewer.get('/api/programmes?q=nwe')).body.items.map((p: { id: string }) => p.id)).toEqual(['programme-interreg-nwe']);
    // a % is a character, not a wildcard
    expect((await h.as.viewer.get('/api/programmes?q=%25')).body.items).toEqual([]);
    const sorted = (await allPages(h.as.viewer, '/api/programmes?sort=-code&limit=7')).items.map((p) => p.code);
    expect(sorted).toEqual([...sorted].sort().reverse());
    expectProblem(await h.as.viewer.get('/api/programmes?family=bananas'), 400, 'query.family');
  });
});

describe('/api/programmes writes', () => {
  it('lets a writer add a programme, normalising rate, code and cut-off, with an audit event', async () => {
    const created = await h.as.editor.post('/api/programmes', {
      code: 'interreg-nl-vl',
      name: 'Interreg Vlaanderen-Nederland',
      family: 'interreg',
      parentId: 'programme-interreg-a',
      period: '2021-2027',
      cofinancingRate: 0.6,
      cofinancingNote: 'ERDF 60 %.',
      source: 'Interreg Vlaanderen-Nederland programme manual',
      cutOffTime: '12:00',
      cutOffZone: 'Europe/Brussels'
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ code: 'INTERREG-NL-VL', cofinancingRate: '0.60', cutOffTime: '12:00:00', parentName: 'Interreg A – cross-border cooperation', historic: false, createdBy: h.world.users.editor.id });
    expect((await h.as.outsider.get(`/api/programmes/${created.body.id}`)).body).toEqual(created.body);
    expect(await auditActions(h, 'programme', created.body.id)).toEqual(['create']);
    const trail = await h.as.outsider.get(`/api/audit?entityType=programme&entityId=${created.body.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0].after.code).toBe('INTERREG-NL-VL');
  });

  it('refuses bad fields at their paths and stores nothing', async () => {
    const before = await tableCounts(h);
    const reply = await h.as.officer.post('/api/programmes', {
      code: 'bad code!',
      name: ' ',
      family: 'lottery',
      period: '2027-2021',
      cofinancingRate: '1.5',
      cutOffTime: '25:00',
      cutOffZone: 'Europe/Atlantis',
      colour: 'blue'
    });
    expectProblem(reply, 400);
    const paths = reply.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'family', 'period', 'cofinancingRate', 'cutOffTime', 'cutOffZone', 'colour']));
    expectProblem(await h.as.officer.post('/api/programmes', { code: 'X1', name: 'X', family: 'other', cofinancingRate: 0 }), 400, 'cofinancingRate');
    expectProblem(await h.as.officer.post('/api/programmes', { code: 'X1', name: 'X', family: 'other', parentId: 'programme-nothing' }), 400, 'parentId');
    const taken = await h.as.officer.post('/api/programmes', { code: 'life', name: 'Another LIFE', family: 'life' });
    expectProblem(taken, 409, 'code');
    expect(taken.body.existingId).toBe('programme-life');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('changes a programme with If-Match, refuses a stale one (412) and a loop in the tree', async () => {
    const created = await h.as.officer.post('/api/programmes', { code: 'TEST-PARENT', name: 'Test parent', family: 'regional' });
    const child = await h.as.officer.post('/api/programmes', { code: 'TEST-CHILD', name: 'Test child', family: 'regional', parentId: created.body.id });
    const changed = await h.as.editor.patch(`/api/programmes/${created.body.id}`, { name: 'Test parent (renamed)', cofinancingRate: '0.7', historic: true }, { ifMatch: '"1"' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Test parent (renamed)', cofinancingRate: '0.70', historic: true, version: 2 });
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await h.as.officer.patch(`/api/programmes/${created.body.id}`, { name: 'Lost update' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current.name).toBe('Test parent (renamed)');
    expectProblem(await h.as.officer.patch(`/api/programmes/${created.body.id}`, { parentId: child.body.id }), 400, 'parentId');
    expectProblem(await h.as.officer.patch(`/api/programmes/${created.body.id}`, { parentId: created.body.id }), 400, 'parentId');
    expectProblem(await h.as.officer.patch(`/api/programmes/${created.body.id}`, { code: 'HORIZON' }), 409, 'code');
    expect(await auditActions(h, 'programme', created.body.id)).toEqual(['create', 'update']);
  });

  it('keeps viewers to reading (403) and deleting to system administrators, refusing a programme in use (409)', async () => {
    expectProblem(await h.as.viewer.post('/api/programmes', { code: 'VIEW', name: 'Viewer programme', family: 'other' }), 403);
    expectProblem(await h.as.viewer.patch('/api/programmes/programme-life', { name: 'LIFE!' }), 403);
    expectProblem(await h.as.officer.delete('/api/programmes/programme-life'), 403);
    expectProblem(await h.as.viewer.get('/api/programmes/programme-nothing'), 404);

    const inUse = await h.as.sysadmin.delete('/api/programmes/programme-interreg-c');
    expectProblem(inUse, 409);
    expect(inUse.body.usage).toEqual({ calls: 0, children: 3 });
    const call = await h.as.officer.post('/api/calls', { identifier: 'LIFE-2026-TEST-IN-USE', title: 'In use', programmeId: 'programme-life' });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    expect((await h.as.sysadmin.delete('/api/programmes/programme-life')).body.usage).toEqual({ calls: 1, children: 0 });

    const lonely = await h.as.officer.post('/api/programmes', { code: 'LONELY', name: 'Lonely', family: 'other' });
    expectProblem(await h.as.sysadmin.delete(`/api/programmes/${lonely.body.id}`, { ifMatch: '"7"' }), 412);
    expect((await h.as.sysadmin.delete(`/api/programmes/${lonely.body.id}`, { ifMatch: '"1"' })).status).toBe(204);
    expectProblem(await h.as.viewer.get(`/api/programmes/${lonely.body.id}`), 404);
    expect(await auditActions(h, 'programme', lonely.body.id)).toEqual(['create', 'delete']);
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await h.anonymous.get('/api/programmes'), 401);
  });
});
