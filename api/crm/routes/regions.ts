/** /api/regions: HTTP only; the rules live in services/regions.ts. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Region, RegionCreate, RegionListQuery, RegionPage, RegionPatch } from '../schemas/regions.js';

const tag = 'Regions';

export const regionRoutes = new Hono<CrmEnv>()
  .get('/', describe({ tag, summary: 'List regions', body: RegionPage }), validate('query', RegionListQuery), async (c) =>
    c.json(await c.var.services.regions.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Create a region', body: Region, status: 201 }), validate('json', RegionCreate), async (c) => {
    const region = await c.var.services.regions.create(c.var.caller, c.req.valid('json'));
    return c.json(region, 201, { ETag: etagOf(region) });
  })
  .get('/:id', describe({ tag, summary: 'Read a region', body: Region }), validate('param', IdParam), async (c) => {
    const region = await c.var.services.regions.get(c.var.caller, c.req.valid('param').id);
    return c.json(region, 200, { ETag: etagOf(region) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change a region', body: Region, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', RegionPatch),
    async (c) => {
      const region = await c.var.services.regions.update(
        c.var.caller,
        c.req.valid('param').id,
        c.req.valid('json'),
        expectedVersion(c.req.header('If-Match'))
      );
      return c.json(region, 200, { ETag: etagOf(region) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete an unused region', also: { 409: 'Still used', 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.regions.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
