/** /api/deadlines: the deadline dashboard; the rules live in services/deadlines.ts. */
import { Hono } from 'hono';
import type { DeadlinesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { DeadlineDashboard, DeadlineDashboardQuery } from '../schemas/deadlines.js';

const tag = 'Deadlines';

export const deadlineRoutes = new Hono<DeadlinesEnv>().get(
  '/',
  describe({
    tag,
    summary: 'Call deadlines and proposal milestones of the next days, most urgent first',
    description: 'Each item in its own zone and in the reader’s (`zone`, else the reminder settings, else Europe/Brussels), with a count-down.',
    body: DeadlineDashboard
  }),
  validate('query', DeadlineDashboardQuery),
  async (c) => c.json(await c.var.services.deadlines.of(c.var.caller, c.req.valid('query')))
);
