/**
 * The Hono app behind /api. Public routes (health, documentation, signing
 * in) come first; everything after `requireCaller` needs a signed-in caller.
 * Errors of every kind leave as application/problem+json.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DB } from '../db/connection.js';
import { PayloadTooLarge, Problem, apiSecurityHeaders, docsRoutes, identify, platformOpenRoutes, platformRoutes, problemOf, problemResponse, readerLanguage, requireCaller, type Settings, words } from './platform/index.js';
import type { AppEnv } from './services.js';
import { crmRoutes } from './crm/index.js';
import { activitiesOpenRoutes, activitiesRoutes } from './activities/index.js';
import { fundingRoutes } from './funding/index.js';
import { proposalsRoutes } from './proposals/index.js';
import { deadlinesOpenRoutes, deadlinesRoutes } from './deadlines/index.js';
import { cycleRoutes } from './cycle/index.js';
import { privacyRoutes } from './privacy/index.js';
import { overviewRoutes } from './overview/index.js';
import { createServices, type Services } from './services.js';

export interface AppOptions {
  db: DB;
  settings: Settings;
  clock?: () => Date;
  /** the services, when the process needs them beside the app too (bootstrap: the reminder runs); made here otherwise */
  services?: Services;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;
/** methods whose requests carry no body: the body limit does not look at them */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createApp({ db, settings, clock, services = createServices(db, settings, clock) }: AppOptions) {

  // every context's routes for signed-in callers. A context that adds paths under another's prefix (privacy's
  // /people/retention-review beside the CRM's /people/:id) comes before it: the contexts that build on others first.
  const signedIn = new Hono<AppEnv>()
    .use(requireCaller)
    .route('/', overviewRoutes)
    .route('/', privacyRoutes)
    .route('/', cycleRoutes)
    .route('/', deadlinesRoutes)
    .route('/', proposalsRoutes)
    .route('/', fundingRoutes)
    .route('/', activitiesRoutes)
    .route('/', crmRoutes)
    .route('/', platformRoutes);

  const limitBody = bodyLimit({ maxSize: settings.maxBodyBytes, onError: () => { throw new PayloadTooLarge(settings.maxBodyBytes); } });
  const root = new Hono<AppEnv>().basePath('/api');
  const api = root
    // first: every answer, refusals and errors included, leaves with the security headers and, unless it chose its own caching, no-store
    .use(apiSecurityHeaders(settings.publicOrigin))
    .use(async (c, next) => {
      c.set('services', services);
      c.set('settings', settings);
      await next();
    })
    // the portal import streams its body and counts the bytes itself (REGIODESK_MAX_IMPORT_BYTES): no buffering limit there;
    // GET and HEAD carry no body, and asking for one would make the Node adapter build a whole Request (~5 % of a list's CPU)
    .use((c, next) => (BODILESS.has(c.req.method) || c.req.path === '/api/calls/import' ? next() : limitBody(c, next)))
    .use(async (c, next) => {
      const type = c.req.header('Content-Type');
      if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type && !JSON_TYPE.test(type)) {
        throw new Problem(415, 'Unsupported media type', words('problems_sendJson'), {
          errors: [{ path: '', ...words('problems_field_contentTypeRefused', { type }) }]
        });
      }
      await next();
    })
    .use(identify(settings))
    // open to anyone: the health check, the documentation, signing in, personal feedback links, calendar feeds
    .route('/', platformOpenRoutes)
    .route('/', docsRoutes(root))
    .route('/', activitiesOpenRoutes)
    .route('/', deadlinesOpenRoutes)
    .route('/', signedIn);

  api.notFound((c) => problemResponse(new Problem(404, 'Not found', words('problems_noRoute'), { errors: [] }), readerLanguage(c)));
  api.onError((error, c) => problemResponse(problemOf(error), readerLanguage(c)));

  return api;
}

export type App = ReturnType<typeof createApp>;
export type AppType = App;
