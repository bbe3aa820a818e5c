/** /api/search: organisations, people and partnerships by name. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { SearchQuery, SearchResult } from '../schemas/search.js';

export const searchRoutes = new Hono<CrmEnv>().get(
  '/',
  describe({ tag: 'Search', summary: 'Find organisations, people and partnerships by any word of their names', body: SearchResult }),
  validate('query', SearchQuery),
  async (c) => c.json(await c.var.services.search.search(c.var.caller, c.req.valid('query')))
);
