/** /api/proposals: HTTP only; the rules live in services/proposals.ts. */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Proposal, ProposalBoard, ProposalBoardQuery, ProposalCreate, ProposalListQuery, ProposalPage, ProposalPatch } from '../schemas/proposals.js';

const tag = 'Proposals';

export const proposalRoutes = new Hono<ProposalsEnv>()
  .get('/', describe({ tag, summary: 'List candidate projects of the caller’s partnerships', body: ProposalPage }), validate('query', ProposalListQuery), async (c) =>
    c.json(await c.var.services.proposals.list(c.var.caller, c.req.valid('query')))
  )
  .get(
    '/board',
    describe({ tag, summary: 'Every proposal of a partnership, grouped by stage in pipeline order', body: ProposalBoard }),
    validate('query', ProposalBoardQuery),
    async (c) => c.json(await c.var.services.proposals.board(c.var.caller, c.req.valid('query').partnershipId))
  )
  .post('/', describe({ tag, summary: 'Record a candidate project', body: Proposal, status: 201 }), validate('json', ProposalCreate), async (c) => {
    const proposal = await c.var.services.proposals.create(c.var.caller, c.req.valid('json'));
    return c.json(proposal, 201, { ETag: etagOf(proposal) });
  })
  .get('/:id', describe({ tag, summary: 'Read a proposal', body: Proposal }), validate('param', IdParam), async (c) => {
    const proposal = await c.var.services.proposals.get(c.var.caller, c.req.valid('param').id);
    return c.json(proposal, 200, { ETag: etagOf(proposal) });
  })
  .patch(
    '/:id',
    describe({
      tag,
      summary: 'Change a proposal, move it along the pipeline',
      body: Proposal,
      also: { 409: 'A stage it cannot move to (the answer names those it can), or another scoring matrix after scoring began', 412: 'Stale If-Match: the body has the current proposal' }
    }),
    validate('param', IdParam),
    validate('json', ProposalPatch),
    async (c) => {
      const proposal = await c.var.services.proposals.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(proposal, 200, { ETag: etagOf(proposal) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete a proposal with its consortium, milestones, inform log and scores', also: { 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.proposals.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
