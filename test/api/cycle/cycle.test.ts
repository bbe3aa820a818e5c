/**
 * /api/partnerships/:id/cycle through the app, on a real SQLite file with a
 * clock the test moves: the steps and their RRULEs, tasks made once for each
 * party's contact person (mapped to their account by e-mail address, else to
 * the officers of their organisation) and listed in their own task list, by
 * "Create tasks now" and by the periodic reminder run; the settings with
 * If-Match and an audit event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CycleStepService } from '../../../api/cycle/services/cycle-steps.js';
import { ReminderService } from '../../../api/deadlines/services/reminders.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { newId } from '../../../db/ids.js';
import { auditActions, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { allRows } from '../../support/sql.js';

let h: ClockedHarness;
let p1: string;
let parties: { id: string; organisation_id: string }[];
const cycle = () => `/api/partnerships/${p1}/cycle`;

async function setContact(partyIndex: number, emails: string[], name: string): Promise<string> {
  const person = await createPerson(h.as.officer, { name, emails });
  await h.db.updateTable('partnership_parties').set({ contact_person_id: person.id }).where('id', '=', parties[partyIndex]!.id).execute();
  return person.id;
}

async function cycleTasks(): Promise<{ owner_id: string | null; due_on: string; title: string; description: string | null; rrule: string | null }[]> {
  return h.db.selectFrom('tasks').select(['owner_id', 'due_on', 'title', 'description', 'rrule']).where('kind', '=', 'cycle_step').where('partnership_id', '=', p1).orderBy('due_on').orderBy('owner_id').execute();
}

beforeAll(async () => {
  h = await clockedHarness('2026-10-05T08:00:00Z');
  p1 = h.world.partnerships.p1;
  parties = await h.db.selectFrom('partnership_parties').select(['id', 'organisation_id']).where('partnership_id', '=', p1).orderBy('position').execute();
  // VRRN's contact person is the officer (same address, other case); PFB's is the editor
  await setContact(0, ['Officer@test.regiodesk.eu'], 'Olga Officer');
  await setContact(1, ['editor@test.regiodesk.eu'], 'Eddie Editor');
});
afterAll(() => h.close());

describe('/api/partnerships/:id/cycle', () => {
  it('makes no tasks for an agreement that has ended', async () => {
    // the world's P1 ended on 2024-12-31
    expect((await h.as.officer.post(`${cycle()}/run`)).body).toEqual({ created: 0, existing: 0, closed: 0 });
    await h.db.updateTable('partnerships').set({ ends_on: '2028-12-31' }).where('id', '=', p1).execute();
  });

  it('shows the steps as RRULEs with the day their tasks are made', async () => {
    const reply = await h.as.viewer.get(cycle());
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers.get('ETag')).toBe(`"${reply.body.version}"`);
    expect(reply.body).toMatchObject({
      partnershipId: p1,
      settings: { evaluationMonth: 11, workPlanMonth: 12, leadWeeks: 4 },
      steps: [
        { kind: 'evaluation', rrule: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1', nextOn: '2026-11-30', remindOn: '2026-10-04', subjectYear: 2026, tasks: [] },
        { kind: 'work_plan', rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1', nextOn: '2026-12-31', remindOn: '2026-11-03', subjectYear: 2027, tasks: [] }
      ]
    });
  });

  it('makes each due step a task for each party’s contact person, once, and lists it in their tasks', async () => {
    const first = await h.as.officer.post(`${cycle()}/run`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ created: 2, existing: 0, closed: 0 });
    expect((await h.as.editor.post(`${cycle()}/run`)).body).toEqual({ created: 0, existing: 2, closed: 0 });
    const tasks = await cycleTasks();
    expect(tasks.map((t) => [t.owner_id, t.due_on])).toEqual(
      [
        [h.world.users.officer.id, '2026-11-30'],
        [h.world.users.editor.id, '2026-11-30']
      ].sort((a, b) => a[1]!.localeCompare(b[1]!) || a[0]!.localeCompare(b[0]!))
    );
    expect(tasks[0]!.rrule).toBe('DTSTART;VALUE=DATE:20261130\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1');

    const mine = await h.as.editor.get('/api/tasks?mine=true');
    const task = mine.body.items.find((t: { kind: string }) => t.kind === 'cycle_step');
    expect(task).toMatchObject({
      title: 'Evaluate the year together (Rhein-Neckar – Flemish Brabant)',
      ownerId: h.world.users.editor.id,
      dueOn: '2026-11-30',
      rrule: 'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1',
      partnershipId: p1,
      subjectType: 'partnership',
      subjectId: p1,
      subjectLabel: 'Rhein-Neckar – Flemish Brabant'
    });
    expect(task.description).toContain('You receive this task because the agreement names you as the contact person of PFB.');
    expect((await h.as.officer.get('/api/tasks?mine=true')).body.items.filter((t: { kind: string }) => t.kind === 'cycle_step')).toHaveLength(1);
    expect((await h.as.viewer.get(cycle())).body.steps[0].tasks.map((t: { ownerName: string }) => t.ownerName).sort()).toEqual(['Editor', 'Officer']);
  });

  it('makes the tasks in the periodic run too, without anyone pressing a button', async () => {
    const clock = () => new Date('2026-11-03T06:00:00Z');
    const reminders = new ReminderService(h.db, h.settings, new CycleStepService(h.db, clock), clock, () => {});
    expect(await reminders.runReminders()).toMatchObject({ cycleTasks: 2 });
    expect(await reminders.runReminders()).toMatchObject({ cycleTasks: 0 });
    const workPlan = (await cycleTasks()).filter((t) => t.due_on === '2026-12-31');
    expect(workPlan.map((t) => t.title)).toEqual(['Draft next year’s joint work plan (Rhein-Neckar – Flemish Brabant)', 'Draft next year’s joint work plan (Rhein-Neckar – Flemish Brabant)']);
    expect(await auditActions(h, 'task', (await h.db.selectFrom('tasks').select('id').where('due_on', '=', '2026-12-31').executeTakeFirstOrThrow()).id)).toEqual(['create']);
  });

  it('hands a party’s tasks to the officers of its organisation when its contact person has no account, and says so', async () => {
    h.setNow('2026-11-20T08:00:00Z');
    // a January evaluation with six weeks' lead is reminded of in November of the year before
    const current = await h.as.viewer.get(cycle());
    const changed = await h.as.officer.patch(cycle(), { evaluationMonth: 1, leadWeeks: 6 }, { ifMatch: `"${current.body.version}"` });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.steps[0]).toMatchObject({ kind: 'evaluation', rrule: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=-1', nextOn: '2027-01-31', remindOn: '2026-11-20', subjectYear: 2027 });
    await setContact(0, ['someone.else@vrrn.example'], 'Ulrike Hanselmann');
    // January's evaluation for the admin and the officer (VRRN) and the editor (PFB); December's work plan for the admin, who did not have it yet
    expect((await h.as.officer.post(`${cycle()}/run`)).body).toEqual({ created: 4, existing: 2, closed: 0 });
    const january = (await cycleTasks()).filter((t) => t.due_on === '2027-01-31');
    const owners = january.map((t) => t.owner_id).sort();
    expect(owners).toEqual([h.world.users.admin.id, h.world.users.officer.id, h.world.users.editor.id].sort());
    const admin = january.find((t) => t.owner_id === h.world.users.admin.id)!;
    expect(admin.description).toContain('You receive this task as an admin or officer of VRRN: the agreement names Ulrike Hanselmann as its contact person, who has no account in this partnership.');
    expect(admin.description).toContain('By the end of January');
  });

  it('changes the settings with If-Match, audited on the partnership; admins and officers only', async () => {
    const current = await h.as.viewer.get(cycle());
    expectProblem(await h.as.officer.patch(cycle(), { leadWeeks: 8 }, { ifMatch: `"${current.body.version - 1}"` }), 412);
    expectProblem(await h.as.editor.patch(cycle(), { leadWeeks: 8 }), 403);
    expectProblem(await h.as.viewer.patch(cycle(), { leadWeeks: 8 }), 403);
    expectProblem(await h.as.officer.patch(cycle(), { workPlanMonth: 13 }), 400, 'workPlanMonth');
    expectProblem(await h.as.officer.patch(cycle(), {}), 400);
    expectProblem(await h.as.viewer.post(`${cycle()}/run`), 403);
    expectProblem(await h.as.outsider.get(cycle()), 404);
    const saved = await h.as.admin.patch(cycle(), { evaluationMonth: 11, leadWeeks: 8 }, { ifMatch: `"${current.body.version}"` });
    expect(saved.body).toMatchObject({ settings: { evaluationMonth: 11, workPlanMonth: 12, leadWeeks: 8 }, version: current.body.version + 1 });
    expect((await h.as.viewer.get(`/api/partnerships/${p1}`)).body.obligations).toMatchObject({ evaluationMonth: 11, workPlanMonth: 12 });
    const events = (await allRows(h, "select after from audit_events where entity_type = 'partnership' and entity_id = ? order by at", p1)) as { after: string }[];
    expect(JSON.parse(events.at(-1)!.after)).toEqual({ cycle: { evaluationMonth: 11, workPlanMonth: 12, leadWeeks: 8 } });
  });

  it('makes no tasks for a step already done, and closes the open ones once it is, saying why in the owner’s language', async () => {
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
    await h.db
      .insertInto('evaluations')
      .values({ id: newId(), partnership_id: p1, year: 2026, status: 'adopted', proposed_at: '2026-11-18T09:00:00.000Z', adopted_at: '2026-11-19T15:00:00.000Z', figures: null, created_by: null, created_at: '2026-11-01T09:00:00.000Z', updated_at: '2026-11-19T15:00:00.000Z' })
      .execute();
    // November's evaluation tasks (officer, editor) are closed and the admin gets none; December's work plan tasks stay
    expect((await h.as.officer.post(`${cycle()}/run`)).body).toEqual({ created: 0, existing: 3, closed: 2 });
    const closed = await h.db.selectFrom('tasks').select(['id', 'owner_id', 'status', 'result']).where('kind', '=', 'cycle_step').where('partnership_id', '=', p1).where('due_on', '=', '2026-11-30').orderBy('owner_id').execute();
    expect(closed.map((t) => t.owner_id).sort()).toEqual([h.world.users.officer.id, h.world.users.editor.id].sort());
    expect(closed.every((t) => t.status === 'done')).toBe(true);
    expect(closed.find((t) => t.owner_id === h.world.users.officer.id)!.result).toBe('Closed by RegioDesk: the evaluation of 2026 is adopted.');
    expect(closed.find((t) => t.owner_id === h.world.users.editor.id)!.result).toBe('Von RegioDesk erledigt: die Evaluierung 2026 ist beschlossen.');
    expect(await auditActions(h, 'task', closed[0]!.id)).toEqual(['create', 'update']);

    // a work plan for 2027 proposed to the parties: December's tasks are closed by the periodic run
    await h.db
      .insertInto('work_plans')
      .values({ id: newId(), partnership_id: p1, year: 2027, status: 'proposed', introduction: null, proposed_at: '2026-11-20T09:00:00.000Z', adopted_at: null, created_by: null, created_at: '2026-11-02T09:00:00.000Z', updated_at: '2026-11-20T09:00:00.000Z' })
      .execute();
    const clock = () => new Date('2026-11-20T09:30:00Z');
    const reminders = new ReminderService(h.db, h.settings, new CycleStepService(h.db, clock), clock, () => {});
    await reminders.runReminders();
    expect((await cycleTasks()).filter((t) => t.due_on === '2026-12-31')).toHaveLength(3);
    const open = await h.db.selectFrom('tasks').select('id').where('kind', '=', 'cycle_step').where('partnership_id', '=', p1).where('status', '=', 'open').where('due_on', 'in', ['2026-11-30', '2026-12-31']).execute();
    expect(open).toEqual([]);
    expect((await h.as.officer.post(`${cycle()}/run`)).body).toEqual({ created: 0, existing: 0, closed: 0 });
  });

  it('words a new task in its owner’s language', async () => {
    h.setNow('2027-10-05T08:00:00Z');
    await h.as.officer.post(`${cycle()}/run`);
    const editors = (await cycleTasks()).filter((t) => t.owner_id === h.world.users.editor.id && t.due_on === '2027-11-30');
    expect(editors.map((t) => t.title)).toEqual(['Das Jahr gemeinsam evaluieren (Rhein-Neckar – Flemish Brabant)']);
    expect(editors[0]!.description).toContain('Bis Ende November evaluieren die Parteien gemeinsam das Jahr');
    h.setNow('2026-11-20T08:00:00Z');
  });
});
