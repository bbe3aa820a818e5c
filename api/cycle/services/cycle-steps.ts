/**
 * The annual cycle's reminders (Art. 2.5): each partnership's steps — the
 * evaluation of the year in its evaluation month, the work plan for the next
 * year in its work-plan month — as yearly RRULEs, turned into tasks for each
 * party's contact person a number of weeks ahead.
 *
 * Steps
 * - A step is due by the last day of its month: `FREQ=YEARLY;BYMONTH=11;
 *   BYMONTHDAY=-1` (evaluated by `rrule`, recurrence.ts). Its tasks are made
 *   `leadWeeks` weeks before the month begins (`remindOn`; 4 weeks before
 *   1 November = 4 October) and until the month is over; never after.
 * - `nextOn` is the first occurrence on or after today, so a step stays the
 *   next one until its month ends. The evaluation is about the year it falls
 *   in, the work plan about the year after. A step in January with 6 weeks'
 *   lead is reminded of in November of the year before.
 * - When both steps fall in the same month, they are one occurrence of the
 *   same rule and one task per person covers both.
 *
 * Tasks
 * - kind `cycle_step`, about the partnership (subject), due on the step's
 *   day, recurring by the step's rule. One per person and occurrence, ever:
 *   a task of the partnership with that owner, that due day and that rule
 *   (whatever its status, also one made when a recurring one was completed)
 *   counts as made, so runs can repeat and overlap without doubles.
 * - Who: each party's contact person (a CRM person) is the member of the
 *   partnership with a writing role (admin, officer, editor) whose account
 *   has one of the person's e-mail addresses, else the writer from the
 *   party's organisation with the person's name. Without such a member, or
 *   without a contact person, the task goes to the partnership's admins and
 *   officers from that party's organisation, and its description says why.
 * - Not for a step already done: the evaluation of its year adopted, the
 *   work plan for its year proposed to the parties (or adopted). An open
 *   task whose steps are all done is closed (done) by the next run, with a
 *   result saying why, whether or not the agreement is still in force.
 * - Title and description in the owner's account language (cycle-task-text.ts).
 * - Only for agreements in force (not drafts, not ended) on the day of the
 *   run. Each task leaves an audit event ('task'); the run's actor is the
 *   writer who asked, or nobody for the periodic run (reminders.ts).
 *
 * Settings: months and lead weeks live on the partnership (evaluation_month,
 * work_plan_month, cycle_lead_weeks); PATCH changes them with If-Match on
 * the partnership's version, admins and officers only (as for the agreement),
 * audited on the partnership. "Create tasks now" is for every writer.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/cycle/cycle-steps.js';
import type { CycleTaskRow, MemberRow, PartyContactRow } from '../../../db/cycle/cycle-steps.js';
import { findPartnership, updatePartnership } from '../../../db/crm/partnerships.js';
import { getTask, updateTask } from '../../../db/activities/tasks.js';
import type { Database, PartnershipRow } from '../../../db/schema.js';
import { Forbidden, NotFound, PreconditionFailed, canSeePartnership, canWriteIn, checkVersion, occurrences, parseRule, readSeries, recordChange, seriesText, type Caller, type PartnershipRole } from '../../platform/index.js';
import type { z } from 'zod';
import type { Cycle, CyclePatch, CycleRun as CycleRunShape, CycleStep, CycleStepKind } from '../schemas/cycle.js';
import { addDays, agreementStatus, dayOf } from '../../crm/index.js';
import { closedResult, languageOf, type OwnerBasis, type OwnerFacts, type TaskLanguage, taskText } from '../rules/cycle-task-text.js';
import { monthStart } from './obligations.js';
import { evaluationOfYear, workPlanOfYear } from '../../../db/cycle/obligations.js';
import { toTask } from '../../activities/index.js';
import { holdForWrite } from '../../../db/row-locks.js';

export type CycleRun = z.infer<typeof CycleRunShape>;
export type { OwnerBasis };
export { taskText };

export const DEFAULT_LEAD_WEEKS = 4;
const SETTINGS_WRITERS: PartnershipRole[] = ['admin', 'officer'];
const TASK_OWNER_ROLES = ['admin', 'officer', 'editor'];
const FALLBACK_ROLES = ['admin', 'officer'];

export interface CycleSettingsValues {
  evaluationMonth: number;
  workPlanMonth: number;
  leadWeeks: number;
}

export interface StepOccurrence {
  kind: CycleStepKind;
  rrule: string;
  /** the day the step is due: the last day of its month */
  on: string;
  /** the day its tasks are made */
  remindOn: string;
  subjectYear: number;
}

/** The step's RRULE: yearly, on the last day of the month. */
export function stepRule(month: number): string {
  return `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=-1`;
}

function monthOf(settings: CycleSettingsValues, kind: CycleStepKind): number {
  return kind === 'evaluation' ? settings.evaluationMonth : settings.workPlanMonth;
}

function occurrenceOf(kind: CycleStepKind, rrule: string, on: string, leadWeeks: number): StepOccurrence {
  const year = Number(on.slice(0, 4));
  return { kind, rrule, on, remindOn: addDays(monthStart(year, Number(on.slice(5, 7))), -7 * leadWeeks), subjectYear: kind === 'evaluation' ? year : year + 1 };
}

/** The step's occurrences due from `from` to `to` (inclusive), by its RRULE. */
export function stepOccurrences(kind: CycleStepKind, settings: CycleSettingsValues, from: string, to: string): StepOccurrence[] {
  const rrule = stepRule(monthOf(settings, kind));
  return occurrences(parseRule(rrule), from, to).map((on) => occurrenceOf(kind, rrule, on, settings.leadWeeks));
}

/** Each step's first occurrence on or after today (so a step stays next until its month is over). */
export function nextSteps(settings: CycleSettingsValues, today: string): StepOccurrence[] {
  return (['evaluation', 'work_plan'] as const).map((kind) => stepOccurrences(kind, settings, today, addDays(today, 366))[0]!);
}

/** The steps whose tasks are to exist today: reminded on or before today, month not over. */
export function stepsDue(settings: CycleSettingsValues, today: string): StepOccurrence[] {
  return nextSteps(settings, today).filter((s) => s.remindOn <= today);
}

function sameName(a: string, b: string | null): boolean {
  return b !== null && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

export interface TaskOwner extends OwnerFacts {
  userId: string;
  name: string;
  /** the language of the task's words: the owner's account language */
  language: TaskLanguage;
}

function emailsOf(emails: string[] | null): string[] {
  return (emails ?? []).map((e) => e.trim().toLowerCase());
}

/**
 * Who gets a party's cycle tasks: the members with a writing role whose
 * e-mail address is one of the contact person's; else the one from the
 * party's organisation with the contact person's name (the CRM often keeps a
 * work address other than the account's); else the admins and officers from
 * the party's organisation. Each user once, first party first.
 */
export function taskOwners(parties: Pick<PartyContactRow, 'organisation_id' | 'organisation_name' | 'organisation_short_name' | 'contact_person_id' | 'contact_person_name' | 'contact_person_emails'>[], members: MemberRow[]): TaskOwner[] {
  const owners = new Map<string, TaskOwner>();
  for (const party of parties) {
    const organisationName = party.organisation_short_name ?? party.organisation_name;
    const emails = emailsOf(party.contact_person_emails);
    const writers = party.contact_person_id ? members.filter((m) => TASK_OWNER_ROLES.includes(m.role)) : [];
    const byEmail = writers.filter((m) => emails.includes(m.email.toLowerCase()));
    const byName = writers.filter((m) => m.organisation_id === party.organisation_id && sameName(m.name, party.contact_person_name));
    const contacts = byEmail.length ? byEmail : byName;
    const basis: OwnerBasis = byEmail.length ? 'contact_person' : byName.length ? 'contact_person_by_name' : party.contact_person_id ? 'contact_without_account' : 'no_contact_person';
    const chosen = contacts.length ? contacts : members.filter((m) => FALLBACK_ROLES.includes(m.role) && m.organisation_id === party.organisation_id);
    for (const m of chosen) {
      if (!owners.has(m.id)) owners.set(m.id, { userId: m.id, name: m.name, organisationName, basis, contactPersonName: party.contact_person_name, language: languageOf(m.locale) });
    }
  }
  return [...owners.values()];
}

function settingsOf(row: PartnershipRow): CycleSettingsValues {
  return { evaluationMonth: row.evaluation_month, workPlanMonth: row.work_plan_month, leadWeeks: row.cycle_lead_weeks };
}

function ruleTextOf(stored: string | null): string | null {
  if (stored === null) return null;
  try {
    return readSeries(stored).rule.text;
  } catch {
    return null;
  }
}

function tasksOfStep(tasks: CycleTaskRow[], step: StepOccurrence): CycleTaskRow[] {
  return tasks.filter((t) => t.due_on === step.on && ruleTextOf(t.rrule) === step.rrule);
}

/** The steps an open cycle task stands for, by its month (the settings' months) and due year; none when the months changed since. */
export function stepsOfTask(settings: CycleSettingsValues, task: Pick<CycleTaskRow, 'due_on' | 'rrule'>): { kind: CycleStepKind; subjectYear: number }[] {
  const month = Number(task.due_on.slice(5, 7));
  const year = Number(task.due_on.slice(0, 4));
  if (ruleTextOf(task.rrule) !== stepRule(month)) return [];
  return (['evaluation', 'work_plan'] as const).filter((kind) => monthOf(settings, kind) === month).map((kind) => ({ kind, subjectYear: kind === 'evaluation' ? year : year + 1 }));
}

/**
 * Whether a step is done: the evaluation of its year adopted (a proposed one
 * still waits for the parties' approvals, which the task holders give); the
 * work plan for its year proposed to the parties or adopted (as the
 * obligations count it; an amendment reopening it does not undo that).
 */
async function stepDone(db: Kysely<Database>, partnershipId: string, step: { kind: CycleStepKind; subjectYear: number }): Promise<boolean> {
  if (step.kind === 'evaluation') return (await evaluationOfYear(db, partnershipId, step.subjectYear))?.adopted_at != null;
  const plan = await workPlanOfYear(db, partnershipId, step.subjectYear);
  return plan?.proposed_at != null || plan?.adopted_at != null;
}

/** The stored fields of a task as its audit trail keeps them (no state, no labels). */
async function auditViewOf(trx: Kysely<Database>, id: string) {
  const stored = await getTask(trx, id);
  const { state: _state, daysUntilDue: _days, subjectLabel: _label, ownerName: _owner, ...view } = toTask(stored, stored.due_on, null);
  return view;
}

function inForce(row: PartnershipRow, today: string): boolean {
  const status = agreementStatus(
    { signedOn: row.signed_on, startsOn: row.starts_on, endsOn: row.ends_on, noticeMonths: row.notice_months, noticeSentOn: row.notice_sent_on, renewalLeadMonths: row.renewal_lead_months },
    today
  );
  return status === 'active' || status === 'in_notice';
}

export class CycleStepService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async visible(db: Kysely<Database>, caller: Caller, id: string): Promise<PartnershipRow> {
    const row = await findPartnership(db, id);
    if (!row || !canSeePartnership(caller, id)) throw new NotFound('partnership');
    return row;
  }

  private async present(db: Kysely<Database>, row: PartnershipRow, today: string): Promise<Cycle> {
    const settings = settingsOf(row);
    const tasks = await repo.cycleTasksOf(db, row.id);
    const steps: CycleStep[] = nextSteps(settings, today).map((s) => ({
      kind: s.kind,
      rrule: s.rrule,
      nextOn: s.on,
      remindOn: s.remindOn,
      subjectYear: s.subjectYear,
      tasks: tasksOfStep(tasks, s).map((t) => ({ id: t.id, title: t.title, ownerId: t.owner_id, ownerName: t.owner_id ? t.owner_name : null, dueOn: t.due_on, status: t.status }))
    }));
    return { partnershipId: row.id, settings, steps, version: row.version };
  }

  async get(caller: Caller, partnershipId: string): Promise<Cycle> {
    return this.present(this.db, await this.visible(this.db, caller, partnershipId), dayOf(this.clock()));
  }

  async update(caller: Caller, partnershipId: string, patch: CyclePatch, expected: number | null): Promise<Cycle> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', partnershipId);
      const row = await this.visible(trx, caller, partnershipId);
      if (!canWriteIn(caller, partnershipId, SETTINGS_WRITERS)) throw new Forbidden('problems_cycle_settingsWriters');
      const today = dayOf(this.clock());
      const before = await this.present(trx, row, today);
      checkVersion(expected, before);
      const updated = await updatePartnership(trx, partnershipId, row.version, {
        evaluation_month: patch.evaluationMonth,
        work_plan_month: patch.workPlanMonth,
        cycle_lead_weeks: patch.leadWeeks,
        updated_at: this.clock().toISOString()
      });
      if (!updated) throw new PreconditionFailed(before);
      const after = await this.present(trx, updated, today);
      await recordChange(trx, caller, 'partnership', partnershipId, { cycle: before.settings }, { cycle: after.settings });
      return after;
    });
  }

  /** POST …/cycle/run: makes the tasks due today for one partnership (writers). */
  async run(caller: Caller, partnershipId: string): Promise<CycleRun> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', partnershipId);
      const row = await this.visible(trx, caller, partnershipId);
      if (!canWriteIn(caller, partnershipId)) throw new Forbidden('problems_cycle_roleForbidsTasks');
      return this.runFor(trx, caller, row, dayOf(this.clock()));
    });
  }

  /** The periodic run for every partnership (reminders.ts); one failing partnership does not stop the others. */
  async runAll(now: Date = this.clock(), log: (line: string) => void = (line) => console.warn(line)): Promise<CycleRun> {
    const total: CycleRun = { created: 0, existing: 0, closed: 0 };
    const today = dayOf(now);
    for (const id of await repo.partnershipIds(this.db)) {
      try {
        const result = await this.db.transaction().execute(async (trx) => {
          await holdForWrite(trx, 'partnerships', id);
          const row = await findPartnership(trx, id);
          return row ? this.runFor(trx, null, row, today) : { created: 0, existing: 0, closed: 0 };
        });
        total.created += result.created;
        total.existing += result.existing;
        total.closed += result.closed;
      } catch (error) {
        log(`The annual cycle run failed for partnership ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return total;
  }

  private async runFor(trx: Kysely<Database>, caller: Caller | null, row: PartnershipRow, today: string): Promise<CycleRun> {
    const result: CycleRun = { created: 0, existing: 0, closed: 0 };
    const settings = settingsOf(row);
    const tasks = await repo.cycleTasksOf(trx, row.id);
    const done = new Map<string, Promise<boolean>>();
    const isDone = (step: { kind: CycleStepKind; subjectYear: number }) => {
      const key = `${step.kind}:${step.subjectYear}`;
      if (!done.has(key)) done.set(key, stepDone(trx, row.id, step));
      return done.get(key)!;
    };
    const now = this.clock().toISOString();

    // open tasks of steps done since they were made are closed, saying why
    for (const task of tasks.filter((t) => t.status === 'open')) {
      const steps = stepsOfTask(settings, task);
      if (!steps.length || !(await Promise.all(steps.map(isDone))).every(Boolean)) continue;
      const before = await auditViewOf(trx, task.id);
      if (!(await updateTask(trx, task.id, task.version, { status: 'done', result: closedResult(steps, languageOf(task.owner_locale)), completed_at: now, updated_at: now }))) continue;
      await recordChange(trx, caller, 'task', task.id, before, await auditViewOf(trx, task.id));
      result.closed += 1;
    }

    if (!inForce(row, today)) return result;
    const due = stepsDue(settings, today);
    if (!due.length) return result;
    const [parties, members] = await Promise.all([repo.partiesWithContacts(trx, row.id), repo.activeMembersOf(trx, row.id)]);
    const owners = taskOwners(parties, members);
    // steps in the same month share their rule and day: one task covers both
    const groups = new Map<string, StepOccurrence[]>();
    for (const step of due) groups.set(`${step.rrule}|${step.on}`, [...(groups.get(`${step.rrule}|${step.on}`) ?? []), step]);
    for (const steps of groups.values()) {
      const step = steps[0]!;
      // a step already done gets no tasks
      const open: StepOccurrence[] = [];
      for (const s of steps) if (!(await isDone(s))) open.push(s);
      if (!open.length) continue;
      const made = tasksOfStep(tasks, step);
      for (const owner of owners) {
        if (made.some((t) => t.owner_id === owner.userId)) {
          result.existing += 1;
          continue;
        }
        const { title, description } = taskText(
          open.map((s) => s.kind),
          settings,
          row.title,
          owner,
          owner.language
        );
        const id = newId();
        const inserted = await repo.insertCycleStepTask(trx, {
          id,
          kind: 'cycle_step',
          title,
          description,
          owner_id: owner.userId,
          due_on: step.on,
          rrule: seriesText(parseRule(step.rrule), step.on),
          partnership_id: row.id,
          subject_type: 'partnership',
          subject_id: row.id,
          created_by: caller?.userId ?? null,
          created_at: now,
          updated_at: now
        });
        // an overlapping run (another process) made it first
        if (!inserted) {
          result.existing += 1;
          continue;
        }
        await recordChange(trx, caller, 'task', id, null, await auditViewOf(trx, id));
        result.created += 1;
      }
    }
    return result;
  }
}
