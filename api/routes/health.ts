/** /api/health: public, for load balancers and monitoring. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { describe } from '../openapi.js';
import { Health } from '../schemas/health.js';

export const healthRoutes = new Hono<AppEnv>().get('/', describe({ tag: 'Health', summary: 'Whether the service and its database answer', body: Health, public: true }), async (c) => {
  const health = await c.var.services.health.check();
  return c.json(health, health.status === 'ok' ? 200 : 503);
});
