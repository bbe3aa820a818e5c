/** Reminder settings: when before a watched call's deadline to be reminded, by email or not, in which zone. */
import { DateTime } from 'luxon';
import { z } from 'zod';

export const DEFAULT_OFFSETS = [30, 14, 3];
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

export const TimeZone = z
  .string()
  .trim()
  .refine((zone) => zone.includes('/') || zone === 'UTC', { error: 'Use an IANA time zone such as Europe/Brussels or Europe/Helsinki.' })
  .refine((zone) => DateTime.local().setZone(zone).isValid, { error: 'Use an IANA time zone such as Europe/Brussels or Europe/Helsinki.' });

export const ReminderSettingsInput = z.strictObject({
  /** days before each deadline, 1–365, at most 10; an empty list turns deadline reminders off */
  offsets: z
    .array(z.number({ error: 'Give whole days, e.g. 30.' }).int({ error: 'Give whole days, e.g. 30.' }).min(1, { error: 'At least 1 day before.' }).max(365, { error: 'At most 365 days before.' }))
    .max(10, { error: 'At most 10 reminders per deadline.' })
    .refine((days) => new Set(days).size === days.length, { error: 'Each number of days only once.' }),
  /** also by email (in the app they always appear) */
  email: z.boolean(),
  /** the zone deadlines are shown in beside the call's own */
  timeZone: TimeZone
});
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInput>;

export const ReminderSettings = z
  .object({
    /** days before each deadline, largest first */
    offsets: z.array(z.number().int()),
    email: z.boolean(),
    timeZone: z.string(),
    /** where emails go (the account's address) */
    emailAddress: z.string(),
    /** false while the server has no SMTP configured: only in-app reminders then */
    emailAvailable: z.boolean()
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettings = z.infer<typeof ReminderSettings>;
