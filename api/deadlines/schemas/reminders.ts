/** Reminder settings: when before a watched call's deadline to be reminded, by email or not, in which zone. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { says } from '../../platform/schemas/common.js';

export const DEFAULT_OFFSETS = [30, 14, 3];
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

export const TimeZone = z
  .string()
  .trim()
  .refine((zone) => zone.includes('/') || zone === 'UTC', says('problems_deadlines_field_timeZone'))
  .refine((zone) => DateTime.local().setZone(zone).isValid, says('problems_deadlines_field_timeZone'));

export const ReminderSettingsInput = z.strictObject({
  /** days before each deadline, 1–365, at most 10; an empty list turns deadline reminders off */
  offsets: z
    .array(z.number(says('problems_deadlines_field_wholeDays')).int(says('problems_deadlines_field_wholeDays')).min(1, says('problems_deadlines_field_dayBefore')).max(365, says('problems_deadlines_field_daysBeforeMax')))
    .max(10, says('problems_deadlines_field_remindersMax'))
    .refine((days) => new Set(days).size === days.length, says('problems_deadlines_field_daysOnce')),
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
