/** /api/recurrence: a rule's next dates (the recurrence editor's preview). */
import { Hono } from 'hono';
import type { PlatformEnv } from '../services/index.js';
import { describe } from '../http/openapi.js';
import { validate } from '../http/validation.js';
import { RecurrenceDates, RecurrenceQuery } from '../schemas/recurrence.js';
import { recurrenceDates } from '../services/recurrence.js';

export const recurrenceRoutes = new Hono<PlatformEnv>().get(
  '/dates',
  describe({
    tag: 'Recurrence',
    summary: 'The next dates of a recurrence rule from a first date, as a series with this rule would fall (at most 12, within ten years)',
    body: RecurrenceDates
  }),
  validate('query', RecurrenceQuery),
  (c) => c.json(recurrenceDates(c.req.valid('query')))
);
