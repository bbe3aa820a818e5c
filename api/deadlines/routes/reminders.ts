/** /api/reminders: HTTP only; the rules (and the reminder run) live in services/reminders.ts. */
import { Hono } from 'hono';
import type { DeadlinesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { ReminderSettings, ReminderSettingsInput } from '../schemas/reminders.js';

const tag = 'Reminders';

export const reminderRoutes = new Hono<DeadlinesEnv>()
  .get('/settings', describe({ tag, summary: "The caller's reminder settings (the defaults until saved)", body: ReminderSettings }), async (c) =>
    c.json(await c.var.services.reminders.getSettings(c.var.caller))
  )
  .put(
    '/settings',
    describe({ tag, summary: 'Set the days before each deadline, email on or off, and the time zone', body: ReminderSettings }),
    validate('json', ReminderSettingsInput),
    async (c) => c.json(await c.var.services.reminders.saveSettings(c.var.caller, c.req.valid('json')))
  );
