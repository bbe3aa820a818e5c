/** /api/budgets: HTTP only; the rules live in services/budgets.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { Budget, BudgetCreate, BudgetListQuery, BudgetPage, BudgetPatch } from '../schemas/budgets.js';
import { IdParam } from '../../platform/schemas/common.js';

const tag = 'Budgets';

export const budgetRoutes = new Hono<ActivitiesEnv>()
  .get('/', describe({ tag, summary: 'Budget lines the caller may see, with what the costs use of them', body: BudgetPage }), validate('query', BudgetListQuery), async (c) =>
    c.json(await c.var.services.budgets.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Set the yearly budget line of an organisation in a partnership', body: Budget, status: 201, also: { 409: 'The organisation already has a budget for that year in the partnership' } }),
    validate('json', BudgetCreate),
    async (c) => {
      const budget = await c.var.services.budgets.create(c.var.caller, c.req.valid('json'));
      return c.json(budget, 201, { ETag: etagOf(budget) });
    }
  )
  .get('/:id', describe({ tag, summary: 'Read a budget line with planned, committed, spent and its warning state', body: Budget }), validate('param', IdParam), async (c) => {
    const budget = await c.var.services.budgets.get(c.var.caller, c.req.valid('param').id);
    return c.json(budget, 200, { ETag: etagOf(budget) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change the amount or the warning threshold', body: Budget, also: { 412: 'Stale If-Match: the body has the current budget' } }),
    validate('param', IdParam),
    validate('json', BudgetPatch),
    async (c) => {
      const budget = await c.var.services.budgets.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(budget, 200, { ETag: etagOf(budget) });
    }
  )
  .delete('/:id', describe({ tag, summary: 'Delete a budget line (the costs stay)', also: { 412: 'Stale If-Match' } }), validate('param', IdParam), async (c) => {
    await c.var.services.budgets.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  });
