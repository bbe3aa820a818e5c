/**
 * First to inform (Art. 2.3): the inform log under
 * /api/proposals/{id}/inform-log and the partnership's flagged proposals
 * under /api/partnerships/{id}/first-to-inform. HTTP only; the rules live in
 * services/first-to-inform.ts.
 */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { FirstToInformQuery, FirstToInformReport, InformEntryCreate, InformEntryParams, InformLog } from '../schemas/first-to-inform.js';

const tag = 'First to inform';

/** Mounted at `/proposals/:id/inform-log`, so `id` is the proposal's. */
export const informLogRoutes = new Hono<ProposalsEnv>()
  .get('/', describe({ tag, summary: 'Who was told about the idea when, and whether the partner region learned first', body: InformLog }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.firstToInform.list(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/',
    describe({ tag, summary: 'Log that someone was told about the idea; answers the whole log', body: InformLog, status: 201 }),
    validate('param', IdParam),
    validate('json', InformEntryCreate),
    async (c) => c.json(await c.var.services.firstToInform.add(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 201)
  )
  .delete('/:entryId', describe({ tag, summary: 'Remove an entry of the inform log' }), validate('param', InformEntryParams), async (c) => {
    const { id, entryId } = c.req.valid('param');
    await c.var.services.firstToInform.remove(c.var.caller, id, entryId);
    return c.body(null, 204);
  });

/** Mounted at `/partnerships`. */
export const partnershipFirstToInformRoutes = new Hono<ProposalsEnv>().get(
  '/:id/first-to-inform',
  describe({ tag, summary: 'Proposals where the partner region learned later than another potential partner (only when the partnership’s rule is on)', body: FirstToInformReport }),
  validate('param', IdParam),
  validate('query', FirstToInformQuery),
  async (c) => c.json(await c.var.services.firstToInform.report(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
);
