/**
 * Tasks: anything due with an owner — follow-ups after an activity, next
 * steps from minutes, steps of the yearly cycle, anything else — optionally
 * recurring (an RFC 5545 RRULE), optionally about another record.
 */
import { z } from 'zod';
import { CalendarDate, Id, Limit, NonEmptyText, OptionalText, pageOf, says, type ProblemKey } from '../../platform/schemas/common.js';

export const TaskKind = z.enum(['follow_up', 'next_step', 'cycle_step', 'other']);
export type TaskKind = z.infer<typeof TaskKind>;

export const TaskStatus = z.enum(['open', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Derived from status, due date and today: `due` within the next 7 days (today included), `overdue` after the due date. */
export const TaskState = z.enum(['open', 'due', 'overdue', 'done', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

/** The kinds of record a task can be about. */
export const SubjectType = z.enum(['activity', 'organisation', 'person', 'partnership', 'interaction']);
export type SubjectType = z.infer<typeof SubjectType>;

/** An RFC 5545 RRULE such as `FREQ=MONTHLY;INTERVAL=3`; checked part by part in the service (400 at the field). An empty string clears it. */
export const RecurrenceRule = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === '' ? null : v))
  .nullable();

const fields = {
  kind: TaskKind,
  title: NonEmptyText(300),
  description: OptionalText(5000),
  /** a member of the task's partnership who may change its records, or the caller; the caller when left out */
  ownerId: Id,
  dueOn: CalendarDate,
  rrule: RecurrenceRule,
  partnershipId: Id.nullable(),
  subjectType: SubjectType.nullable(),
  subjectId: Id.nullable()
};

function subjectPaired(value: { subjectType?: string | null; subjectId?: string | null }, ctx: z.core.$RefinementCtx<unknown>) {
  if (value.subjectType === undefined && value.subjectId === undefined) return;
  if ((value.subjectType ?? null) === null && (value.subjectId ?? null) !== null) ctx.addIssue({ code: 'custom', path: ['subjectType'], message: 'problems_task_field_subjectType' satisfies ProblemKey, input: value });
  if ((value.subjectType ?? null) !== null && (value.subjectId ?? null) === null) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'problems_task_field_subjectId' satisfies ProblemKey, input: value });
}

export const TaskCreate = z
  .strictObject({
    ...fields,
    kind: fields.kind.default('other'),
    description: fields.description.default(null),
    ownerId: fields.ownerId.optional(),
    rrule: fields.rrule.default(null),
    partnershipId: fields.partnershipId.default(null),
    subjectType: fields.subjectType.default(null),
    subjectId: fields.subjectId.default(null)
  })
  .superRefine(subjectPaired);
export type TaskCreate = z.infer<typeof TaskCreate>;

/**
 * Only the fields sent change. `status` reopens (`open`) or cancels
 * (`cancelled`) a task; completing goes through POST …/complete. `result`
 * can be corrected on a task that is done.
 */
export const TaskPatch = z
  .strictObject({
    ...fields,
    status: z.enum(['open', 'cancelled'], says('problems_task_field_status')),
    result: OptionalText(5000)
  })
  .partial()
  .superRefine(subjectPaired);
export type TaskPatch = z.infer<typeof TaskPatch>;

export const TaskComplete = z.strictObject({
  /** what came of it; required for follow-ups */
  result: OptionalText(5000).default(null)
});
export type TaskComplete = z.infer<typeof TaskComplete>;

export const Task = z
  .object({
    id: Id,
    kind: TaskKind,
    title: z.string(),
    description: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueOn: z.string(),
    /** the RRULE without DTSTART; the series starts on `recursFrom` */
    rrule: z.string().nullable(),
    recursFrom: z.string().nullable(),
    status: TaskStatus,
    state: TaskState,
    /** calendar days from today to the due date (negative when overdue) */
    daysUntilDue: z.number().int(),
    result: z.string().nullable(),
    completedAt: z.string().nullable(),
    partnershipId: z.string().nullable(),
    subjectType: SubjectType.nullable(),
    subjectId: z.string().nullable(),
    /** a name or title of the subject, null when the caller cannot see it (or it is gone) */
    subjectLabel: z.string().nullable(),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

/** A completed task and, for a recurring one, the next occurrence created as a new open task. */
export const TaskCompletion = z.object({ task: Task, next: Task.nullable() }).meta({ id: 'TaskCompletion' });
export type TaskCompletion = z.infer<typeof TaskCompletion>;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const TaskListQuery = z
  .strictObject({
    limit: Limit,
    cursor: z.string().max(500).optional(),
    /** only tasks the caller owns */
    mine: Flag.optional(),
    ownerId: Id.optional(),
    partnershipId: Id.optional(),
    subjectType: SubjectType.optional(),
    subjectId: Id.optional(),
    kind: TaskKind.optional(),
    status: TaskStatus.optional(),
    state: TaskState.optional(),
    dueFrom: CalendarDate.optional(),
    dueTo: CalendarDate.optional(),
    sort: z.enum(['dueOn', '-dueOn']).default('dueOn')
  })
  .superRefine(subjectPaired);
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskPage = pageOf(Task);
