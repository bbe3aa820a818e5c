import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions, createInteraction, createOrganisation, createPerson } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { allRows, runSql } from '../../support/sql.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const summaries = (items: { summary: string }[]) => items.map((i) => i.summary);

describe('/api/interactions', () => {
  it('logs an interaction with the caller as author, stored in UTC, and reads it back with an ETag', async () => {
    const person = await createPerson(h.as.editor, { name: 'Katrin Wellmann', organisationId: h.world.organisations.vrrn });
    const created = await h.as.editor.post('/api/interactions', {
      kind: 'call',
      occurredAt: '2024-03-01T10:30:00+01:00',
      summary: '  Agreed to prepare the delegation trip to Leuven.  ',
      organisationId: h.world.organisations.vrrn,
      personId: person.id,
      partnershipId: h.world.partnerships.p1
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      kind: 'call',
      occurredAt: '2024-03-01T09:30:00.000Z',
      summary: 'Agreed to prepare the delegation trip to Leuven.',
      organisationId: h.world.organisations.vrrn,
      organisationName: 'Verband Region Rhein-Neckar',
      personId: person.id,
      personName: 'Katrin Wellmann',
      partnershipId: h.world.partnerships.p1,
      authorId: h.world.users.editor.id,
      authorName: 'Editor',
      version: 1
    });
    const read = await h.as.officer.get(`/api/interactions/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
    expectProblem(await h.as.outsider.get(`/api/interactions/${created.body.id}`), 404);
  });

  it('refuses bad input and ids the caller cannot see, storing nothing', async () => {
    const hidden = await createPerson(h.as.outsider, { name: 'Someone at WFBB', organisationId: h.world.organisations.wfbb });
    const before = await tableCounts(h);
    const base = { kind: 'note', occurredAt: '2024-03-01T10:00:00Z', summary: 'x', organisationId: h.world.organisations.vrrn };
    const post = (body: unknown) => h.as.editor.post('/api/interactions', body);
    const anchorless = await post({ kind: 'note', occurredAt: '2024-03-01T10:00:00Z', summary: 'Orphan' });
    expectProblem(anchorless, 400, 'organisationId');
    expect(anchorless.body.errors[0].message).toContain('organisation, a person or both');
    expectProblem(await post({ ...base, summary: '   ' }), 400, 'summary');
    expectProblem(await post({ ...base, summary: 'x'.repeat(5001) }), 400, 'summary');
    expectProblem(await post({ ...base, kind: 'fax' }), 400, 'kind');
    expectProblem(await post({ ...base, occurredAt: '2024-03-01' }), 400, 'occurredAt');
    expectProblem(await post({ ...base, occurredAt: '2024-03-01T10:00:00' }), 400, 'occurredAt');
    expectProblem(await post({ ...base, occurredAt: 1709287200 }), 400, 'occurredAt');
    expectProblem(await post({ ...base, mood: 'good' }), 400, 'mood');
    expectProblem(await h.as.editor.post('/api/interactions', undefined, { raw: '{"kind":"note",}' }), 400, '');
    const invisibleOrganisation = await post({ ...base, organisationId: h.world.organisations.wfbb });
    expectProblem(invisibleOrganisation, 400, 'organisationId');
    expect(invisibleOrganisation.body.errors[0].message).toBe('No organisation with this id.');
    expectProblem(await post({ ...base, organisationId: null, personId: hidden.id }), 400, 'personId');
    expectProblem(await post({ ...base, partnershipId: h.world.partnerships.p2 }), 400, 'partnershipId');
    expectProblem(await post({ ...base, partnershipId: 'no-such-partnership' }), 400, 'partnershipId');
    expectProblem(await h.as.editor.get('/api/interactions?sort=kind'), 400, 'query.sort');
    expectProblem(await h.as.editor.get('/api/interactions?q=x'), 400, 'query.q');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lists newest first, page by page, filtered by organisation, person and partnership', async () => {
    const org = await createOrganisation(h.as.editor, { name: 'DSP Valley', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    const person = await createPerson(h.as.editor, { name: 'Bart Vanhoutte', organisationId: org.id });
    await createInteraction(h.as.editor, { organisationId: org.id, occurredAt: '2024-05-01T09:00:00Z', summary: 'May' });
    await createInteraction(h.as.editor, { organisationId: org.id, personId: person.id, occurredAt: '2024-07-01T09:00:00Z', summary: 'July', partnershipId: h.world.partnerships.p1 });
    await createInteraction(h.as.editor, { personId: person.id, occurredAt: '2024-06-01T09:00:00Z', summary: 'June' });

    const paged = await allPages(h.as.officer, `/api/interactions?organisationId=${org.id}&limit=1`);
    expect(paged.pages).toBe(2);
    expect(summaries(paged.items)).toEqual(['July', 'May']);
    expect(summaries((await allPages(h.as.officer, `/api/interactions?personId=${person.id}`)).items)).toEqual(['July', 'June']);
    expect(summaries((await allPages(h.as.officer, `/api/interactions?personId=${person.id}&sort=occurredAt`)).items)).toEqual(['June', 'July']);
    const tagged = summaries((await allPages(h.as.officer, `/api/interactions?partnershipId=${h.world.partnerships.p1}`)).items);
    expect(tagged).toContain('July');
    expect(tagged).not.toContain('May');
    expect((await h.as.outsider.get(`/api/interactions?organisationId=${org.id}`)).body.items).toEqual([]);
  });

  it('shows an interaction only to those who see everything it hangs off, including its partnership', async () => {
    const shared = await createOrganisation(h.as.sysadmin, { name: 'EGTC Rhine-Alpine', kind: 'network', country: 'DE', partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2] });
    const p2Note = await createInteraction(h.as.outsider, { organisationId: shared.id, partnershipId: h.world.partnerships.p2, summary: 'P2 business' });
    const plainNote = await createInteraction(h.as.outsider, { organisationId: shared.id, summary: 'General note' });
    expect((await h.as.outsider.get(`/api/interactions/${p2Note.id}`)).status).toBe(200);
    expectProblem(await h.as.editor.get(`/api/interactions/${p2Note.id}`), 404);
    expectProblem(await h.as.editor.patch(`/api/interactions/${p2Note.id}`, { summary: 'Mine now' }), 404);
    expectProblem(await h.as.editor.delete(`/api/interactions/${p2Note.id}`), 404);
    expect((await h.as.editor.get(`/api/interactions/${plainNote.id}`)).status).toBe(200);
    const timeline = await h.as.editor.get(`/api/organisations/${shared.id}/timeline`);
    expect(timeline.body.items.map((e: { interaction: { summary: string } }) => e.interaction.summary)).toEqual(['General note']);
  });

  it('lets the author and whoever may write the organisation change or delete it; viewers get 403', async () => {
    const note = await createInteraction(h.as.editor, { organisationId: h.world.organisations.vrrn, summary: 'Draft' });
    const before = await tableCounts(h);
    expectProblem(await h.as.viewer.patch(`/api/interactions/${note.id}`, { summary: 'Viewer edit' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/interactions/${note.id}`), 403);
    expectProblem(await h.as.viewer.post('/api/interactions', { kind: 'note', occurredAt: '2024-03-01T10:00:00Z', summary: 'x', organisationId: h.world.organisations.vrrn }), 403);
    expect(await tableCounts(h)).toEqual(before);

    const byAuthor = await h.as.editor.patch(`/api/interactions/${note.id}`, { summary: 'Final', kind: 'meeting' }, { ifMatch: '"1"' });
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body).toMatchObject({ summary: 'Final', kind: 'meeting', version: 2, authorId: h.world.users.editor.id });
    const byOfficer = await h.as.officer.patch(`/api/interactions/${note.id}`, { occurredAt: '2024-03-02T08:00:00Z' });
    expect(byOfficer.status).toBe(200);
    expect(byOfficer.body).toMatchObject({ occurredAt: '2024-03-02T08:00:00.000Z', authorId: h.world.users.editor.id, version: 3 });
    const stale = await h.as.editor.patch(`/api/interactions/${note.id}`, { summary: 'Late' }, { ifMatch: '"2"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ summary: 'Final', version: 3 });

    expectProblem(await h.as.officer.delete(`/api/interactions/${note.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.officer.delete(`/api/interactions/${note.id}`, { ifMatch: '"3"' })).status).toBe(204);
    expectProblem(await h.as.editor.get(`/api/interactions/${note.id}`), 404);
    expect(await auditActions(h, 'interaction', note.id)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it('keeps an interaction attached to something and to records the caller can see when it moves', async () => {
    const note = await createInteraction(h.as.editor, { organisationId: h.world.organisations.pfb, summary: 'Moving note' });
    const before = await tableCounts(h);
    expectProblem(await h.as.editor.patch(`/api/interactions/${note.id}`, { organisationId: null }), 400, 'organisationId');
    expectProblem(await h.as.editor.patch(`/api/interactions/${note.id}`, { organisationId: h.world.organisations.wfbb }), 400, 'organisationId');
    expectProblem(await h.as.editor.patch(`/api/interactions/${note.id}`, { partnershipId: h.world.partnerships.p2 }), 400, 'partnershipId');
    expectProblem(await h.as.editor.patch(`/api/interactions/${note.id}`, { summary: 'x'.repeat(5001) }), 400, 'summary');
    expectProblem(await h.as.editor.patch(`/api/interactions/${note.id}`, { authorId: h.world.users.officer.id }), 400, 'authorId');
    expect(await tableCounts(h)).toEqual(before);
    const person = await createPerson(h.as.editor, { name: 'Mover', organisationId: h.world.organisations.pfb });
    const moved = await h.as.editor.patch(`/api/interactions/${note.id}`, { organisationId: null, personId: person.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ organisationId: null, organisationName: null, personId: person.id, personName: 'Mover' });
  });

  it('records before and after of every change in the audit trail', async () => {
    const note = await createInteraction(h.as.editor, { organisationId: h.world.organisations.pfb, summary: 'Before' });
    await h.as.editor.patch(`/api/interactions/${note.id}`, { summary: 'After' });
    const rows = (await allRows(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'interaction' AND entity_id = ? ORDER BY at, id", note.id)) as {
      actor_id: string;
      before: string | null;
      after: string;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.before).toBeNull();
    expect(rows[1]!.actor_id).toBe(h.world.users.editor.id);
    expect(JSON.parse(rows[1]!.before!).summary).toBe('Before');
    expect(JSON.parse(rows[1]!.after).summary).toBe('After');
  });
  it('lets authors keep their notes where they only view the organisation, but not log new ones there', async () => {
    const shared = await createOrganisation(h.as.sysadmin, { name: 'Metropolregion Network', kind: 'network', country: 'DE', partnershipIds: [h.world.partnerships.p1, h.world.partnerships.p2] });
    const note = await createInteraction(h.as.outsider, { organisationId: shared.id, summary: 'Logged while in P2' });
    const other = await createInteraction(h.as.sysadmin, { organisationId: shared.id, summary: 'Someone else' });
    await runSql(h, "INSERT INTO memberships (user_id, partnership_id, role) VALUES (?, ?, 'viewer')", h.world.users.outsider.id, h.world.partnerships.p1);
    try {
      expect((await h.as.sysadmin.patch(`/api/organisations/${shared.id}`, { partnershipIds: [h.world.partnerships.p1] })).status).toBe(200);
      // the outsider now only views the organisation (through P1)
      expect((await h.as.outsider.get(`/api/organisations/${shared.id}`)).status).toBe(200);
      expectProblem(await h.as.outsider.post('/api/interactions', { kind: 'note', occurredAt: '2024-03-01T10:00:00Z', summary: 'New', organisationId: shared.id }), 403);
      expectProblem(await h.as.outsider.patch(`/api/interactions/${other.id}`, { summary: 'Not mine' }), 403);
      const own = await h.as.outsider.patch(`/api/interactions/${note.id}`, { summary: 'Still mine' });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.summary).toBe('Still mine');
    } finally {
      await runSql(h, 'DELETE FROM memberships WHERE user_id = ? AND partnership_id = ?', h.world.users.outsider.id, h.world.partnerships.p1);
    }
  });
});
