/** /api/interactions: HTTP only; the rules live in services/interactions.ts. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Interaction, InteractionCreate, InteractionListQuery, InteractionPage, InteractionPatch } from '../schemas/interactions.js';

const tag = 'Interactions';

export const interactionRoutes = new Hono<CrmEnv>()
  .get('/', describe({ tag, summary: 'List interactions the caller may see, newest first', body: InteractionPage }), validate('query', InteractionListQuery), async (c) =>
    c.json(await c.var.services.interactions.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Log a note, call, email or meeting', body: Interaction, status: 201 }), validate('json', InteractionCreate), async (c) => {
    const interaction = await c.var.services.interactions.create(c.var.caller, c.req.valid('json'));
    return c.json(interaction, 201, { ETag: etagOf(interaction) });
  })
  .get('/:id', describe({ tag, summary: 'Read an interaction', body: Interaction }), validate('param', IdParam), async (c) => {
    const interaction = await c.var.services.interactions.get(c.var.caller, c.req.valid('param').id);
    return c.json(interaction, 200, { ETag: etagOf(interaction) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change an interaction', body: Interaction, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', InteractionPatch),
    async (c) => {
      const interaction = await c.var.services.interactions.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(interaction, 200, { ETag: etagOf(interaction) });
    }
  )
  .delete('/:id', describe({ tag, summary: 'Delete an interaction', also: { 412: 'Stale If-Match' } }), validate('param', IdParam), async (c) => {
    await c.var.services.interactions.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  });
