/**
 * A person's consent: its history (given, withdrawn), withdrawing it, and
 * who relied on it. Shared by the API and the web.
 */
import { z } from 'zod';
import { CalendarDate, Id, NonEmptyText } from '../../platform/schemas/common.js';
import { LawfulBasis } from '../../crm/schemas/people.js';

export const ConsentWithdrawal = z.strictObject({
  /** how the person withdrew consent, e.g. "by e-mail of 3 Dec" */
  how: NonEmptyText(300),
  /** the day consent was withdrawn; default: today (UTC) */
  on: CalendarDate.optional()
});
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

export const ConsentEvent = z.object({
  event: z.enum(['given', 'withdrawn']),
  /** the day consent was given or withdrawn */
  on: z.string(),
  /** where consent was given, or how it was withdrawn */
  how: z.string(),
  /** the user who recorded it; null for consent recorded before the history was kept */
  by: z.object({ id: Id, name: z.string() }).nullable(),
  /** when it was recorded */
  at: z.string()
});
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/**
 * Who relied on the consent since it was last given: the users who logged
 * interactions with the person (how many, the latest), the activities the
 * person took part in, and the partnerships whose writers hold the record
 * (only what the reader may see).
 */
export const ConsentReliance = z.object({
  since: z.string().nullable(),
  interactions: z.array(z.object({ user: z.object({ id: Id, name: z.string() }).nullable(), count: z.number().int(), latest: z.string() })),
  activities: z.array(z.object({ id: Id, title: z.string(), startsAt: z.string(), role: z.string() })),
  partnerships: z.array(z.object({ id: Id, title: z.string() }))
});
export type ConsentReliance = z.infer<typeof ConsentReliance>;

export const PersonConsent = z
  .object({
    personId: Id,
    lawfulBasis: LawfulBasis,
    /** given: consent stands; withdrawn: the latest event is a withdrawal (no mails); none: never recorded */
    state: z.enum(['given', 'withdrawn', 'none']),
    /** whether the reader may withdraw it now */
    canWithdraw: z.boolean(),
    history: z.array(ConsentEvent),
    reliedOn: ConsentReliance
  })
  .meta({ id: 'PersonConsent' });
export type PersonConsent = z.infer<typeof PersonConsent>;
