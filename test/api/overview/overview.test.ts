/**
 * GET /api/overview through the app on a real database file, with a clock
 * the test moves: the officer's cockpit holds her overdue and due-soon
 * tasks, the plan waiting for her party's approval, this year's amber and
 * red obligations with their links, the next cycle step, the late milestone
 * before what is coming, unread notifications and the other party's edits
 * since her last visit; a user of another partnership sees none of it, a
 * viewer gets no quick actions, a system administrator without memberships
 * no partnership's duties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { expectProblem } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';

let h: ClockedHarness;
let p1: string;
let p2: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await clockedHarness('2026-12-03T09:00:00Z');
  p1 = h.world.partnerships.p1;
  p2 = h.world.partnerships.p2;
  // an agreement in force until 2028
  await h.db.updateTable('partnerships').set({ ends_on: '2028-12-31' }).where('id', '=', p1).execute();

  const task = async (title: string, dueOn: string, as = h.as.officer, partnershipId = p1) => {
    const reply = await as.post('/api/tasks', { title, dueOn, partnershipId, kind: 'next_step' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.id as string;
  };
  ids.overdue = await task('Send the minutes of Leuven', '2026-11-28');
  ids.dueSoon = await task('Book the hotel in Mannheim', '2026-12-07');
  ids.later = await task('Draft the 2028 ideas', '2026-12-28');
  ids.outsiders = await task('Brandenburg follow-up', '2026-12-01', h.as.outsider, p2);

  const proposal = await createProposal(h.as.officer, { acronym: 'GREENLINK', partnershipId: p1 });
  ids.proposal = proposal.id;
  ids.late = newId();
  ids.soon = newId();
  await h.db
    .insertInto('milestones')
    .values([
      { id: ids.late, proposal_id: proposal.id, kind: 'descriptions_due', title: 'Project description to the steering group', due_on: '2026-11-20', due_time: null, owner_id: null, done_at: null },
      { id: ids.soon, proposal_id: proposal.id, kind: 'committee_decision', title: 'Committee decision', due_on: '2026-12-12', due_time: null, owner_id: null, done_at: null }
    ])
    .execute();

  // next year's plan, proposed: it waits for the approval of each party
  const plan = await h.as.officer.post('/api/workplans', { partnershipId: p1, year: 2027 });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  ids.plan = plan.body.id;
  h.setNow('2026-12-03T09:05:00Z');
  expect((await h.as.officer.post(`/api/workplans/${ids.plan}/propose`)).status).toBe(200);

  await h.db
    .insertInto('notifications')
    .values({ id: newId(), user_id: h.world.users.officer.id, kind: 'milestone_reminder', text: 'Committee decision of GREENLINK is due in 9 days.', link: `/proposals/${proposal.id}`, created_at: '2026-12-02T08:00:00.000Z', read_at: null, email_status: null, email_error: null, emailed_at: null })
    .execute();
});
afterAll(() => h.close());

describe('GET /api/overview', () => {
  it('gives the officer what needs her now, what is coming and what changed', async () => {
    // the other party (PFB's editor) adds an item to the plan after the officer's last look
    h.setNow('2026-12-03T09:10:00Z');
    const first = await h.as.officer.get('/api/overview');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.firstVisit).toBe(true);
    h.setNow('2026-12-03T12:00:00Z');
    const item = await h.as.editor.post(`/api/workplans/${ids.plan}/items`, { title: 'Start-up exchange in Leuven' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    h.setNow('2026-12-03T15:00:00Z');

    const reply = await h.as.officer.get('/api/overview?zone=America/New_York');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const o = reply.body;
    expect(o).toMatchObject({ today: '2026-12-03', timeZone: 'America/New_York', firstVisit: false, since: '2026-12-03T09:10:00.000Z', mayWrite: true });

    expect(o.needsYou.tasks.map((t: any) => [t.title, t.state])).toEqual([
      ['Send the minutes of Leuven', 'overdue'],
      ['Book the hotel in Mannheim', 'due']
    ]);
    expect(o.needsYou.approvals).toEqual([
      expect.objectContaining({ documentType: 'work_plan', id: ids.plan, year: 2027, partnership: { id: p1, title: 'Rhein-Neckar – Flemish Brabant' }, parties: [expect.objectContaining({ organisationName: 'Verband Region Rhein-Neckar' })], link: `/partnerships/${p1}/workplans/2027` })
    ]);
    const codes = o.needsYou.obligations.map((w: any) => `${w.obligation.code}:${w.obligation.state}`);
    expect(codes).toContain('contact_persons:red');
    expect(o.needsYou.obligations.find((w: any) => w.obligation.code === 'contact_persons').obligation.link).toBe(`/partnerships/${p1}/edit`);
    expect(o.needsYou.obligations.every((w: any) => w.obligation.state !== 'green')).toBe(true);
    // red ones first
    expect(o.needsYou.obligations[0].obligation.state).toBe('red');
    expect(o.needsYou.nextSteps).toEqual([{ partnership: { id: p1, title: 'Rhein-Neckar – Flemish Brabant' }, kind: 'work_plan', nextOn: '2026-12-31', subjectYear: 2027, link: `/partnerships/${p1}/workplans/2027` }]);

    expect(o.coming.late).toEqual([expect.objectContaining({ id: ids.late, dueOn: '2026-11-20', daysLate: 13, proposal: expect.objectContaining({ acronym: 'GREENLINK' }) })]);
    const soon = o.coming.items.find((i: any) => i.id === ids.soon);
    expect(soon).toMatchObject({ kind: 'milestone', own: { timeZone: 'Europe/Brussels' }, reader: { timeZone: 'America/New_York' } });

    expect(o.changed.unreadCount).toBe(1);
    expect(o.changed.notifications[0].text).toContain('GREENLINK');
    expect(o.changed.partnerEdits).toEqual([expect.objectContaining({ documentType: 'work_plan', id: ids.plan, year: 2027, editors: ['Editor'], link: `/partnerships/${p1}/workplans/2027` })]);
  });

  it('shows nothing of P1 to an officer of another partnership', async () => {
    const reply = await h.as.outsider.get('/api/overview');
    expect(reply.status).toBe(200);
    const text = JSON.stringify(reply.body);
    for (const id of [p1, ids.plan, ids.late, ids.soon, ids.overdue, ids.proposal]) expect(text).not.toContain(id);
    expect(reply.body.needsYou.tasks.map((t: any) => t.id)).toEqual([ids.outsiders]);
    expect(reply.body.changed.partnerEdits).toEqual([]);
  });

  it('gives a viewer the duties to read but no quick actions and no approval', async () => {
    const reply = await h.as.viewer.get('/api/overview');
    expect(reply.status).toBe(200);
    expect(reply.body.mayWrite).toBe(false);
    expect(reply.body.needsYou.approvals).toEqual([]);
    expect(reply.body.needsYou.obligations.length).toBeGreaterThan(0);
    expect(reply.body.coming.late.map((m: any) => m.id)).toEqual([ids.late]);
  });

  it('gives a system administrator without memberships the deadlines, not every partnership’s duties', async () => {
    const reply = await h.as.sysadmin.get('/api/overview');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ mayWrite: true, needsYou: { tasks: [], approvals: [], obligations: [], nextSteps: [] }, coming: { late: [] }, changed: { partnerEdits: [] } });
    // the dashboard's own rule: an administrator sees every milestone coming
    expect(reply.body.coming.items.map((i: any) => i.id)).toContain(ids.soon);
  });

  it('counts a milestone late from its time on its day (in Brussels, without a call), so it is late here or coming there, never neither', async () => {
    h.setNow('2026-12-05T14:00:00Z');
    const [passed, ahead] = [newId(), newId()];
    await h.db
      .insertInto('milestones')
      .values([
        { id: passed, proposal_id: ids.proposal, kind: 'other', title: 'Morning call with the lead partner', due_on: '2026-12-05', due_time: '10:00', owner_id: null, done_at: null },
        { id: ahead, proposal_id: ids.proposal, kind: 'other', title: 'Evening deadline for the budget table', due_on: '2026-12-05', due_time: '18:00', owner_id: null, done_at: null }
      ])
      .execute();
    const reply = await h.as.viewer.get('/api/overview');
    expect(reply.status).toBe(200);
    expect(reply.body.coming.late.map((m: any) => [m.title, m.daysLate])).toContainEqual(['Morning call with the lead partner', 0]);
    expect(reply.body.coming.late.map((m: any) => m.id)).not.toContain(ahead);
    expect(reply.body.coming.items.map((i: any) => i.id)).toContain(ahead);
    expect(reply.body.coming.items.map((i: any) => i.id)).not.toContain(passed);
    await h.db.deleteFrom('milestones').where('id', 'in', [passed, ahead]).execute();
  });

  it('keeps the window of a visit over a reload and moves it after half an hour away', async () => {
    h.setNow('2026-12-04T08:00:00Z');
    const a = await h.as.admin.get('/api/overview');
    expect(a.body.firstVisit).toBe(true);
    h.setNow('2026-12-04T08:20:00Z');
    const b = await h.as.admin.get('/api/overview');
    expect(b.body).toMatchObject({ firstVisit: false, since: a.body.since });
    h.setNow('2026-12-04T09:30:00Z');
    const c = await h.as.admin.get('/api/overview');
    expect(c.body.since).toBe('2026-12-04T08:20:00.000Z');
    h.setNow('2026-12-04T09:40:00Z');
    expect((await h.as.admin.get('/api/overview')).body.since).toBe('2026-12-04T08:20:00.000Z');
  });

  it('refuses an unknown zone at its field, and asks who is calling', async () => {
    expectProblem(await h.as.officer.get('/api/overview?zone=Mars/Olympus'), 400, 'query.zone');
    expect((await h.anonymous.get('/api/overview')).status).toBe(401);
  });
});
