/**
 * /api/proposals/:id/consortium: HTTP only; the rules live in
 * services/consortium.ts. Mounted at `/proposals/:id/consortium`, so `id`
 * is the proposal's.
 */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, readerLanguage, validate } from '../../platform/index.js';
import { consortiumIn } from '../services/consortium.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Consortium, ConsortiumChange, ConsortiumMemberCreate, ConsortiumMemberParams, ConsortiumMemberPatch } from '../schemas/consortium.js';

const tag = 'Consortium';

export const consortiumRoutes = new Hono<ProposalsEnv>()
  .get(
    '/',
    describe({ tag, summary: 'The consortium with budgets, EU and own contributions, totals and warnings against the call’s limits', body: Consortium }),
    validate('param', IdParam),
    async (c) => c.json(consortiumIn(await c.var.services.consortium.get(c.var.caller, c.req.valid('param').id), readerLanguage(c)))
  )
  .post(
    '/',
    describe({ tag, summary: 'Add an organisation to the consortium; the answer has the member and the whole consortium', body: ConsortiumChange, status: 201, also: { 409: 'The organisation is a member already' } }),
    validate('param', IdParam),
    validate('json', ConsortiumMemberCreate),
    async (c) => {
      const change = await c.var.services.consortium.add(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ member: change.member, consortium: consortiumIn(change.consortium, readerLanguage(c)) }, 201, { ETag: etagOf(change.member) });
    }
  )
  .patch(
    '/:memberId',
    describe({ tag, summary: 'Change a member’s role, budget or co-financing rate', body: ConsortiumChange, also: { 412: 'Stale If-Match: the body has the current member' } }),
    validate('param', ConsortiumMemberParams),
    validate('json', ConsortiumMemberPatch),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      const change = await c.var.services.consortium.update(c.var.caller, id, memberId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json({ member: change.member, consortium: consortiumIn(change.consortium, readerLanguage(c)) }, 200, { ETag: etagOf(change.member) });
    }
  )
  .delete(
    '/:memberId',
    describe({ tag, summary: 'Remove a member from the consortium', also: { 412: 'Stale If-Match' } }),
    validate('param', ConsortiumMemberParams),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      await c.var.services.consortium.remove(c.var.caller, id, memberId, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
