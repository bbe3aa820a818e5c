/**
 * Who may own a task of a partnership (GET /api/partnerships/{id}/task-owners):
 * its writers from both parties, the party's contact person marked when their
 * account is theirs; viewers and disabled accounts are neither offered nor
 * accepted. The tasks API, the next steps and the follow-ups accept the
 * listed people and refuse others in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { createPerson } from '../../support/crm.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem } from '../../support/http.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
  // the Flemish party's contact person is the editor (her account has the contact's work address)
  const person = await createPerson(h.as.officer, { name: 'Eva Editor', organisationId: h.world.organisations.pfb, emails: ['Editor@test.regiodesk.eu'] });
  await h.db.updateTable('partnership_parties').set({ contact_person_id: person.id }).where('partnership_id', '=', h.world.partnerships.p1).where('organisation_id', '=', h.world.organisations.pfb).execute();
});
afterAll(() => h.close());

const url = () => `/api/partnerships/${h.world.partnerships.p1}/task-owners`;

describe('GET /api/partnerships/:id/task-owners', () => {
  it('lists the writers of both parties by name, with their organisation and the contact person marked', async () => {
    const reply = await h.as.officer.get(url());
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.items).toEqual([
      { userId: h.world.users.admin.id, name: 'Admin', organisationName: expect.any(String), role: 'admin', contactPersonOf: null },
      { userId: h.world.users.editor.id, name: 'Editor', organisationName: expect.any(String), role: 'editor', contactPersonOf: expect.any(String) },
      { userId: h.world.users.officer.id, name: 'Officer', organisationName: expect.any(String), role: 'officer', contactPersonOf: null }
    ]);
    const [admin, editor] = reply.body.items;
    expect(editor.organisationName).not.toBe(admin.organisationName);
  });

  it('is open to every writer (the editor too), not to viewers (403) nor outsiders (404)', async () => {
    expect((await h.as.editor.get(url())).status).toBe(200);
    expectProblem(await h.as.viewer.get(url()), 403);
    expectProblem(await h.as.outsider.get(url()), 404);
    expectProblem(await h.as.officer.get(`/api/partnerships/${newId()}/task-owners`), 404);
    expect((await h.anonymous.get(url())).status).toBe(401);
  });

  it('leaves out a member whose account is disabled, and refuses them as owner', async () => {
    await h.db.updateTable('users').set({ disabled_at: '2026-01-01T00:00:00Z' }).where('id', '=', h.world.users.admin.id).execute();
    try {
      const reply = await h.as.officer.get(url());
      expect(reply.body.items.map((o: { userId: string }) => o.userId)).not.toContain(h.world.users.admin.id);
      const task = await h.as.officer.post('/api/tasks', { title: 'Call the chamber', dueOn: '2026-12-15', partnershipId: h.world.partnerships.p1, ownerId: h.world.users.admin.id });
      expectProblem(task, 400, 'ownerId');
    } finally {
      await h.db.updateTable('users').set({ disabled_at: null }).where('id', '=', h.world.users.admin.id).execute();
    }
  });
});

describe('owners the tasks accept', () => {
  it('gives a next step to the partner’s writer: it is in their tasks', async () => {
    const created = await h.as.officer.post('/api/tasks', { kind: 'next_step', title: 'Send the cluster list', dueOn: '2026-12-15', partnershipId: h.world.partnerships.p1, ownerId: h.world.users.editor.id });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ownerId: h.world.users.editor.id, ownerName: 'Editor' });
    const mine = await h.as.editor.get('/api/tasks?mine=true');
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
  });

  it('refuses a viewer or an outsider as owner, saying who may own it', async () => {
    for (const who of ['viewer', 'outsider'] as const) {
      const reply = await h.as.officer.post('/api/tasks', { title: 'Call the chamber', dueOn: '2026-12-15', partnershipId: h.world.partnerships.p1, ownerId: h.world.users[who].id });
      expectProblem(reply, 400, 'ownerId');
      expect(reply.body.errors[0].message).toBe(ENGLISH_REFUSAL);
    }
  });
});
const ENGLISH_REFUSAL = 'The owner is you or a member of the task’s partnership who may change its records.';
