/** /api/programmes: HTTP only; the rules live in services/programmes.ts. */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Programme, ProgrammeCreate, ProgrammeListQuery, ProgrammePage, ProgrammePatch } from '../schemas/programmes.js';

const tag = 'Programmes';

export const fundingProgrammeRoutes = new Hono<FundingEnv>()
  .get('/', describe({ tag, summary: 'List funding programmes (family, parent, historic, words in name or code)', body: ProgrammePage }), validate('query', ProgrammeListQuery), async (c) =>
    c.json(await c.var.services.programmes.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Add a funding programme', body: Programme, status: 201, also: { 409: 'The code is already used (errors name `code`)' } }),
    validate('json', ProgrammeCreate),
    async (c) => {
      const programme = await c.var.services.programmes.create(c.var.caller, c.req.valid('json'));
      return c.json(programme, 201, { ETag: etagOf(programme) });
    }
  )
  .get('/:id', describe({ tag, summary: 'Read a funding programme', body: Programme }), validate('param', IdParam), async (c) => {
    const programme = await c.var.services.programmes.get(c.var.caller, c.req.valid('param').id);
    return c.json(programme, 200, { ETag: etagOf(programme) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change a funding programme', body: Programme, also: { 409: 'The code is already used', 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', ProgrammePatch),
    async (c) => {
      const programme = await c.var.services.programmes.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(programme, 200, { ETag: etagOf(programme) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete a funding programme (system administrators)', also: { 409: 'Calls or sub-programmes still belong to it', 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.programmes.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
