/**
 * The timeline of an organisation or person: what happened with them,
 * newest first. Each entry names its type: interactions logged on it and
 * activities it takes part in.
 */
import { z } from 'zod';
import { ActivityStatus, ActivityType } from './activities.js';
import { Id, Limit, pageOf } from '../../platform/schemas/common.js';
import { Interaction } from '../../crm/schemas/interactions.js';

export const TimelineQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional()
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const InteractionEntry = z.object({
  type: z.literal('interaction'),
  /** when it happened (UTC) */
  at: z.string(),
  interaction: Interaction
});

/** An activity the organisation (or one of its people) or the person takes part in; `at` is its start. */
export const ActivityEntry = z.object({
  type: z.literal('activity'),
  /** when it starts (UTC) */
  at: z.string(),
  activity: z.object({ id: Id, title: z.string(), type: ActivityType, startsAt: z.string(), timeZone: z.string(), status: ActivityStatus })
});

export const TimelineEntry = z.discriminatedUnion('type', [InteractionEntry, ActivityEntry]).meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = pageOf(TimelineEntry);
