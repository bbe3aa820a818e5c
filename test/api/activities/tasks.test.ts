import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, auditActions, createOrganisation } from '../../support/crm.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { tableCounts } from '../../support/database.js';
import { type Client, expectProblem } from '../../support/http.js';

/** "Today" is Monday 23 November 2026. */
const NOW = '2026-11-23T10:00:00Z';

let h: ClockedHarness;
beforeAll(async () => {
  h = await clockedHarness(NOW);
});
afterAll(() => h.close());

async function createTask(as: Client, fields: Record<string, unknown> = {}) {
  const reply = await as.post('/api/tasks', { title: 'Send the minutes to the partner', dueOn: '2026-12-15', partnershipId: h.world.partnerships.p1, ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

const titles = (items: { title: string }[]) => items.map((t) => t.title);

describe('/api/tasks', () => {
  it('creates a task of a partnership about a record, and reads it back with an ETag', async () => {
    const org = await createOrganisation(h.as.officer, { name: 'KU Leuven', kind: 'university_research', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    const created = await h.as.officer.post('/api/tasks', {
      kind: 'next_step',
      title: 'Invite KU Leuven to the energy workshop',
      description: 'Ask for two speakers.',
      ownerId: h.world.users.editor.id,
      dueOn: '2026-11-27',
      partnershipId: h.world.partnerships.p1,
      subjectType: 'organisation',
      subjectId: org.id
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      kind: 'next_step',
      title: 'Invite KU Leuven to the energy workshop',
      description: 'Ask for two speakers.',
      ownerId: h.world.users.editor.id,
      ownerName: 'Editor',
      dueOn: '2026-11-27',
      rrule: null,
      recursFrom: null,
      status: 'open',
      state: 'due',
      daysUntilDue: 4,
      result: null,
      completedAt: null,
      partnershipId: h.world.partnerships.p1,
      subjectType: 'organisation',
      subjectId: org.id,
      subjectLabel: 'KU Leuven',
      createdBy: h.world.users.officer.id,
      version: 1
    });
    const read = await h.as.viewer.get(`/api/tasks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    expectProblem(await h.as.outsider.get(`/api/tasks/${created.body.id}`), 404);
    expect(await auditActions(h, 'task', created.body.id)).toEqual(['create']);
  });

  it('keeps a task without partnership to its owner and creator', async () => {
    const mine = await createTask(h.as.editor, { title: 'Book the train to Mannheim', partnershipId: null });
    expect(mine.ownerId).toBe(h.world.users.editor.id);
    expect((await h.as.editor.get(`/api/tasks/${mine.id}`)).status).toBe(200);
    expect((await h.as.sysadmin.get(`/api/tasks/${mine.id}`)).status).toBe(200);
    for (const other of [h.as.viewer, h.as.officer, h.as.admin, h.as.outsider]) expectProblem(await other.get(`/api/tasks/${mine.id}`), 404);
    expect(titles((await allPages(h.as.editor, '/api/tasks?mine=true')).items)).toContain('Book the train to Mannheim');
    expect(titles((await allPages(h.as.officer, '/api/tasks')).items)).not.toContain('Book the train to Mannheim');
    // a personal task cannot be handed to someone else
    expectProblem(await h.as.editor.post('/api/tasks', { title: 'X', dueOn: '2026-12-01', ownerId: h.world.users.officer.id }), 400, 'ownerId');
  });

  it('derives the state from today and filters on it, on owner, subject, status and dates', async () => {
    const inP1 = { partnershipId: h.world.partnerships.p1 };
    await createTask(h.as.officer, { ...inP1, title: 'S overdue', dueOn: '2026-11-22' });
    await createTask(h.as.officer, { ...inP1, title: 'S due today', dueOn: '2026-11-23' });
    await createTask(h.as.officer, { ...inP1, title: 'S due in 7 days', dueOn: '2026-11-30', ownerId: h.world.users.admin.id });
    await createTask(h.as.officer, { ...inP1, title: 'S open in 8 days', dueOn: '2026-12-01' });
    const list = async (query: string) => titles((await allPages(h.as.officer, `/api/tasks?${query}`)).items).filter((t) => t.startsWith('S '));

    const all = (await allPages(h.as.officer, '/api/tasks?dueFrom=2026-11-22&dueTo=2026-12-01')).items.filter((t: { title: string }) => t.title.startsWith('S '));
    expect(all.map((t: { title: string; state: string; daysUntilDue: number }) => [t.title, t.state, t.daysUntilDue])).toEqual([
      ['S overdue', 'overdue', -1],
      ['S due today', 'due', 0],
      ['S due in 7 days', 'due', 7],
      ['S open in 8 days', 'open', 8]
    ]);
    expect(await list('state=overdue')).toEqual(['S overdue']);
    expect(await list('state=due')).toEqual(['S due today', 'S due in 7 days']);
    expect(await list('state=open')).toEqual(['S open in 8 days']);
    expect(await list('state=overdue&status=done')).toEqual([]);
    expect(await list(`ownerId=${h.world.users.admin.id}`)).toEqual(['S due in 7 days']);
    expect((await list('mine=true')).length).toBe(3);
    expect(await list('sort=-dueOn&dueTo=2026-11-23')).toEqual(['S due today', 'S overdue']);
    expect(await list('dueFrom=2026-11-30')).toEqual(['S due in 7 days', 'S open in 8 days']);
    expect(await list(`partnershipId=${h.world.partnerships.p2}`)).toEqual([]);

    // tomorrow, what was due today is overdue
    h.setNow('2026-11-24T08:00:00Z');
    expect(await list('state=overdue')).toEqual(['S overdue', 'S due today']);
    h.setNow(NOW);

    const paged = await allPages(h.as.officer, '/api/tasks?limit=2&dueFrom=2026-11-22&dueTo=2026-12-01');
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.items.map((t: { dueOn: string }) => t.dueOn)).toEqual([...paged.items.map((t: { dueOn: string }) => t.dueOn)].sort());
    expect(new Set(paged.items.map((t: { id: string }) => t.id)).size).toBe(paged.items.length);
  });

  it('filters by the record a task is about', async () => {
    const org = await createOrganisation(h.as.officer, { name: 'imec', kind: 'university_research', country: 'BE', partnershipIds: [h.world.partnerships.p1] });
    await createTask(h.as.officer, { title: 'Call imec', subjectType: 'organisation', subjectId: org.id });
    expect(titles((await allPages(h.as.viewer, `/api/tasks?subjectType=organisation&subjectId=${org.id}`)).items)).toEqual(['Call imec']);
    expectProblem(await h.as.viewer.get(`/api/tasks?subjectId=${org.id}`), 400, 'query.subjectType');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const hidden = await createOrganisation(h.as.outsider, { name: 'Only Brandenburg sees this', kind: 'company', country: 'DE', partnershipIds: [h.world.partnerships.p2] });
    const task = await createTask(h.as.officer, { title: 'Valid' });
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.officer.post('/api/tasks', { title: 'X', dueOn: '2026-12-01', partnershipId: h.world.partnerships.p1, ...body });
    expectProblem(await h.as.officer.post('/api/tasks', { dueOn: '2026-12-01' }), 400, 'title');
    expectProblem(await post({ title: '   ' }), 400, 'title');
    expectProblem(await post({ dueOn: '2026-02-30' }), 400, 'dueOn');
    expectProblem(await post({ dueOn: '1 December' }), 400, 'dueOn');
    expectProblem(await post({ kind: 'chore' }), 400, 'kind');
    expectProblem(await post({ colour: 'red' }), 400, 'colour');
    expectProblem(await post({ rrule: 'FREQ=BANANA' }), 400, 'rrule');
    expectProblem(await post({ rrule: 'every month' }), 400, 'rrule');
    expectProblem(await post({ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }), 400, 'rrule');
    expectProblem(await post({ subjectId: hidden.id }), 400, 'subjectType');
    expectProblem(await post({ subjectType: 'organisation' }), 400, 'subjectId');
    expectProblem(await post({ subjectType: 'organisation', subjectId: hidden.id }), 400, 'subjectId');
    expectProblem(await post({ subjectType: 'activity', subjectId: 'no-such-activity' }), 400, 'subjectId');
    expectProblem(await post({ subjectType: 'partnership', subjectId: h.world.partnerships.p2 }), 400, 'subjectId');
    expectProblem(await post({ ownerId: h.world.users.viewer.id }), 400, 'ownerId');
    expectProblem(await post({ ownerId: h.world.users.outsider.id }), 400, 'ownerId');
    expectProblem(await post({ ownerId: 'no-such-user' }), 400, 'ownerId');
    expectProblem(await post({ partnershipId: h.world.partnerships.p2 }), 400, 'partnershipId');
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { status: 'done' }), 400, 'status');
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { dueOn: null }), 400, 'dueOn');
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { rrule: 'FREQ=DAILY;COUNT=0' }), 400, 'rrule');
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { title: 'X' }, { ifMatch: 'version one' }), 400, 'If-Match');
    expectProblem(await h.as.officer.get('/api/tasks?state=late'), 400, 'query.state');
    expectProblem(await h.as.officer.get('/api/tasks?mine=yes'), 400, 'query.mine');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('answers 404 to outsiders and 403 to viewers who write, and changes nothing', async () => {
    const task = await createTask(h.as.officer, { title: 'Guarded' });
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.patch(`/api/tasks/${task.id}`, { title: 'Taken' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/tasks/${task.id}`), 404);
    expectProblem(await h.as.outsider.post(`/api/tasks/${task.id}/complete`, { result: 'x' }), 404);
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=task&entityId=${task.id}`), 404);
    expectProblem(await h.as.viewer.post('/api/tasks', { title: 'Viewer', dueOn: '2026-12-01', partnershipId: h.world.partnerships.p1 }), 403);
    expectProblem(await h.as.viewer.post('/api/tasks', { title: 'Viewer', dueOn: '2026-12-01' }), 403);
    expectProblem(await h.as.viewer.patch(`/api/tasks/${task.id}`, { title: 'Viewer' }), 403);
    expectProblem(await h.as.viewer.post(`/api/tasks/${task.id}/complete`, { result: 'x' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/tasks/${task.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
    expect(titles((await allPages(h.as.outsider, '/api/tasks')).items)).not.toContain('Guarded');
  });

  it('honours If-Match on change, completion and delete: a stale version gets 412 with the current task', async () => {
    const task = await createTask(h.as.officer, { title: 'Draft the work plan' });
    const changed = await h.as.editor.patch(`/api/tasks/${task.id}`, { dueOn: '2026-12-10' }, { ifMatch: '"1"' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    const stale = await h.as.officer.patch(`/api/tasks/${task.id}`, { title: 'Draft the 2027 work plan' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ title: 'Draft the work plan', dueOn: '2026-12-10', version: 2 });
    expectProblem(await h.as.officer.post(`/api/tasks/${task.id}/complete`, { result: 'Sent' }, { ifMatch: '"1"' }), 412);
    expectProblem(await h.as.officer.delete(`/api/tasks/${task.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.officer.get(`/api/tasks/${task.id}`)).body.status).toBe('open');
    const deleted = await h.as.officer.delete(`/api/tasks/${task.id}`, { ifMatch: '"2"' });
    expect(deleted.status).toBe(204);
    expectProblem(await h.as.officer.get(`/api/tasks/${task.id}`), 404);
    expect(await auditActions(h, 'task', task.id)).toEqual(['create', 'update', 'delete']);
  });

  it('completes a task with what came of it, refuses to complete it twice, reopens and cancels', async () => {
    const followUp = await createTask(h.as.officer, { kind: 'follow_up', title: 'Reconvene the delegation' });
    expectProblem(await h.as.officer.post(`/api/tasks/${followUp.id}/complete`, {}), 400, 'result');
    expectProblem(await h.as.officer.post(`/api/tasks/${followUp.id}/complete`, { result: '  ' }), 400, 'result');
    const done = await h.as.editor.post(`/api/tasks/${followUp.id}/complete`, { result: 'Two joint project ideas; next call in March.' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.headers.get('etag')).toBe('"2"');
    expect(done.body.next).toBeNull();
    expect(done.body.task).toMatchObject({ status: 'done', state: 'done', result: 'Two joint project ideas; next call in March.', completedAt: '2026-11-23T10:00:00.000Z' });
    expectProblem(await h.as.officer.post(`/api/tasks/${followUp.id}/complete`, { result: 'Again' }), 409);
    expectProblem(await h.as.officer.patch(`/api/tasks/${followUp.id}`, { result: null }), 400, 'result');
    const reopened = await h.as.officer.patch(`/api/tasks/${followUp.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null, result: 'Two joint project ideas; next call in March.' });
    const cancelled = await h.as.officer.patch(`/api/tasks/${followUp.id}`, { status: 'cancelled' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', state: 'cancelled' });
    expectProblem(await h.as.officer.post(`/api/tasks/${followUp.id}/complete`, { result: 'x' }), 409);
    const other = await createTask(h.as.officer, { kind: 'other', title: 'Order flyers' });
    expect((await h.as.officer.post(`/api/tasks/${other.id}/complete`, {})).body.task).toMatchObject({ status: 'done', result: null });
  });

  it('creates the next occurrence when a recurring task is completed, on month ends, until COUNT is used up', async () => {
    const monthly = await createTask(h.as.officer, { kind: 'cycle_step', title: 'Update the budget sheet', dueOn: '2027-01-31', rrule: 'rrule:freq=monthly;count=3', ownerId: h.world.users.editor.id });
    expect(monthly).toMatchObject({ rrule: 'FREQ=MONTHLY;COUNT=3', recursFrom: '2027-01-31' });
    const first = await h.as.editor.post(`/api/tasks/${monthly.id}/complete`, { result: 'January done' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.next).toMatchObject({ title: 'Update the budget sheet', kind: 'cycle_step', dueOn: '2027-02-28', status: 'open', rrule: 'FREQ=MONTHLY;COUNT=3', recursFrom: '2027-01-31', ownerId: h.world.users.editor.id, partnershipId: h.world.partnerships.p1, version: 1 });
    const second = await h.as.editor.post(`/api/tasks/${first.body.next.id}/complete`, { result: 'February done' });
    expect(second.body.next).toMatchObject({ dueOn: '2027-03-31' });
    const third = await h.as.editor.post(`/api/tasks/${second.body.next.id}/complete`, { result: 'March done' });
    expect(third.body.next).toBeNull();
    expect(await auditActions(h, 'task', first.body.next.id)).toEqual(['create', 'update']);
    expect(await auditActions(h, 'task', third.body.task.id)).toEqual(['create', 'update']);

    // moving the due date starts the series again from there
    const weekly = await createTask(h.as.officer, { title: 'Check the inbox of the joint office', dueOn: '2026-11-23', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    const moved = await h.as.officer.patch(`/api/tasks/${weekly.id}`, { dueOn: '2026-11-30' });
    expect(moved.body).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO', recursFrom: '2026-11-30' });
    expect((await h.as.officer.post(`/api/tasks/${weekly.id}/complete`, {})).body.next).toMatchObject({ dueOn: '2026-12-07' });
    const cleared = await createTask(h.as.officer, { title: 'One-off now', dueOn: '2026-12-01', rrule: 'FREQ=DAILY' });
    expect((await h.as.officer.patch(`/api/tasks/${cleared.id}`, { rrule: '' })).body).toMatchObject({ rrule: null, recursFrom: null });
    expect((await h.as.officer.post(`/api/tasks/${cleared.id}/complete`, {})).body.next).toBeNull();
  });

  it('moves a task to another partnership only where the caller may write, and checks the owner there', async () => {
    const task = await createTask(h.as.officer, { title: 'Prepare the Brussels event', ownerId: h.world.users.editor.id });
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { partnershipId: h.world.partnerships.p2 }), 400, 'partnershipId');
    expectProblem(await h.as.officer.patch(`/api/tasks/${task.id}`, { partnershipId: null }), 400, 'ownerId');
    const own = await h.as.officer.patch(`/api/tasks/${task.id}`, { partnershipId: null, ownerId: h.world.users.officer.id });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ partnershipId: null, ownerId: h.world.users.officer.id });
    expectProblem(await h.as.editor.get(`/api/tasks/${task.id}`), 404);
    const trail = await h.as.officer.get(`/api/audit?entityType=task&entityId=${task.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({ action: 'update', before: { partnershipId: h.world.partnerships.p1, ownerId: h.world.users.editor.id }, after: { partnershipId: null } });
  });
});
