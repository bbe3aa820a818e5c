/**
 * The Hono app behind /api. Public routes (health, documentation, signing
 * in) come first; everything after `requireCaller` needs a signed-in caller.
 * Errors of every kind leave as application/problem+json.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DB } from '../db/connection.js';
import { identify, requireCaller } from './auth/middleware.js';
import type { Settings } from './config.js';
import type { AppEnv } from './services/index.js';
import { PayloadTooLarge, Problem, problemOf, problemResponse } from './errors.js';
import { apiSecurityHeaders } from './security-headers.js';
import { accountRoutes, sessionRoutes } from './routes/auth.js';
import { docsRoutes } from './routes/docs.js';
import { domainRoutes } from './routes/domains.js';
import { healthRoutes } from './routes/health.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { regionRoutes } from './routes/regions.js';
import { auditRoutes } from './routes/audit.js';
import { interactionRoutes } from './routes/interactions.js';
import { organisationRoutes } from './routes/organisations.js';
import { personRoutes } from './routes/people.js';
import { personRightsRoutes } from './routes/person-rights.js';
import { timelineRoutes } from './routes/timelines.js';
import { consentRoutes } from './routes/consent.js';
import { retentionRoutes } from './routes/retention.js';
import { processingRecordRoutes } from './routes/processing-record.js';
import { searchRoutes } from './routes/search.js';
import { userRoutes } from './routes/users.js';
import { activityFollowUpRoutes, partnershipFollowUpRoutes } from './routes/follow-ups.js';
import { matchmakingRoutes } from './routes/matchmaking.js';
import { taskRoutes } from './routes/tasks.js';
import { activityRoutes } from './routes/activities.js';
import { participantRoutes } from './routes/participants.js';
import { programmeRoutes } from './routes/programme.js';
import { budgetRoutes } from './routes/budgets.js';
import { costRoutes } from './routes/costs.js';
import { activityFeedbackRoutes, feedbackRoutes } from './routes/feedback.js';
import { notificationRoutes } from './routes/notifications.js';
import { watchRoutes } from './routes/watches.js';
import { savedSearchRoutes } from './routes/saved-searches.js';
import { reminderRoutes } from './routes/reminders.js';
import { calendarFeedRoutes, calendarIcsRoutes } from './routes/calendar.js';
import { fundingProgrammeRoutes } from './routes/programmes.js';
import { callRoutes } from './routes/calls.js';
import { callImportRoutes } from './routes/call-import.js';
import { deadlineRoutes } from './routes/deadlines.js';
import { proposalRoutes } from './routes/proposals.js';
import { consortiumRoutes } from './routes/consortium.js';
import { consortiumBuilderRoutes } from './routes/consortium-builder.js';
import { milestoneRoutes } from './routes/milestones.js';
import { informLogRoutes, partnershipFirstToInformRoutes } from './routes/first-to-inform.js';
import { scoringMatrixRoutes } from './routes/scoring-matrices.js';
import { scoreRoutes } from './routes/scores.js';
import { workPlanRoutes } from './routes/work-plans.js';
import { evaluationDocumentRoutes, workPlanDocumentRoutes } from './routes/reports.js';
import { obligationRoutes } from './routes/obligations.js';
import { cycleRoutes } from './routes/cycle.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { createServices, type Services } from './services/index.js';

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

  const protectedRoutes = new Hono<AppEnv>()
    .use(requireCaller)
    .route('/auth', accountRoutes)
    .route('/users', userRoutes)
    .route('/regions', regionRoutes)
    .route('/partnerships', partnershipRoutes)
    .route('/domains', domainRoutes)
    .route('/organisations', organisationRoutes)
    .route('/people', retentionRoutes)
    .route('/people', consentRoutes)
    .route('/people', personRoutes)
    .route('/people', personRightsRoutes)
    .route('/', timelineRoutes)
    .route('/processing-record', processingRecordRoutes)
    .route('/interactions', interactionRoutes)
    .route('/activities', activityRoutes)
    .route('/activities', participantRoutes)
    .route('/activities', programmeRoutes)
    // before any /calls/:id route: /calls/watched is not a call id
    .route('/calls', watchRoutes)
    .route('/programmes', fundingProgrammeRoutes)
    .route('/calls', callImportRoutes)
    .route('/calls', callRoutes)
    .route('/deadlines', deadlineRoutes)
    .route('/tasks', taskRoutes)
    .route('/matchmaking', matchmakingRoutes)
    .route('/activities', activityFollowUpRoutes)
    .route('/partnerships', partnershipFollowUpRoutes)
    .route('/activities/:id/costs', costRoutes)
    .route('/activities/:id/feedback', activityFeedbackRoutes)
    .route('/budgets', budgetRoutes)
    .route('/notifications', notificationRoutes)
    .route('/saved-searches', savedSearchRoutes)
    .route('/reminders', reminderRoutes)
    .route('/calendar', calendarFeedRoutes)
    .route('/proposals', proposalRoutes)
    .route('/proposals', consortiumBuilderRoutes)
    .route('/proposals/:id/consortium', consortiumRoutes)
    .route('/proposals/:id/milestones', milestoneRoutes)
    .route('/proposals/:id/inform-log', informLogRoutes)
    .route('/proposals/:id/scores', scoreRoutes)
    .route('/partnerships', partnershipFirstToInformRoutes)
    .route('/partnerships', obligationRoutes)
    .route('/partnerships', cycleRoutes)
    .route('/scoring-matrices', scoringMatrixRoutes)
    // {id}.docx first: the documents' own /:id would take it for an id
    .route('/workplans', workPlanDocumentRoutes)
    .route('/workplans', workPlanRoutes)
    .route('/evaluations', evaluationDocumentRoutes)
    // an evaluationDocumentRoutes (/:id.docx) goes before this one
    .route('/evaluations', evaluationRoutes)
    .route('/search', searchRoutes)
    .route('/audit', auditRoutes);

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
        throw new Problem(415, 'Unsupported media type', 'Send the body as JSON (Content-Type: application/json).', {
          errors: [{ path: '', message: `Content-Type ${type} is not accepted here.` }]
        });
      }
      await next();
    })
    .use(identify(settings))
    .route('/health', healthRoutes)
    .route('/', docsRoutes(root))
    .route('/auth', sessionRoutes)
    // personal feedback links need no account; /feedback/summary asks for a caller itself
    .route('/feedback', feedbackRoutes)
    // the calendar feed is fetched by calendar apps, which cannot sign in: its token is the key
    .route('/calendar.ics', calendarIcsRoutes)
    .route('/', protectedRoutes);

  api.notFound(() => problemResponse(new Problem(404, 'Not found', 'There is no API route at this address.', { errors: [] })));
  api.onError((error) => problemResponse(problemOf(error)));

  return api;
}

export type App = ReturnType<typeof createApp>;
export type AppType = App;
