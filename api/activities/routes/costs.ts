/**
 * /api/activities/:id/costs: HTTP only; the rules live in services/costs.ts.
 * Mounted at `/activities/:id/costs`, so `id` is the activity's.
 */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { ActivityParams, Cost, CostCreate, CostList, CostParams, CostPatch } from '../schemas/costs.js';

const tag = 'Costs';

export const costRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/',
    describe({ tag, summary: "The activity's cost items, with totals and what they do to the budgets", body: CostList }),
    validate('param', ActivityParams),
    async (c) => c.json(await c.var.services.costs.list(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/',
    describe({ tag, summary: 'Log a cost item; the answer says what it does to the budget', body: Cost, status: 201 }),
    validate('param', ActivityParams),
    validate('json', CostCreate),
    async (c) => {
      const cost = await c.var.services.costs.create(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json(cost, 201, { ETag: etagOf(cost) });
    }
  )
  .patch(
    '/:costId',
    describe({ tag, summary: 'Change a cost item', body: Cost, also: { 412: 'Stale If-Match: the body has the current cost item' } }),
    validate('param', CostParams),
    validate('json', CostPatch),
    async (c) => {
      const { id, costId } = c.req.valid('param');
      const cost = await c.var.services.costs.update(c.var.caller, id, costId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(cost, 200, { ETag: etagOf(cost) });
    }
  )
  .delete(
    '/:costId',
    describe({ tag, summary: 'Delete a cost item', also: { 412: 'Stale If-Match' } }),
    validate('param', CostParams),
    async (c) => {
      const { id, costId } = c.req.valid('param');
      await c.var.services.costs.delete(c.var.caller, id, costId, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
