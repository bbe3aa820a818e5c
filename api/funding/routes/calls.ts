/** /api/calls: HTTP only; the rules live in services/calls.ts and services/call-dates.ts. */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { Call, CallCreate, CallListQuery, CallPage, CallPatch, DeadlineChangeList } from '../schemas/calls.js';
import { IdParam } from '../../platform/schemas/common.js';

const tag = 'Calls';

export const callRoutes = new Hono<FundingEnv>()
  .get(
    '/',
    describe({
      tag,
      summary: 'List funding calls',
      description: 'Filters: programme (with its sub-programmes), derived status, domain, keyword, words (q), deadline range. Sorted by the next deadline (calls without one last), title or last change.',
      body: CallPage
    }),
    validate('query', CallListQuery),
    async (c) => c.json(await c.var.services.calls.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Record a funding call with its deadlines', body: Call, status: 201, also: { 409: 'The identifier is already recorded (errors name `identifier`)' } }),
    validate('json', CallCreate),
    async (c) => {
      const call = await c.var.services.calls.create(c.var.caller, c.req.valid('json'));
      return c.json(call, 201, { ETag: etagOf(call) });
    }
  )
  .get('/:id', describe({ tag, summary: 'Read a funding call, with status, next deadline and next expected round', body: Call }), validate('param', IdParam), async (c) => {
    const call = await c.var.services.calls.get(c.var.caller, c.req.valid('param').id);
    return c.json(call, 200, { ETag: etagOf(call) });
  })
  .patch(
    '/:id',
    describe({
      tag,
      summary: 'Change a funding call (a deadline change is recorded for its watchers)',
      body: Call,
      also: { 409: 'The identifier is already recorded', 412: 'Stale If-Match: the body has the current record' }
    }),
    validate('param', IdParam),
    validate('json', CallPatch),
    async (c) => {
      const call = await c.var.services.calls.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(call, 200, { ETag: etagOf(call) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete a funding call (system administrators)', also: { 409: 'Proposals are prepared for it', 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.calls.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  )
  .get(
    '/:id/deadline-changes',
    describe({ tag, summary: 'How the call’s deadlines changed, newest first', body: DeadlineChangeList }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.calls.deadlineChanges(c.var.caller, c.req.valid('param').id))
  );
