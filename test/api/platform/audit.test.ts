import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { createInteraction, createOrganisation, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const trail = (type: string, id: string) => `/api/audit?entityType=${type}&entityId=${encodeURIComponent(id)}`;

describe('/api/audit', () => {
  it('answers the trail of a record, newest first, with actor, before and after', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Leuven MindGate', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    await h.as.officer.patch(`/api/organisations/${org.id}`, { name: 'Leuven MindGate vzw' });
    const reply = await h.as.viewer.get(trail('organisation', org.id));
    expect(reply.status).toBe(200);
    expect(reply.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(reply.body.items[0]).toMatchObject({
      entityType: 'organisation',
      entityId: org.id,
      actor: { id: h.world.users.officer.id, name: 'Officer' },
      before: { name: 'Leuven MindGate' },
      after: { name: 'Leuven MindGate vzw' }
    });
    expect(reply.body.items[1]).toMatchObject({ actor: { id: h.world.users.editor.id }, before: null, after: { name: 'Leuven MindGate' } });
  });

  it('answers 404 where the caller may not see the record, exactly as for a missing one', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Only PFB sees this', country: 'BE' });
    const person = await createPerson(h.as.editor, { name: 'Only PFB sees her' });
    const note = await createInteraction(h.as.editor, { personId: person.id });
    for (const [type, id] of [['organisation', org.id], ['person', person.id], ['interaction', note.id]] as const) {
      expect((await h.as.editor.get(trail(type, id))).body.items.length).toBeGreaterThan(0);
      const hidden = await h.as.outsider.get(trail(type, id));
      expectProblem(hidden, 404);
      expect(hidden.body.detail).toBe((await h.as.outsider.get(trail(type, 'no-such-id'))).body.detail);
      expectProblem(await h.as.officer.get(trail(type, id)), 404);
    }
    expect((await h.as.sysadmin.get(trail('organisation', org.id))).status).toBe(200);
  });

  it('applies the visibility of each kind of record: partnerships, regions and users', async () => {
    expect((await h.as.viewer.get(trail('partnership', h.world.partnerships.p1))).status).toBe(200);
    expectProblem(await h.as.outsider.get(trail('partnership', h.world.partnerships.p1)), 404);
    const region = await h.as.officer.post('/api/regions', { name: 'Limburg', country: 'BE' });
    const regionTrail = await h.as.outsider.get(trail('region', region.body.id));
    expect(regionTrail.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expectProblem(await h.as.outsider.get(trail('region', 'no-such-region')), 404);
    expect((await h.as.editor.get(trail('user', h.world.users.editor.id))).status).toBe(200);
    expectProblem(await h.as.editor.get(trail('user', h.world.users.officer.id)), 404);
    expect((await h.as.sysadmin.get(trail('user', h.world.users.officer.id))).status).toBe(200);
  });

  it('keeps the trail of a deleted record for system administrators only', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'Short-lived BV', country: 'BE' });
    expect((await h.as.editor.delete(`/api/organisations/${org.id}`)).status).toBe(204);
    expectProblem(await h.as.editor.get(trail('organisation', org.id)), 404);
    const kept = await h.as.sysadmin.get(trail('organisation', org.id));
    expect(kept.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expectProblem(await h.as.sysadmin.get(trail('organisation', 'never-existed')), 404);
  });

  it('refuses a malformed query', async () => {
    expectProblem(await h.as.editor.get('/api/audit?entityType=thing&entityId=x'), 400, 'query.entityType');
    expectProblem(await h.as.editor.get('/api/audit?entityType=organisation'), 400, 'query.entityId');
    expectProblem(await h.as.editor.get('/api/audit?entityType=organisation&entityId=x&limit=3'), 400, 'query.limit');
  });
});
