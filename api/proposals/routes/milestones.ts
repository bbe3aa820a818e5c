/**
 * /api/proposals/:id/milestones: HTTP only; the rules live in
 * services/milestones.ts and services/milestone-plan.ts. Mounted at
 * `/proposals/:id/milestones`, so `id` is the proposal's.
 */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Milestone, MilestoneCreate, MilestoneList, MilestoneParams, MilestonePatch, MilestonePlan, MilestonePlanQuery, MilestonePlanSave } from '../schemas/milestones.js';

const tag = 'Milestones';

export const milestoneRoutes = new Hono<ProposalsEnv>()
  .get('/', describe({ tag, summary: 'The proposal’s internal milestones, earliest first', body: MilestoneList }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.milestones.list(c.var.caller, c.req.valid('param').id))
  )
  .get(
    '/plan',
    describe({
      tag,
      summary: 'Milestones proposed backwards from the call’s next deadline (nothing is stored)',
      description:
        'Defaults from the RegioWIN 2030 timeline of seed 002: descriptions due 9 weeks before, steering group 8 weeks before, committee decision 5 weeks before, submission on the deadline day at its local time; weekend days move to the Friday before. `deadlineOn` (and `deadlineTime`) plan from another day.',
      body: MilestonePlan,
      also: { 409: 'No call chosen (or no deadline ahead) and no deadlineOn given' }
    }),
    validate('param', IdParam),
    validate('query', MilestonePlanQuery),
    async (c) => c.json(await c.var.services.milestones.plan(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
  )
  .post(
    '/plan',
    describe({ tag, summary: 'Save a plan (as proposed or edited) in one go; answers every milestone of the proposal', body: MilestoneList, status: 201 }),
    validate('param', IdParam),
    validate('json', MilestonePlanSave),
    async (c) => c.json(await c.var.services.milestones.savePlan(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 201)
  )
  .post('/', describe({ tag, summary: 'Add a milestone', body: Milestone, status: 201 }), validate('param', IdParam), validate('json', MilestoneCreate), async (c) => {
    const milestone = await c.var.services.milestones.create(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(milestone, 201, { ETag: etagOf(milestone) });
  })
  .patch(
    '/:milestoneId',
    describe({ tag, summary: 'Change a milestone, or mark it done', body: Milestone, also: { 412: 'Stale If-Match: the body has the current milestone' } }),
    validate('param', MilestoneParams),
    validate('json', MilestonePatch),
    async (c) => {
      const { id, milestoneId } = c.req.valid('param');
      const milestone = await c.var.services.milestones.update(c.var.caller, id, milestoneId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(milestone, 200, { ETag: etagOf(milestone) });
    }
  )
  .delete('/:milestoneId', describe({ tag, summary: 'Remove a milestone', also: { 412: 'Stale If-Match' } }), validate('param', MilestoneParams), async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    await c.var.services.milestones.delete(c.var.caller, id, milestoneId, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  });
