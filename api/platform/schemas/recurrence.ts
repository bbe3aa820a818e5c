/** Shapes of /api/recurrence: a rule's next dates, for the recurrence editor's preview. */
import { z } from 'zod';
import { CalendarDate } from './common.js';

/** the most dates a preview lists */
export const MAX_PREVIEW_DATES = 12;

export const RecurrenceQuery = z.strictObject({
  /** the rule (RFC 5545 RRULE, without DTSTART) */
  rule: z.string().trim().min(1).max(500),
  /** the series' first date (a task's due date, an activity's end, a call's first deadline) */
  start: CalendarDate,
  /** how many dates to list, 1–12 (default 5) */
  count: z.coerce.number().int().min(1).max(MAX_PREVIEW_DATES).default(5)
});
export type RecurrenceQuery = z.infer<typeof RecurrenceQuery>;

export const RecurrenceDates = z
  .object({
    /** the rule as it would be stored: upper-case, without `RRULE:` */
    rule: z.string(),
    /** the series' dates from the start, at most `count`, within ten years */
    dates: z.array(z.string())
  })
  .meta({ id: 'RecurrenceDates' });
export type RecurrenceDates = z.infer<typeof RecurrenceDates>;
