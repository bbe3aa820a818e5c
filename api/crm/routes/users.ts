/** /api/users: user administration (system administrators). */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { InvitedUser, User, UserInvite, UserList, UserPatch } from '../schemas/users.js';

const tag = 'Users';

function baseUrl(url: string, publicOrigin: string | null): string {
  return publicOrigin ?? new URL(url).origin;
}

export const userRoutes = new Hono<CrmEnv>()
  .get('/', describe({ tag, summary: 'List users (administrators)', body: UserList }), async (c) => c.json({ items: await c.var.services.users.list(c.var.caller) }))
  .post('/', describe({ tag, summary: 'Invite a user; answers the invitation link to pass on', body: InvitedUser, status: 201, also: { 409: 'Email already registered' } }), validate('json', UserInvite), async (c) =>
    c.json(await c.var.services.users.invite(c.var.caller, c.req.valid('json'), baseUrl(c.req.url, c.var.settings.publicOrigin)), 201)
  )
  .get('/:id', describe({ tag, summary: 'Read a user', body: User }), validate('param', IdParam), async (c) => {
    const user = await c.var.services.users.get(c.var.caller, c.req.valid('param').id);
    return c.json(user, 200, { ETag: etagOf(user) });
  })
  .patch('/:id', describe({ tag, summary: 'Change a user’s organisation, roles or status', body: User, also: { 412: 'Stale If-Match' } }), validate('param', IdParam), validate('json', UserPatch), async (c) => {
    const user = await c.var.services.users.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
    return c.json(user, 200, { ETag: etagOf(user) });
  })
  .post('/:id/invitation', describe({ tag, summary: 'Issue a new invitation link', body: InvitedUser, status: 201 }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.users.reinvite(c.var.caller, c.req.valid('param').id, baseUrl(c.req.url, c.var.settings.publicOrigin)), 201)
  );
