import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { allPages } from '../../support/crm.js';
import { insertCallDirect, insertProgrammeDirect } from '../../support/calls-direct.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { firstRow } from '../../support/sql.js';

const NOW = '2026-11-23T10:00:00Z';
const MISSING = '00000000-0000-7000-8000-000000000000';

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

describe('watching calls', () => {
  it('watches a call once however often it is asked, and stops', async () => {
    const call = await insertCallDirect(h.db, { identifier: 'HORIZON-CL5-2027-D3-01', title: 'Hydrogen valleys', deadlines: [{ at: '2027-03-25T16:00:00Z' }] });
    const before = await h.as.officer.get(`/api/calls/${call.id}/watch`);
    expect(before.body).toEqual({ callId: call.id, watching: false, watchedAt: null });

    const first = await h.as.officer.put(`/api/calls/${call.id}/watch`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ callId: call.id, watching: true, watchedAt: '2026-11-23T10:00:00.000Z' });
    h.setNow('2026-11-24T10:00:00Z');
    const again = await h.as.officer.put(`/api/calls/${call.id}/watch`);
    expect(again.body.watchedAt).toBe('2026-11-23T10:00:00.000Z');
    expect((await firstRow(h, 'SELECT count(*) AS n FROM call_watches WHERE call_id = ?', call.id))).toEqual({ n: 1 });

    // watching is personal: someone else's state is their own
    expect((await h.as.editor.get(`/api/calls/${call.id}/watch`)).body.watching).toBe(false);

    const stop = await h.as.officer.delete(`/api/calls/${call.id}/watch`);
    expect(stop.status).toBe(204);
    expect((await h.as.officer.get(`/api/calls/${call.id}/watch`)).body.watching).toBe(false);
    expect((await h.as.officer.delete(`/api/calls/${call.id}/watch`)).status).toBe(204);
    h.setNow(NOW);
  });

  it('lets viewers and members of other partnerships watch too: calls are public, watching changes nothing of theirs', async () => {
    const call = await insertCallDirect(h.db, { deadlines: [{ at: '2027-01-15T11:00:00Z' }] });
    for (const as of [h.as.viewer, h.as.outsider, h.as.sysadmin]) expect((await as.put(`/api/calls/${call.id}/watch`)).status).toBe(200);
    expect((await firstRow(h, 'SELECT count(*) AS n FROM call_watches WHERE call_id = ?', call.id))).toEqual({ n: 3 });
  });

  it('answers 404 for a call that does not exist, and changes nothing', async () => {
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.put(`/api/calls/${MISSING}/watch`), 404);
    expectProblem(await h.as.officer.delete(`/api/calls/${MISSING}/watch`), 404);
    expectProblem(await h.as.officer.get(`/api/calls/${MISSING}/watch`), 404);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lists the watched calls, most recently watched first, with their deadlines and the next one ahead', async () => {
    const programme = await insertProgrammeDirect(h.db, 'TEST-INTERREG-NWE', 'Interreg North-West Europe');
    const twoStage = await insertCallDirect(h.db, {
      identifier: 'NWE-2027-1',
      title: 'Circular regions',
      programmeId: programme,
      deadlines: [
        { at: '2026-10-01T10:00:00Z', label: 'Step 1' },
        { at: '2027-02-04T11:00:00Z', label: 'Step 2', zone: 'Europe/Paris' }
      ]
    });
    const closed = await insertCallDirect(h.db, { identifier: 'OLD-2026', deadlines: [{ at: '2026-05-01T15:00:00Z' }] });
    const noDeadline = await insertCallDirect(h.db, { identifier: 'FORTHCOMING-2027' });
    for (const [i, call] of [twoStage, closed, noDeadline].entries()) {
      h.setNow(`2026-11-23T1${i}:30:00Z`);
      expect((await h.as.editor.put(`/api/calls/${call.id}/watch`)).status).toBe(200);
    }
    h.setNow(NOW);
    const list = await h.as.editor.get('/api/calls/watched');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { identifier: string }) => c.identifier)).toEqual(['FORTHCOMING-2027', 'OLD-2026', 'NWE-2027-1']);
    const nwe = list.body.items[2];
    expect(nwe).toMatchObject({
      callId: twoStage.id,
      title: 'Circular regions',
      programmeId: programme,
      programmeName: 'Interreg North-West Europe',
      watchedAt: '2026-11-23T10:30:00.000Z',
      nextDeadline: { id: twoStage.deadlineIds[1], label: 'Step 2', at: '2027-02-04T11:00:00.000Z', timeZone: 'Europe/Paris' }
    });
    expect(nwe.deadlines).toHaveLength(2);
    expect(list.body.items[1].nextDeadline).toBeNull();
    expect(list.body.items[0].deadlines).toEqual([]);

    // keyset pages hold the same calls
    const paged = await allPages(h.as.editor, '/api/calls/watched?limit=1');
    expect(paged.pages).toBe(3);
    expect(paged.items.map((c) => c.callId)).toEqual(list.body.items.map((c: { callId: string }) => c.callId));
    // nobody else sees the editor's list
    expect(JSON.stringify((await h.as.officer.get('/api/calls/watched')).body)).not.toContain(twoStage.id);
  });

  it('refuses a bad page size or cursor with the field named', async () => {
    expectProblem(await h.as.editor.get('/api/calls/watched?limit=0'), 400, 'query.limit');
    expectProblem(await h.as.editor.get('/api/calls/watched?cursor=nonsense'), 400, 'query.cursor');
  });

  it('forgets the watch when the call is deleted', async () => {
    const call = await insertCallDirect(h.db, {});
    await h.as.editor.put(`/api/calls/${call.id}/watch`);
    await h.db.deleteFrom('calls').where('id', '=', call.id).execute();
    expect((await firstRow(h, 'SELECT count(*) AS n FROM call_watches WHERE call_id = ?', call.id))).toEqual({ n: 0 });
  });
});
