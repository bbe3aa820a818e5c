/**
 * The timeline of an organisation or person: what happened with them,
 * newest first. Each entry names its type so later kinds (activities) join
 * without changing the ones already there.
 */
import { z } from 'zod';
import { Limit, pageOf } from './common.js';
import { Interaction } from './interactions.js';

export const TimelineQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional()
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineEntry = z
  .object({
    type: z.literal('interaction'),
    /** when it happened (UTC) */
    at: z.string(),
    interaction: Interaction
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = pageOf(TimelineEntry);
