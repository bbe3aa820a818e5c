/**
 * Tasks: due things with an owner — follow-ups, next steps, cycle steps,
 * anything else — optionally recurring, optionally about another record.
 *
 * Who sees a task
 * - A task of a partnership: the partnership's members (system
 *   administrators see every task). A task without a partnership is
 *   personal: its owner and its creator see it. Anyone else gets 404.
 *
 * Who changes a task
 * - A task of a partnership: whoever holds a writing role in it (admin,
 *   officer, editor); viewers get 403. A personal task: its owner or its
 *   creator, while they hold a writing role somewhere. Creating one needs a
 *   writing role in the partnership named (or, for a personal task,
 *   somewhere).
 * - The owner is the caller, or a member of the task's partnership who may
 *   change its records, whose account is not disabled (a viewer could never
 *   complete it; task-owners.ts lists them for the pickers). A personal task
 *   belongs to its creator. Anyone else is a 400 at `ownerId`.
 * - The subject (activity, organisation, person, partnership, interaction)
 *   must be visible to the caller when it is set or changed, else a 400 at
 *   `subjectId`, as if it did not exist.
 *
 * State, derived from status, due date and today (the clock handed to
 * createServices, read as a UTC calendar date like the partnerships'
 * status): `done` and `cancelled` as stored; an open task is `overdue` from
 * the day after its due date, `due` from 7 days before it to the due date
 * itself, `open` before that.
 *
 * Recurrence
 * - `rrule` is an RFC 5545 RRULE without DTSTART (see recurrence.ts for what
 *   is accepted); the series starts on the due date and is stored with that
 *   start, so a monthly task on the 31st stays on month ends (30 Nov,
 *   28/29 Feb, …) and COUNT counts from the first occurrence.
 * - Completing a recurring task creates the next occurrence (the first one
 *   after the completed due date) as a new open task with the same fields
 *   and series; none once COUNT or UNTIL is used up. Changing the due date
 *   of a recurring task starts its series again from the new date.
 *   Cancelling a task ends its series: to skip one occurrence, complete it
 *   with a result saying so.
 * - Completing needs a result for follow-ups ("what came of it"); any task
 *   may carry one. Only an open task can be completed (409 otherwise).
 *   PATCH reopens (`status: open`) or cancels; it may correct the result.
 *
 * Every write leaves an audit event ('task') in the same transaction; the
 * trail keeps the stored fields, not the caller's view (state, labels).
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { findVisibleInteraction } from '../../../db/crm/interactions.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import * as repo from '../../../db/activities/tasks.js';
import type { TaskFilter, TaskWithOwnerRow } from '../../../db/activities/tasks.js';
import { findVisibleActivity } from '../../../db/activities/visibility.js';
import type { Database, TaskTable } from '../../../db/schema.js';
import { words, Conflict, Forbidden, NotFound, PreconditionFailed, RuleProblem, ValidationFailed, assertRuleFalls, assertWriterSomewhere, canSeePartnership, canWriteIn, checkVersion, isWriterSomewhere, nextOccurrence, pageRequest, parseRule, readSeries, recordChange, scopeOf, seriesText, unknownReference, type Caller } from '../../platform/index.js';
import type { SubjectType, Task, TaskComplete, TaskCompletion, TaskCreate, TaskListQuery, TaskPatch, TaskState, TaskStatus } from '../schemas/tasks.js';
import { addDays, dayOf, daysBetween } from '../../crm/index.js';
import { holdForWrite } from '../../../db/row-locks.js';
import { mayOwnTask } from './task-owners.js';

/** An open task is `due` from this many days before its due date. */
export const DUE_SOON_DAYS = 7;

const LABEL_LENGTH = 120;

/** The state of a task on `today`. */
export function taskState(status: TaskStatus, dueOn: string, today: string): TaskState {
  if (status !== 'open') return status;
  const days = daysBetween(today, dueOn);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'due';
  return 'open';
}

/** The stored status and due-date bounds that make up a state on `today`. */
export function stateWindow(state: TaskState, today: string): { status: TaskStatus; dueFrom?: string; dueTo?: string } {
  switch (state) {
    case 'overdue':
      return { status: 'open', dueTo: addDays(today, -1) };
    case 'due':
      return { status: 'open', dueFrom: today, dueTo: addDays(today, DUE_SOON_DAYS) };
    case 'open':
      return { status: 'open', dueFrom: addDays(today, DUE_SOON_DAYS + 1) };
    default:
      return { status: state };
  }
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH - 1)}…` : line;
}

function series(stored: string | null): { rrule: string | null; recursFrom: string | null } {
  if (stored === null) return { rrule: null, recursFrom: null };
  try {
    const { rule, start } = readSeries(stored);
    return { rrule: rule.text, recursFrom: start };
  } catch {
    return { rrule: stored, recursFrom: null };
  }
}

export function toTask(row: TaskWithOwnerRow, today: string, subjectLabel: string | null): Task {
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    kind: row.kind as Task['kind'],
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    ownerName: row.owner_id ? row.owner_name : null,
    dueOn: row.due_on,
    ...series(row.rrule),
    status,
    state: taskState(status, row.due_on, today),
    daysUntilDue: daysBetween(today, row.due_on),
    result: row.result,
    completedAt: row.completed_at,
    partnershipId: row.partnership_id,
    subjectType: row.subject_type as SubjectType | null,
    subjectId: row.subject_id,
    subjectLabel,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** What the audit trail keeps: the stored fields, not what moves with the calendar or the reader. */
function auditView(row: TaskWithOwnerRow) {
  const { state: _state, daysUntilDue: _days, subjectLabel: _label, ownerName: _owner, ...rest } = toTask(row, row.due_on, null);
  return rest;
}

/** Maps rows to the response shape, with the labels of the subjects the caller may see. */
export async function presentTasks(db: Kysely<Database>, caller: Caller, rows: TaskWithOwnerRow[], today: string): Promise<Task[]> {
  const refs = rows.flatMap((r) => (r.subject_type && r.subject_id ? [{ type: r.subject_type, id: r.subject_id }] : []));
  const labels = refs.length ? await repo.visibleSubjectLabels(db, scopeOf(caller), refs) : new Map<string, string>();
  return rows.map((row) => {
    const label = row.subject_type && row.subject_id ? labels.get(`${row.subject_type}:${row.subject_id}`) : undefined;
    return toTask(row, today, label === undefined ? null : shorten(label));
  });
}

async function reload(db: Kysely<Database>, id: string): Promise<TaskWithOwnerRow> {
  const row = await repo.findTask(db, id);
  if (!row) throw new NotFound('task');
  return row;
}

/** Inserts a task and its audit event; returns the stored row. */
export async function insertTaskAudited(trx: Kysely<Database>, caller: Caller, values: Omit<Insertable<TaskTable>, 'id'>): Promise<TaskWithOwnerRow> {
  const { id } = await repo.insertTask(trx, { ...values, id: newId() });
  const row = await reload(trx, id);
  await recordChange(trx, caller, 'task', id, null, auditView(row));
  return row;
}

/** Throws 400 at `path` when the caller may not make `ownerId` the owner of a task of `partnershipId`. */
export async function assertOwnerAllowed(db: Kysely<Database>, caller: Caller, ownerId: string, partnershipId: string | null, path = 'ownerId'): Promise<void> {
  if (ownerId === caller.userId) return;
  const refusal = { path, ...(partnershipId ? words('problems_task_field_ownerMember') : words('problems_task_field_ownerSelf')) };
  if (!partnershipId) throw new ValidationFailed([refusal]);
  if (!(await mayOwnTask(db, ownerId, partnershipId))) throw new ValidationFailed([refusal]);
}

/** Throws 400 at `subjectId` when the record is missing or invisible to the caller. */
export async function assertSubjectVisible(db: Kysely<Database>, caller: Caller, type: SubjectType, id: string): Promise<void> {
  const scope = scopeOf(caller);
  const found =
    type === 'activity'
      ? await findVisibleActivity(db, scope, id)
      : type === 'organisation'
        ? await findVisibleOrganisation(db, scope, id)
        : type === 'person'
          ? await findVisiblePerson(db, scope, id)
          : type === 'interaction'
            ? await findVisibleInteraction(db, scope, id)
            : canSeePartnership(caller, id)
              ? await findPartnership(db, id)
              : undefined;
  if (!found) throw unknownReference('subjectId', type);
}

async function assertPartnershipWritable(db: Kysely<Database>, caller: Caller, partnershipId: string): Promise<void> {
  if (!canSeePartnership(caller, partnershipId) || !(await findPartnership(db, partnershipId))) throw unknownReference('partnershipId', 'partnership');
  if (!canWriteIn(caller, partnershipId)) throw new Forbidden('problems_task_roleForbidsPartnership');
}

function mayChange(caller: Caller, row: TaskWithOwnerRow): boolean {
  if (caller.isAdmin) return true;
  if (row.partnership_id) return canWriteIn(caller, row.partnership_id);
  return (row.owner_id === caller.userId || row.created_by === caller.userId) && isWriterSomewhere(caller);
}

/** The stored series for `rrule` starting on `dueOn`; a 400 at `rrule` for a rule that cannot be used. */
export function storedSeries(rrule: string | null, dueOn: string, path = 'rrule'): string | null {
  if (rrule === null) return null;
  try {
    const rule = parseRule(rrule);
    assertRuleFalls(rule, dueOn);
    return seriesText(rule, dueOn);
  } catch (error) {
    if (error instanceof RuleProblem) throw new ValidationFailed([{ path, ...error.words }]);
    throw error;
  }
}

export class TaskService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private today(): string {
    return dayOf(this.clock());
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async loadVisible(db: Kysely<Database>, caller: Caller, id: string): Promise<TaskWithOwnerRow> {
    const row = await repo.findVisibleTask(db, scopeOf(caller), caller.userId, id);
    if (!row) throw new NotFound('task');
    return row;
  }

  private async loadWritable(db: Kysely<Database>, caller: Caller, id: string, expected: number | null): Promise<TaskWithOwnerRow> {
    await holdForWrite(db, 'tasks', id);
    const row = await this.loadVisible(db, caller, id);
    if (!mayChange(caller, row)) throw new Forbidden('problems_task_roleForbids');
    checkVersion(expected, await this.presentOne(db, caller, row));
    return row;
  }

  private async presentOne(db: Kysely<Database>, caller: Caller, row: TaskWithOwnerRow): Promise<Task> {
    const [task] = await presentTasks(db, caller, [row], this.today());
    return task!;
  }

  async list(caller: Caller, query: TaskListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const today = this.today();
    const window = query.state ? stateWindow(query.state, today) : null;
    if (window && query.status && window.status !== query.status) return { items: [], nextCursor: null };
    const filter: TaskFilter = {
      ownerId: query.mine ? caller.userId : query.ownerId,
      partnershipId: query.partnershipId,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      kind: query.kind,
      status: window?.status ?? query.status,
      dueFrom: later(query.dueFrom, window?.dueFrom),
      dueTo: earlier(query.dueTo, window?.dueTo)
    };
    const { page } = pageRequest(query, { dueOn: 'due_on' } as const);
    const result = await repo.listTasks(this.db, scopeOf(caller), caller.userId, filter, page);
    return { items: await presentTasks(this.db, caller, result.items, today), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Task> {
    return this.presentOne(this.db, caller, await this.loadVisible(this.db, caller, id));
  }

  async create(caller: Caller, input: TaskCreate): Promise<Task> {
    return this.db.transaction().execute(async (trx) => {
      if (input.partnershipId) await assertPartnershipWritable(trx, caller, input.partnershipId);
      else assertWriterSomewhere(caller);
      const ownerId = input.ownerId ?? caller.userId;
      await assertOwnerAllowed(trx, caller, ownerId, input.partnershipId);
      if (input.subjectType && input.subjectId) await assertSubjectVisible(trx, caller, input.subjectType, input.subjectId);
      const now = this.now();
      const row = await insertTaskAudited(trx, caller, {
        kind: input.kind,
        title: input.title,
        description: input.description,
        owner_id: ownerId,
        due_on: input.dueOn,
        rrule: storedSeries(input.rrule, input.dueOn),
        partnership_id: input.partnershipId,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        created_by: caller.userId,
        created_at: now,
        updated_at: now
      });
      return this.presentOne(trx, caller, row);
    });
  }

  async update(caller: Caller, id: string, patch: TaskPatch, expected: number | null): Promise<Task> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.loadWritable(trx, caller, id, expected);
      const partnershipId = patch.partnershipId === undefined ? row.partnership_id : patch.partnershipId;
      if (partnershipId !== row.partnership_id) {
        if (partnershipId) await assertPartnershipWritable(trx, caller, partnershipId);
        else assertWriterSomewhere(caller);
      }
      const ownerId = patch.ownerId === undefined ? row.owner_id : patch.ownerId;
      if (ownerId !== null && (ownerId !== row.owner_id || partnershipId !== row.partnership_id)) await assertOwnerAllowed(trx, caller, ownerId, partnershipId);
      if (patch.subjectType && patch.subjectId && (patch.subjectType !== row.subject_type || patch.subjectId !== row.subject_id)) {
        await assertSubjectVisible(trx, caller, patch.subjectType, patch.subjectId);
      }
      const dueOn = patch.dueOn ?? row.due_on;
      let rrule: string | null | undefined;
      if (patch.rrule !== undefined) rrule = storedSeries(patch.rrule, dueOn);
      else if (row.rrule !== null && dueOn !== row.due_on) rrule = storedSeries(series(row.rrule).rrule, dueOn);
      const status = patch.status ?? (row.status as TaskStatus);
      const result = patch.result === undefined ? row.result : patch.result;
      const kind = patch.kind ?? row.kind;
      if (status === 'done' && kind === 'follow_up' && result === null) throw new ValidationFailed([{ path: 'result', ...words('problems_task_field_followUpKeepsResult') }]);
      const updated = await repo.updateTask(trx, id, row.version, {
        kind: patch.kind,
        title: patch.title,
        description: patch.description,
        owner_id: patch.ownerId,
        due_on: patch.dueOn,
        rrule,
        partnership_id: patch.partnershipId,
        subject_type: patch.subjectType,
        subject_id: patch.subjectId,
        status: patch.status,
        result: patch.result,
        completed_at: patch.status === 'open' || patch.status === 'cancelled' ? null : undefined,
        updated_at: this.now()
      });
      if (!updated) throw new PreconditionFailed(await this.presentOne(trx, caller, row));
      const after = await reload(trx, id);
      await recordChange(trx, caller, 'task', id, auditView(row), auditView(after));
      return this.presentOne(trx, caller, after);
    });
  }

  async complete(caller: Caller, id: string, input: TaskComplete, expected: number | null): Promise<TaskCompletion> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.loadWritable(trx, caller, id, expected);
      if (row.status !== 'open') throw new Conflict(words(row.status === 'done' ? 'problems_task_doneAlready' : 'problems_task_cancelled'), { current: await this.presentOne(trx, caller, row) });
      if (row.kind === 'follow_up' && input.result === null) throw new ValidationFailed([{ path: 'result', ...words('problems_task_field_sayResult') }]);
      const now = this.now();
      const updated = await repo.updateTask(trx, id, row.version, { status: 'done', result: input.result, completed_at: now, updated_at: now });
      if (!updated) throw new PreconditionFailed(await this.presentOne(trx, caller, row));
      const after = await reload(trx, id);
      await recordChange(trx, caller, 'task', id, auditView(row), auditView(after));
      const next = await this.nextOccurrenceOf(trx, caller, after, now);
      return { task: await this.presentOne(trx, caller, after), next: next && (await this.presentOne(trx, caller, next)) };
    });
  }

  /** Creates the next open task of a recurring series, or returns null when the series has ended. */
  private async nextOccurrenceOf(trx: Kysely<Database>, caller: Caller, row: TaskWithOwnerRow, now: string): Promise<TaskWithOwnerRow | null> {
    if (row.rrule === null) return null;
    const { rule, start } = readSeries(row.rrule);
    const dueOn = nextOccurrence(rule, start ?? row.due_on, row.due_on);
    if (dueOn === null) return null;
    return insertTaskAudited(trx, caller, {
      kind: row.kind,
      title: row.title,
      description: row.description,
      owner_id: row.owner_id,
      due_on: dueOn,
      rrule: row.rrule,
      partnership_id: row.partnership_id,
      subject_type: row.subject_type,
      subject_id: row.subject_id,
      created_by: row.created_by,
      created_at: now,
      updated_at: now
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.loadWritable(trx, caller, id, expected);
      await repo.deleteTask(trx, id);
      await recordChange(trx, caller, 'task', id, auditView(row), null);
    });
  }
}
