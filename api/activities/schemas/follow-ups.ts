/**
 * Follow-ups of an activity: due dates proposed from a recurrence rule
 * (the activity's own, else its partnership's default), follow-up tasks
 * created from them, and the completion rate per partnership and year.
 */
import { z } from 'zod';
import { CalendarDate, Id, NonEmptyText, says, type ProblemKey } from '../../platform/schemas/common.js';
import { Task } from './tasks.js';

export const RuleSource = z.enum(['activity', 'partnership', 'default']);
export type RuleSource = z.infer<typeof RuleSource>;

export const FollowUpProposal = z
  .object({
    activityId: Id,
    activityTitle: z.string(),
    activityStatus: z.string(),
    /** the last day of the activity in its own time zone */
    endsOn: z.string(),
    timeZone: z.string(),
    /** the RRULE the dates come from; COUNT is the number of follow-ups after the end */
    rule: z.string(),
    ruleSource: RuleSource,
    /** the partnership the follow-ups would belong to */
    partnershipId: z.string().nullable(),
    dueDates: z.array(z.string()),
    defaultOwner: z.object({ id: Id, name: z.string() }).nullable(),
    /** follow-ups can be created once the activity is done */
    canCreate: z.boolean(),
    /** follow-up tasks already created for this activity */
    existing: z.array(Task)
  })
  .meta({ id: 'FollowUpProposal' });
export type FollowUpProposal = z.infer<typeof FollowUpProposal>;

export const FollowUpCreate = z
  .strictObject({
    /** the due dates to use; the proposal's when left out */
    dueDates: z
      .array(CalendarDate)
      .min(1, says('problems_followUp_field_dueDatesEmpty'))
      .max(12, says('problems_followUp_field_atMostAtOnce'))
      .optional(),
    /** who takes care of them; the proposal's default owner when left out */
    ownerId: Id.optional(),
    /** a rule for these follow-ups only (not stored on the activity) */
    rule: z.string().trim().min(1).max(500).optional(),
    title: NonEmptyText(300).optional()
  })
  .superRefine((value, ctx) => {
    if (value.dueDates && value.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'problems_followUp_field_datesOrRule' satisfies ProblemKey, input: value });
    value.dueDates?.forEach((date, i) => {
      if (value.dueDates!.indexOf(date) !== i) ctx.addIssue({ code: 'custom', path: ['dueDates', i], message: 'problems_followUp_field_dateTwice' satisfies ProblemKey, input: date });
    });
  });
export type FollowUpCreate = z.infer<typeof FollowUpCreate>;

export const FollowUpList = z.object({ items: z.array(Task) }).meta({ id: 'FollowUpList' });

export const FollowUpRuleSet = z.strictObject({ rule: z.string().trim().min(1, says('problems_field_required')).max(500) });
export type FollowUpRuleSet = z.infer<typeof FollowUpRuleSet>;

export const FollowUpRule = z
  .object({
    partnershipId: Id,
    rule: z.string(),
    /** the partnership's version (its ETag) after the change */
    version: z.number().int(),
    /** what the rule proposes for an activity ending today */
    example: z.object({ endsOn: z.string(), dueDates: z.array(z.string()) })
  })
  .meta({ id: 'FollowUpRule' });
export type FollowUpRule = z.infer<typeof FollowUpRule>;

export const FollowUpRateQuery = z.strictObject({
  partnershipId: Id,
  year: z.coerce.number(says('problems_followUp_field_yearSuchAs')).int().min(1990).max(2200)
});
export type FollowUpRateQuery = z.infer<typeof FollowUpRateQuery>;

export const FollowUpRate = z
  .object({
    partnershipId: Id,
    year: z.number().int(),
    /** follow-ups due in the year, cancelled ones left out */
    total: z.number().int(),
    done: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    cancelled: z.number().int(),
    /** done / total, null when there is nothing to count */
    rate: z.number().nullable()
  })
  .meta({ id: 'FollowUpRate' });
export type FollowUpRate = z.infer<typeof FollowUpRate>;
