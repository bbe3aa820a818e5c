/** Personal calendar feeds: a secret, revocable ICS address per feed. */
import { z } from 'zod';

export const CalendarFeed = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    /** when a calendar last fetched it; null before the first time */
    lastUsedAt: z.string().nullable(),
    /** set once revoked: the address answers 404 from then on */
    revokedAt: z.string().nullable()
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedCreated = CalendarFeed.extend({
  /** the secret, shown only in this answer */
  token: z.string(),
  /** the address to subscribe to (Outlook, Thunderbird, Google Calendar) */
  url: z.string(),
  /** the same with webcal://, which opens the calendar app */
  webcalUrl: z.string()
}).meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

export const CalendarFeedPage = z.object({ items: z.array(CalendarFeed), nextCursor: z.string().nullable() });

/** Calendar apps add nothing else, but other fields are ignored rather than refused. */
export const CalendarFeedQuery = z.object({ token: z.string().max(200).optional() });
