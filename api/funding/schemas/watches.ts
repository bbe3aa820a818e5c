/** Watching calls: the caller's own list of calls to be reminded of. */
import { z } from 'zod';
import { Id, Limit } from '../../platform/schemas/common.js';

export const CallParam = z.strictObject({ id: Id });

export const WatchedDeadline = z.object({
  id: Id,
  label: z.string().nullable(),
  /** UTC instant */
  at: z.string(),
  /** the IANA zone the deadline was published in */
  timeZone: z.string()
});
export type WatchedDeadline = z.infer<typeof WatchedDeadline>;

export const Watch = z
  .object({
    callId: Id,
    watching: z.boolean(),
    /** when the caller began watching; null when not watching */
    watchedAt: z.string().nullable()
  })
  .meta({ id: 'Watch' });
export type Watch = z.infer<typeof Watch>;

export const WatchedCall = z
  .object({
    callId: Id,
    identifier: z.string(),
    title: z.string(),
    programmeId: Id.nullable(),
    programmeName: z.string().nullable(),
    link: z.string().nullable(),
    watchedAt: z.string(),
    /** the first deadline still ahead, null when none is */
    nextDeadline: WatchedDeadline.nullable(),
    deadlines: z.array(WatchedDeadline)
  })
  .meta({ id: 'WatchedCall' });
export type WatchedCall = z.infer<typeof WatchedCall>;

export const WatchedListQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional()
});
export type WatchedListQuery = z.infer<typeof WatchedListQuery>;

export const WatchedCallPage = z.object({ items: z.array(WatchedCall), nextCursor: z.string().nullable() });
