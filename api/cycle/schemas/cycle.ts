/**
 * The annual cycle's steps for a partnership (evaluation in its month, next
 * year's work plan in its month), each an RRULE; a configurable number of
 * weeks ahead each becomes a task for each party's contact person.
 */
import { z } from 'zod';
import { Id, says } from '../../platform/schemas/common.js';

export const CycleStepKind = z.enum(['evaluation', 'work_plan']);
export type CycleStepKind = z.infer<typeof CycleStepKind>;

export const CycleStep = z.object({
  kind: CycleStepKind,
  /** RFC 5545 RRULE, e.g. FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=1 */
  rrule: z.string(),
  /** the next occurrence on or after today, and the day its tasks are created */
  nextOn: z.string(),
  remindOn: z.string(),
  /** the year the step is about (evaluation: that year; work plan: the year after) */
  subjectYear: z.number().int(),
  tasks: z.array(z.object({ id: Id, title: z.string(), ownerId: Id.nullable(), ownerName: z.string().nullable(), dueOn: z.string(), status: z.string() }))
});
export type CycleStep = z.infer<typeof CycleStep>;

export const CycleSettings = z.object({
  evaluationMonth: z.number().int().min(1).max(12),
  workPlanMonth: z.number().int().min(1).max(12),
  leadWeeks: z.number().int().min(0).max(26)
});

export const Cycle = z
  .object({ partnershipId: Id, settings: CycleSettings, steps: z.array(CycleStep), version: z.number().int() })
  .meta({ id: 'Cycle' });
export type Cycle = z.infer<typeof Cycle>;

export const CyclePatch = z
  .strictObject({
    evaluationMonth: z.number().int().min(1, says('problems_cycle_field_month')).max(12, says('problems_cycle_field_month')).optional(),
    workPlanMonth: z.number().int().min(1, says('problems_cycle_field_month')).max(12, says('problems_cycle_field_month')).optional(),
    leadWeeks: z.number().int().min(0).max(26, says('problems_cycle_field_leadWeeks')).optional()
  })
  .refine((p) => Object.keys(p).length > 0, says('problems_cycle_field_noSettingToChange'));
export type CyclePatch = z.infer<typeof CyclePatch>;

/** What a run created (tasks that were already there are not created again, nor tasks of a step already done) and how many open tasks it closed because their step is done. */
export const CycleRun = z.object({ created: z.number().int(), existing: z.number().int(), closed: z.number().int() });
