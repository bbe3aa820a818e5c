/**
 * Internal milestones of a proposal (descriptions due, steering group,
 * committee decision, submission, other) with owners and dates, and the
 * plan proposed backwards from the call's deadline (services/
 * milestone-plan.ts), to edit before saving.
 */
import { z } from 'zod';
import { CalendarDate, Id, NonEmptyText, says } from '../../platform/schemas/common.js';

export const MilestoneKind = z.enum(['descriptions_due', 'steering_group', 'committee_decision', 'submission', 'other']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** A wall time `HH:mm` (24 hours), in the zone of the deadline it belongs to. */
export const WallTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('problems_proposals_field_wallTime'));

const fields = {
  kind: MilestoneKind,
  title: NonEmptyText(200),
  dueOn: CalendarDate,
  dueTime: WallTime.nullable(),
  /** a member of the proposal's partnership */
  ownerId: Id.nullable(),
  done: z.boolean()
};

export const MilestoneCreate = z.strictObject({
  ...fields,
  kind: fields.kind.default('other'),
  dueTime: fields.dueTime.default(null),
  ownerId: fields.ownerId.default(null),
  done: fields.done.default(false)
});
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

export const MilestonePatch = z.strictObject(fields).partial();
export type MilestonePatch = z.infer<typeof MilestonePatch>;

export const MilestoneParams = z.strictObject({ id: Id, milestoneId: Id });

export const Milestone = z
  .object({
    id: Id,
    proposalId: Id,
    kind: MilestoneKind,
    title: z.string(),
    dueOn: z.string(),
    dueTime: z.string().nullable(),
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    version: z.number().int()
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneList = z.object({ proposalId: Id, items: z.array(Milestone) }).meta({ id: 'MilestoneList' });
export type MilestoneList = z.infer<typeof MilestoneList>;

export const MilestonePlanQuery = z.strictObject({
  /** plan back from this day instead of the call's next deadline */
  deadlineOn: CalendarDate.optional(),
  /** the submission's time on that day */
  deadlineTime: WallTime.optional()
});
export type MilestonePlanQuery = z.infer<typeof MilestonePlanQuery>;

export const PlannedMilestone = z.object({
  kind: MilestoneKind,
  title: z.string(),
  dueOn: z.string(),
  dueTime: z.string().nullable(),
  daysBefore: z.number().int(),
  /** the weekend day or holiday it would have fallen on, before moving to the working day before */
  movedFrom: z.string().nullable(),
  /** the public holiday (of the partners' places, named in the reader's language) it was moved off or over, or null */
  holiday: z.string().nullable(),
  /** the date is already past on the day of planning */
  past: z.boolean()
});

export const MilestonePlan = z
  .object({
    proposalId: Id,
    deadline: z.object({
      /** the call's next deadline, or the day given in the query */
      source: z.enum(['call', 'given']),
      deadlineId: Id.nullable(),
      /** the instant (UTC) when it comes from the call */
      at: z.string().nullable(),
      timeZone: z.string().nullable(),
      /** the deadline's date and time where it was published */
      localDate: z.string(),
      localTime: z.string().nullable(),
      /** the call's deadline time was assumed from the programme's usual cut-off */
      assumed: z.boolean()
    }),
    /** the day of planning where the deadline was published (Brussels for a day given by hand): proposed dates before it are past */
    today: z.string(),
    /** how far before the deadline each milestone falls (RegioWIN 2030 timeline of seed 002) */
    rules: z.array(z.object({ kind: MilestoneKind, title: z.string(), daysBefore: z.number().int() })),
    items: z.array(PlannedMilestone)
  })
  .meta({ id: 'MilestonePlan' });
export type MilestonePlan = z.infer<typeof MilestonePlan>;

export const MilestonePlanSave = z.strictObject({
  items: z.array(MilestoneCreate).min(1, says('problems_proposals_field_oneMilestone')).max(30)
});
export type MilestonePlanSave = z.infer<typeof MilestonePlanSave>;
