import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

describe('/api/regions', () => {
  it('creates, reads with an ETag, lists and pages by name', async () => {
    const created = await h.as.officer.post('/api/regions', { name: 'Noord-Brabant', country: 'nl', nutsCodes: ['nl41'], languages: ['NL'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Noord-Brabant', country: 'NL', nutsCodes: ['NL41'], languages: ['nl'], version: 1 });
    const read = await h.as.viewer.get(`/api/regions/${created.body.id}`);
    expect(read.headers.get('etag')).toBe('"1"');

    const first = await h.as.viewer.get('/api/regions?limit=2');
    expect(first.body.items.map((r: { name: string }) => r.name)).toEqual(['Berlin-Brandenburg', 'Noord-Brabant']);
    const second = await h.as.viewer.get(`/api/regions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((r: { name: string }) => r.name)).toEqual(['Rhein-Neckar', 'Vlaams-Brabant']);
    expect(second.body.nextCursor).toBeNull();
    const backwards = await h.as.viewer.get('/api/regions?sort=-name&limit=1');
    expect(backwards.body.items[0].name).toBe('Vlaams-Brabant');
  });

  it('finds regions by part of the name, whatever the case of the letters', async () => {
    for (const q of ['brabant', 'BRABANT', 'Brab']) {
      const found = await h.as.viewer.get(`/api/regions?q=${q}`);
      expect(found.body.items.map((r: { name: string }) => r.name), q).toEqual(['Noord-Brabant', 'Vlaams-Brabant']);
    }
  });

  it('honours If-Match: a stale version gets 412 with the current record', async () => {
    const id = h.world.regions.berlin;
    const ok = await h.as.officer.patch(`/api/regions/${id}`, { name: 'Berlin und Brandenburg' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body.nutsCodes).toEqual(['DE3', 'DE4']);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await h.as.editor.patch(`/api/regions/${id}`, { name: 'Brandenburg' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ name: 'Berlin und Brandenburg', version: 2 });
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.post('/api/regions', { name: '', country: 'XX', colour: 'blue' }), 400, 'country');
    expectProblem(await h.as.officer.post('/api/regions', { name: 'X', country: 'DE', nutsCodes: 'DE1' }), 400, 'nutsCodes');
    expectProblem(await h.as.officer.post('/api/regions', undefined, { raw: '{"name": "broken' }), 400, '');
    expectProblem(await h.as.officer.post('/api/regions', undefined, { raw: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415);
    expectProblem(await h.as.officer.get('/api/regions?cursor=nonsense'), 400, 'query.cursor');
    expectProblem(await h.as.officer.post('/api/regions', { name: 'x'.repeat(2_000_000), country: 'DE' }), 413);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lets viewers read but not write, and only administrators delete unused regions', async () => {
    expectProblem(await h.as.viewer.post('/api/regions', { name: 'Limburg', country: 'BE' }), 403);
    expectProblem(await h.as.officer.delete(`/api/regions/${h.world.regions.rheinNeckar}`), 403);
    expectProblem(await h.as.sysadmin.delete(`/api/regions/${h.world.regions.rheinNeckar}`), 409);
    const spare = await h.as.officer.post('/api/regions', { name: 'Limburg', country: 'BE' });
    expect((await h.as.sysadmin.delete(`/api/regions/${spare.body.id}`)).status).toBe(204);
    expectProblem(await h.as.officer.get(`/api/regions/${spare.body.id}`), 404);
  });

  it('leaves an audit event for every write', async () => {
    const created = await h.as.officer.post('/api/regions', { name: 'Leuven area', country: 'BE' });
    await h.as.officer.patch(`/api/regions/${created.body.id}`, { languages: ['nl', 'fr'] });
    await h.as.officer.patch(`/api/regions/${created.body.id}`, { name: 'Leuven area' }); // changes nothing: no history entry
    const rows = (await allRows(h, 'SELECT action, before, after FROM audit_events WHERE entity_id = ? ORDER BY at, id', created.body.id)) as { action: string; before: string | null; after: string }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(rows[1]!.before!).languages).toEqual([]);
    expect(JSON.parse(rows[1]!.after).languages).toEqual(['nl', 'fr']);
  });
});
