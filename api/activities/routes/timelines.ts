/**
 * /api/organisations/{id}/timeline and /api/people/{id}/timeline: what
 * happened with an organisation or a person (interactions and activities),
 * newest first. HTTP only; the rules live in services/timeline.ts.
 */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { TimelinePage, TimelineQuery } from '../schemas/timeline.js';

export const timelineRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/organisations/:id/timeline',
    describe({ tag: 'Organisations', summary: 'What happened with the organisation and its people, newest first', body: TimelinePage }),
    validate('param', IdParam),
    validate('query', TimelineQuery),
    async (c) => c.json(await c.var.services.timeline.ofOrganisation(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
  )
  .get(
    '/people/:id/timeline',
    describe({ tag: 'People', summary: 'What happened with the person, newest first', body: TimelinePage }),
    validate('param', IdParam),
    validate('query', TimelineQuery),
    async (c) => c.json(await c.var.services.timeline.ofPerson(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
  );
