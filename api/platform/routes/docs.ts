/**
 * /api/openapi.json is generated from the routes' zod schemas;
 * /api/docs renders it with Swagger UI served from our own process
 * (no CDN: RegioDesk may run without internet), under its own
 * Content-Security-Policy: its scripts and styles only from /api/docs, no
 * inline script, the spec and "Try it out" only to this origin.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { PlatformEnv } from '../services/index.js';

const require = createRequire(import.meta.url);
const swaggerDir = (() => {
  try {
    return join(require.resolve('swagger-ui-dist/package.json'), '..');
  } catch {
    return null;
  }
})();

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8'
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>RegioDesk API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

/** Swagger UI's own stylesheet draws its icons as data: SVGs; everything else is a file of ours. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ');

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

export function docsRoutes(api: Hono<any, any, any>) {
  let spec: unknown = null;
  return new Hono<PlatformEnv>()
    .get('/openapi.json', async (c) => {
      spec ??= await generateSpecs(api, {
        documentation: {
          openapi: '3.1.0',
          info: {
            title: 'RegioDesk API',
            version: '0.1.0',
            description:
              'Interregional cooperation CRM and EU-funding tracker. JSON over /api; errors are application/problem+json (RFC 9457). ' +
              'Lists take `limit` and `cursor` (keyset) and answer `{ items, nextCursor }`. Editable records carry `version`, sent as ETag; send it back as If-Match.'
          },
          components: {
            securitySchemes: {
              session: { type: 'apiKey', in: 'cookie', name: 'regiodesk_session' },
              bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token from /api/auth/tokens' }
            }
          }
        },
        exclude: ['/api/openapi.json', '/api/docs', /^\/api\/docs\/.*/],
        // API routes may end in a file name (activities/export.csv); they are documented like any other
        excludeStaticFile: false
      });
      return c.json(spec);
    })
    .get('/docs', (c) => c.html(page, 200, { 'Content-Security-Policy': DOCS_CSP }))
    .get('/docs/init.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/docs/:asset', async (c) => {
      const asset = c.req.param('asset');
      const type = ASSETS[asset];
      if (!type || !swaggerDir) return c.notFound();
      return c.body(await readFile(join(swaggerDir, asset)), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
