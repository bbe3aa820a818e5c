/** /api/domains: the cooperation domains the caller can use. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { describe } from '../../platform/index.js';
import { DomainList } from '../schemas/domains.js';

export const domainRoutes = new Hono<CrmEnv>().get('/', describe({ tag: 'Domains', summary: 'Cooperation domains (Art. 2.1) and partnership-specific ones', body: DomainList }), async (c) =>
  c.json({ items: await c.var.services.domains.list(c.var.caller) })
);
