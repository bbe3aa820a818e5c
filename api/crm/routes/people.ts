/** /api/people: HTTP only; the rules live in services/people.ts. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Person, PersonCreate, PersonListQuery, PersonPage, PersonPatch } from '../schemas/people.js';

const tag = 'People';

export const personRoutes = new Hono<CrmEnv>()
  .get('/', describe({ tag, summary: 'List people the caller may see', body: PersonPage }), validate('query', PersonListQuery), async (c) =>
    c.json(await c.var.services.people.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Record a person', body: Person, status: 201 }), validate('json', PersonCreate), async (c) => {
    const person = await c.var.services.people.create(c.var.caller, c.req.valid('json'));
    return c.json(person, 201, { ETag: etagOf(person) });
  })
  .get('/:id', describe({ tag, summary: 'Read a person (the read is logged: who, when)', body: Person }), validate('param', IdParam), async (c) => {
    const person = await c.var.services.people.get(c.var.caller, c.req.valid('param').id);
    await c.var.services.people.noteRead(c.var.caller, person.id);
    return c.json(person, 200, { ETag: etagOf(person) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Change a person', body: Person, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', PersonPatch),
    async (c) => {
      const person = await c.var.services.people.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(person, 200, { ETag: etagOf(person) });
    }
  );
