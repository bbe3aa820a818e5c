/**
 * /api/partnerships/:id/cycle: the annual cycle's steps and their reminder
 * tasks. HTTP only; the rules live in services/cycle-steps.ts. Mounted
 * under `/partnerships`.
 */
import { Hono } from 'hono';
import type { CycleEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Cycle, CyclePatch, CycleRun } from '../schemas/cycle.js';

const tag = 'Annual cycle';

export const cycleStepRoutes = new Hono<CycleEnv>()
  .get(
    '/:id/cycle',
    describe({
      tag,
      summary: 'The annual cycle’s settings and next steps, each with its RRULE and the tasks made for it',
      description:
        'A step is due by the last day of its month (`FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1`); its tasks are made `leadWeeks` weeks before the month begins, for each party’s contact person. `version` is the partnership’s.',
      body: Cycle
    }),
    validate('param', IdParam),
    async (c) => {
      const cycle = await c.var.services.cycle.get(c.var.caller, c.req.valid('param').id);
      return c.json(cycle, 200, { ETag: etagOf(cycle) });
    }
  )
  .patch(
    '/:id/cycle',
    describe({ tag, summary: 'Change the months of the steps and the weeks ahead (admins and officers)', body: Cycle, also: { 412: 'Stale If-Match: the body has the current cycle' } }),
    validate('param', IdParam),
    validate('json', CyclePatch),
    async (c) => {
      const cycle = await c.var.services.cycle.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(cycle, 200, { ETag: etagOf(cycle) });
    }
  )
  .post(
    '/:id/cycle/run',
    describe({ tag, summary: 'Make the tasks of the steps due now (also done every few minutes by the server); tasks already made are not made again', body: CycleRun }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.cycle.run(c.var.caller, c.req.valid('param').id))
  );
