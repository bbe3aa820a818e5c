/**
 * The deadline dashboard: call deadlines and the internal milestones of the
 * caller's proposals in the next N days, most urgent first, each in its own
 * zone and in the reader's, with a count-down; a page at a time (`limit`,
 * default 50, at most 200, and `cursor`).
 */
import { z } from 'zod';
import { Id, Limit, says } from '../../platform/schemas/common.js';
import { TimeZone } from '../../platform/schemas/times.js';

export const DeadlineDashboardQuery = z.strictObject({
  days: z.coerce.number().int().min(1, says('problems_deadlines_field_lookAheadMin')).max(366, says('problems_deadlines_field_lookAheadMax')).default(90),
  /** the reader's IANA zone; default the caller's reminder settings, else Europe/Brussels */
  zone: TimeZone.optional(),
  /** only deadlines of calls the caller watches (milestones stay) */
  watched: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  limit: Limit,
  /** `nextCursor` of the page before: the next page continues strictly after its last item */
  cursor: z.string().max(500).optional()
});
export type DeadlineDashboardQuery = z.infer<typeof DeadlineDashboardQuery>;

export const WallTimeSchema = z.object({
  timeZone: z.string(),
  /** `YYYY-MM-DDTHH:mm` (`:ss` only when not zero); for an all-day milestone the date */
  local: z.string(),
  offset: z.string(),
  /** `17:00 Europe/Brussels`; for an all-day milestone the date */
  label: z.string()
});

export const CountdownSchema = z.object({
  totalSeconds: z.number().int(),
  days: z.number().int(),
  hours: z.number().int(),
  minutes: z.number().int(),
  passed: z.boolean()
});

export const DeadlineDashboardItem = z
  .object({
    kind: z.enum(['call_deadline', 'milestone']),
    /** the deadline's or the milestone's id */
    id: Id,
    /** UTC instant; for an all-day milestone the end of its day in its zone */
    at: z.string(),
    /** the call's title or the milestone's */
    title: z.string(),
    /** the stage or cut-off label of a deadline; the kind of a milestone */
    label: z.string().nullable(),
    allDay: z.boolean(),
    /** only a date was known for the deadline; the programme's usual cut-off was assumed */
    assumed: z.boolean(),
    call: z
      .object({ id: Id, identifier: z.string(), title: z.string(), programmeName: z.string().nullable(), watched: z.boolean() })
      .nullable(),
    proposal: z.object({ id: Id, acronym: z.string(), title: z.string(), partnershipId: Id }).nullable(),
    /** in the zone the deadline was published in (a milestone: its call's zone, else Europe/Brussels) */
    own: WallTimeSchema,
    /** in the reader's zone */
    reader: WallTimeSchema,
    countdown: CountdownSchema
  })
  .meta({ id: 'DeadlineDashboardItem' });
export type DeadlineDashboardItem = z.infer<typeof DeadlineDashboardItem>;

export const DeadlineDashboard = z
  .object({
    from: z.string(),
    to: z.string(),
    /** the reader's zone used for `reader` */
    timeZone: z.string(),
    items: z.array(DeadlineDashboardItem),
    /** the cursor of the next page; null on the last */
    nextCursor: z.string().nullable()
  })
  .meta({ id: 'DeadlineDashboard' });
export type DeadlineDashboard = z.infer<typeof DeadlineDashboard>;
