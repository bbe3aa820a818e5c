/**
 * Live events of a work plan over Server-Sent Events, read from the app's
 * own response stream: a second client receives `hello` with the presence
 * first, then each presence change (joining, editing, leaving) and each
 * change to the plan (item added, changed with the merged fields, moved,
 * removed, restored; the header when approvals change).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';
import { newItem, newPlan, openEvents, pfbOfficer } from '../../support/work-plans.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

describe('GET /api/workplans/:id/events', () => {
  it('is refused to outsiders (404) and anonymous callers (401)', async () => {
    const plan = await newPlan(h, 2027);
    expectProblem(await h.as.outsider.get(`/api/workplans/${plan.id}/events`), 404);
    expectProblem(await h.anonymous.get(`/api/workplans/${plan.id}/events`), 401);
    expectProblem(await h.as.outsider.put(`/api/workplans/${plan.id}/presence`, { editing: null }), 404);
    expectProblem(await h.as.viewer.put(`/api/workplans/${plan.id}/presence`, { editing: 'x' }), 403);
  });

  it('sends a second client every change and every presence update, and forgets a closed stream', async () => {
    const plan = await newPlan(h, 2028);
    const pfb = await pfbOfficer(h);
    const pfbToken = pfb.token;

    // the PFB officer watches first
    const watcher = await openEvents(h, plan.id, pfbToken);
    const hello = await watcher.next();
    expect(hello).toEqual({ event: 'hello', data: { presence: { viewers: [{ userId: pfb.id, name: 'Pfb Officer', organisationName: 'Provincie Vlaams-Brabant', editing: null }] } } });
    expect((await watcher.next()).event).toBe('presence');

    // the VRRN officer joins: the watcher sees both
    const editor = await openEvents(h, plan.id, h.world.users.officer.token);
    expect((await editor.next()).data.presence.viewers.map((v: any) => v.name)).toEqual(['Pfb Officer', 'Officer']);
    const joined = await watcher.nextOf('presence');
    expect(joined.event.data.viewers.map((v: any) => [v.name, v.organisationName])).toEqual([
      ['Pfb Officer', 'Provincie Vlaams-Brabant'],
      ['Officer', 'Verband Region Rhein-Neckar']
    ]);

    // an item added
    const item = await newItem(h, plan.id, { title: 'Live item' });
    const added = (await watcher.nextOf('item')).event.data;
    expect(added).toMatchObject({ action: 'create', record: { id: item.id, title: 'Live item', version: 1 }, actor: { name: 'Officer' }, mergedFields: [] });

    // presence: editing that item
    expect((await h.as.officer.put(`/api/workplans/${plan.id}/presence`, { editing: item.id })).status).toBe(204);
    const editing = (await watcher.nextOf('presence')).event.data;
    expect(editing.viewers.find((v: any) => v.name === 'Officer').editing).toBe(item.id);

    // a change, then a merged change from a stale version
    await h.as.officer.patch(`/api/workplans/${plan.id}/items/${item.id}`, { title: 'Live item, renamed' }, { ifMatch: '"1"' });
    expect((await watcher.nextOf('item')).event.data).toMatchObject({ action: 'update', record: { title: 'Live item, renamed', version: 2 }, mergedFields: [] });
    await pfb.client.patch(`/api/workplans/${plan.id}/items/${item.id}`, { status: 'done' }, { ifMatch: '"1"' });
    expect((await watcher.nextOf('item')).event.data).toMatchObject({ action: 'merge', record: { status: 'done', version: 3 }, actor: { name: 'Pfb Officer' }, mergedFields: ['title'] });

    // moved, removed, restored
    const other = await newItem(h, plan.id, { title: 'Second' });
    await watcher.nextOf('item');
    await h.as.officer.post(`/api/workplans/${plan.id}/items/${other.id}/move`, { after: null }, { ifMatch: '"1"' });
    expect((await watcher.nextOf('item')).event.data).toMatchObject({ action: 'move', record: { id: other.id, version: 2 } });
    await h.as.officer.delete(`/api/workplans/${plan.id}/items/${other.id}`, { ifMatch: '"2"' });
    expect((await watcher.nextOf('item-removed')).event.data).toEqual({ id: other.id, actor: { id: h.world.users.officer.id, name: 'Officer' } });
    await h.as.officer.post(`/api/workplans/${plan.id}/items/${other.id}/restore`, { version: 2 }, { ifMatch: '"3"' });
    expect((await watcher.nextOf('item')).event.data).toMatchObject({ action: 'restore', record: { id: other.id, version: 4 } });

    // the header: introduction, proposal, approval (each reader sees its own rights), withdrawal by an edit
    await h.as.officer.patch(`/api/workplans/${plan.id}`, { introduction: 'Live intro' }, { ifMatch: '"1"' });
    expect((await watcher.nextOf('document')).event.data).toMatchObject({ id: plan.id, introduction: 'Live intro', version: 2 });
    await h.as.officer.post(`/api/workplans/${plan.id}/propose`);
    const proposed = (await watcher.nextOf('document')).event.data;
    expect(proposed.status).toBe('proposed');
    expect(proposed.canApproveFor).toEqual([proposed.parties[1].id]);
    await h.as.officer.post(`/api/workplans/${plan.id}/approve`, {});
    expect((await watcher.nextOf('document')).event.data.approvals.map((a: any) => a.approved)).toEqual([true, false]);
    await pfb.client.patch(`/api/workplans/${plan.id}/items/${item.id}`, { indicator: 'Visits' }, { ifMatch: '"3"' });
    const next = await watcher.nextOf('document');
    expect(next.skipped.map((e) => e.event)).toEqual(['item']);
    expect(next.event.data.approvals[0]).toMatchObject({ approved: false, withdrawn: { reason: 'Item “Live item, renamed” changed by Pfb Officer' } });

    // leaving: the watcher sees the officer go; a closed stream is forgotten
    await editor.close();
    const left = (await watcher.nextOf('presence')).event.data;
    expect(left.viewers.map((v: any) => v.name)).toEqual(['Pfb Officer']);
    await watcher.close();
    // nobody is left in the room: later changes go nowhere and nothing breaks
    expect((await h.as.officer.patch(`/api/workplans/${plan.id}/items/${item.id}`, { targetValue: '3' }, { ifMatch: '"4"' })).status).toBe(200);
  });
});
