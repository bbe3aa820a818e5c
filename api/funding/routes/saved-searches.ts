/** /api/saved-searches: HTTP only; the rules live in services/saved-searches.ts. */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { SavedSearch, SavedSearchCreate, SavedSearchListQuery, SavedSearchPage, SavedSearchPatch } from '../schemas/saved-searches.js';

const tag = 'Saved searches';

export const savedSearchRoutes = new Hono<FundingEnv>()
  .get('/', describe({ tag, summary: "The caller's saved searches, oldest first", body: SavedSearchPage }), validate('query', SavedSearchListQuery), async (c) =>
    c.json(await c.var.services.savedSearches.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/',
    describe({ tag, summary: 'Save a search over calls (a digest of new matching calls follows)', body: SavedSearch, status: 201 }),
    validate('json', SavedSearchCreate),
    async (c) => {
      const search = await c.var.services.savedSearches.create(c.var.caller, c.req.valid('json'));
      return c.json(search, 201, { ETag: etagOf(search) });
    }
  )
  .get('/:id', describe({ tag, summary: 'Read a saved search', body: SavedSearch }), validate('param', IdParam), async (c) => {
    const search = await c.var.services.savedSearches.get(c.var.caller, c.req.valid('param').id);
    return c.json(search, 200, { ETag: etagOf(search) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Rename a saved search or change its criteria', body: SavedSearch, also: { 412: 'Stale If-Match: the body has the current record' } }),
    validate('param', IdParam),
    validate('json', SavedSearchPatch),
    async (c) => {
      const search = await c.var.services.savedSearches.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(search, 200, { ETag: etagOf(search) });
    }
  )
  .delete('/:id', describe({ tag, summary: 'Delete a saved search', also: { 412: 'Stale If-Match' } }), validate('param', IdParam), async (c) => {
    await c.var.services.savedSearches.delete(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
    return c.body(null, 204);
  });
