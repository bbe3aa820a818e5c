/** /api/partnerships: HTTP only; the rules live in services/partnerships.ts. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Domain } from '../schemas/domains.js';
import { Partnership, PartnershipCreate, PartnershipDomainCreate, PartnershipListQuery, PartnershipPage, PartnershipPatch } from '../schemas/partnerships.js';
import { MemberList, MemberSet } from '../schemas/users.js';

const tag = 'Partnerships';

export const partnershipRoutes = new Hono<CrmEnv>()
  .get(
    '/',
    describe({ tag, summary: 'List the partnerships the caller is a member of', description: 'Filters: status (derived from the dates), regionId, organisationId (party or stakeholder), domainId, q (title words).', body: PartnershipPage }),
    validate('query', PartnershipListQuery),
    async (c) => c.json(await c.var.services.partnerships.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Create a partnership (the creator becomes its admin)', body: Partnership, status: 201 }), validate('json', PartnershipCreate), async (c) => {
    const partnership = await c.var.services.partnerships.create(c.var.caller, c.req.valid('json'));
    return c.json(partnership, 201, { ETag: etagOf(partnership) });
  })
  .get('/:id', describe({ tag, summary: 'Read a partnership with its status and deadlines', body: Partnership }), validate('param', IdParam), async (c) => {
    const partnership = await c.var.services.partnerships.get(c.var.caller, c.req.valid('param').id);
    return c.json(partnership, 200, { ETag: etagOf(partnership) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change a partnership', body: Partnership, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', PartnershipPatch),
    async (c) => {
      const partnership = await c.var.services.partnerships.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(partnership, 200, { ETag: etagOf(partnership) });
    }
  )
  .delete(
    '/:id',
    describe({ tag, summary: 'Delete a partnership', also: { 409: 'Renewed by another partnership', 412: 'Stale If-Match' } }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.partnerships.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  )
  .get('/:id/members', describe({ tag, summary: 'Members and their roles (partnership admins)', body: MemberList }), validate('param', IdParam), async (c) =>
    c.json({ items: await c.var.services.partnerships.members(c.var.caller, c.req.valid('param').id) })
  )
  .put(
    '/:id/members',
    describe({ tag, summary: 'Give a user a role, change it, or remove them (role null)', body: MemberList, also: { 409: 'Would leave the partnership without an admin' } }),
    validate('param', IdParam),
    validate('json', MemberSet),
    async (c) => c.json({ items: await c.var.services.partnerships.setMember(c.var.caller, c.req.valid('param').id, c.req.valid('json')) })
  )
  .post(
    '/:id/domains',
    describe({ tag, summary: 'Add a cooperation domain of this partnership', body: Domain, status: 201, also: { 409: 'Code already used', 412: 'Stale If-Match (the partnership’s ETag)' } }),
    validate('param', IdParam),
    validate('json', PartnershipDomainCreate),
    async (c) => {
      const domain = await c.var.services.partnerships.addDomain(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(domain, 201);
    }
  );
