/** /api/activities/:id/agenda and /outcomes: HTTP only; the rules live in services/programme.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { AgendaItem, AgendaItemCreate, AgendaItemParam, AgendaItemPatch, AgendaList, Outcome, OutcomeCreate, OutcomeList, OutcomeParam } from '../schemas/agenda.js';

const tag = 'Activities';

export const programmeRoutes = new Hono<ActivitiesEnv>()
  .get('/:id/agenda', describe({ tag, summary: 'The programme (agenda items in order)', body: AgendaList }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.programme.agenda(c.var.caller, c.req.valid('param').id))
  )
  .post('/:id/agenda', describe({ tag, summary: 'Add an agenda item (last, or at `position`)', body: AgendaItem, status: 201 }), validate('param', IdParam), validate('json', AgendaItemCreate), async (c) => {
    const item = await c.var.services.programme.addItem(c.var.caller, c.req.valid('param').id, c.req.valid('json'));
    return c.json(item, 201, { ETag: etagOf(item) });
  })
  .patch(
    '/:id/agenda/:itemId',
    describe({ tag, summary: 'Change or move an agenda item', body: AgendaItem, also: { 412: 'Stale If-Match' } }),
    validate('param', AgendaItemParam),
    validate('json', AgendaItemPatch),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const item = await c.var.services.programme.updateItem(c.var.caller, id, itemId, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(item, 200, { ETag: etagOf(item) });
    }
  )
  .delete('/:id/agenda/:itemId', describe({ tag, summary: 'Remove an agenda item (the others close up)', also: { 412: 'Stale If-Match' } }), validate('param', AgendaItemParam), async (c) => {
    const { id, itemId } = c.req.valid('param');
    await c.var.services.programme.removeItem(c.var.caller, id, itemId, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  })
  .get('/:id/outcomes', describe({ tag, summary: 'Outcomes: contacts made, agreements, project leads, notes', body: OutcomeList }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.programme.outcomes(c.var.caller, c.req.valid('param').id))
  )
  .post('/:id/outcomes', describe({ tag, summary: 'Record an outcome', body: Outcome, status: 201 }), validate('param', IdParam), validate('json', OutcomeCreate), async (c) =>
    c.json(await c.var.services.programme.addOutcome(c.var.caller, c.req.valid('param').id, c.req.valid('json')), 201)
  )
  .delete('/:id/outcomes/:outcomeId', describe({ tag, summary: 'Remove an outcome' }), validate('param', OutcomeParam), async (c) => {
    const { id, outcomeId } = c.req.valid('param');
    await c.var.services.programme.removeOutcome(c.var.caller, id, outcomeId);
    return c.body(null, 204);
  });
