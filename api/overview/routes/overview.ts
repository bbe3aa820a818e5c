/** GET /api/overview: HTTP only; the cockpit is composed in services/overview.ts. */
import { Hono } from 'hono';
import type { OverviewEnv } from '../services/index.js';
import { describe, readerLanguage, validate } from '../../platform/index.js';
import { Overview, OverviewQuery } from '../schemas/overview.js';

export const overviewRoutes = new Hono<OverviewEnv>().get(
  '/',
  describe({
    tag: 'Overview',
    summary: 'The caller’s cockpit: what needs them now, what is coming, what changed since their last visit',
    description:
      'One read for the overview page. `needsYou`: the caller’s open tasks due within a week or overdue, work plans and evaluations waiting for the approval of the caller’s party, amber and red obligations of this year with the page that fixes each, and the next step of each partnership’s annual cycle. `coming`: milestones past their day, then call deadlines and milestones of the next 30 days, each in the reader’s zone (`zone`, else the reminder settings’ zone, else Europe/Brussels) with its published zone beside. `changed`: unread notifications and edits by the other party’s people to the work plans and evaluations since the last visit (a visit starts after half an hour away; before the first, the last seven days). Reading it records the visit. The duties are about the partnerships the caller is a member of (at most 12 running ones).',
    body: Overview
  }),
  validate('query', OverviewQuery),
  async (c) => c.json(await c.var.services.overview.of(c.var.caller, c.req.valid('query'), readerLanguage(c)))
);
