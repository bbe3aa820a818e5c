/** /api/health: public, for load balancers and monitoring. 200 when ok; 503, with the same body, when degraded or unavailable. */
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import type { PlatformEnv } from '../services/index.js';
import { problemResponses } from '../http/openapi.js';
import { readerLanguage } from '../http/reader-language.js';
import { Health } from '../schemas/health.js';

const health = (description: string) => ({ description, content: { 'application/json': { schema: resolver(Health) } } });

export const healthRoutes = new Hono<PlatformEnv>().get(
  '/',
  describeRoute({
    tags: ['Health'],
    summary: 'Whether the service and its database can read and write',
    description:
      'Reads the applied migrations, asks SQLite for the write lock without writing, and looks at the free space of the database’s disk. ' +
      'ok: 200. degraded (reads work; read-only database, disk full, migrations missing or unknown) or unavailable (the database does not answer): 503, with `reasons` in words.',
    security: [],
    responses: { ...problemResponses, 200: health('ok'), 503: health('degraded or unavailable: see status and reasons') } as never
  }),
  async (c) => {
    const report = await c.var.services.health.check(readerLanguage(c));
    return c.json(report, report.status === 'ok' ? 200 : 503);
  }
);
