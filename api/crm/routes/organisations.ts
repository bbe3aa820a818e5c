/** /api/organisations: HTTP only; the rules live in services/organisations.ts. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Organisation, OrganisationCreate, OrganisationListQuery, OrganisationPage, OrganisationPatch } from '../schemas/organisations.js';

const tag = 'Organisations';

export const organisationRoutes = new Hono<CrmEnv>()
  .get('/', describe({ tag, summary: 'List organisations the caller may see', body: OrganisationPage }), validate('query', OrganisationListQuery), async (c) =>
    c.json(await c.var.services.organisations.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Record an organisation', body: Organisation, status: 201 }), validate('json', OrganisationCreate), async (c) => {
    const organisation = await c.var.services.organisations.create(c.var.caller, c.req.valid('json'));
    return c.json(organisation, 201, { ETag: etagOf(organisation) });
  })
  .get('/:id', describe({ tag, summary: 'Read an organisation', body: Organisation }), validate('param', IdParam), async (c) => {
    const organisation = await c.var.services.organisations.get(c.var.caller, c.req.valid('param').id);
    return c.json(organisation, 200, { ETag: etagOf(organisation) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change an organisation', body: Organisation, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', OrganisationPatch),
    async (c) => {
      const organisation = await c.var.services.organisations.update(
        c.var.caller,
        c.req.valid('param').id,
        c.req.valid('json'),
        expectedVersion(c.req.header('If-Match'))
      );
      return c.json(organisation, 200, { ETag: etagOf(organisation) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete an organisation (its interactions go with it)', also: { 409: 'A partnership party, or people or users still belong to it', 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.organisations.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
