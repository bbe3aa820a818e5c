/**
 * Participant feedback: HTTP only; the rules live in services/feedback.ts.
 * - `activityFeedbackRoutes`, mounted at `/activities/:id/feedback` behind
 *   sign-in: the links, the answers, closing.
 * - `feedbackRoutes`, mounted at `/feedback` BEFORE sign-in is required:
 *   the personal link (`/:token`, no account, throttled per address) and the
 *   averages across activities (`/summary`, which asks for a caller itself
 *   and is declared first so that it is never taken for a token).
 */
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { describe, requireCaller, validate } from '../../platform/index.js';
import type { ActivitiesEnv } from '../services/index.js';
import { feedbackPath } from '../services/feedback.js';
import { ActivityParams } from '../schemas/costs.js';
import {
  ActivityFeedback,
  FeedbackAnswerInput,
  FeedbackForm,
  FeedbackLinksCreate,
  FeedbackLinksCreated,
  FeedbackSummary,
  FeedbackSummaryQuery,
  TokenParam
} from '../schemas/feedback.js';

const tag = 'Feedback';

/** Every request to a personal link counts towards its address's limit, before anything else is looked at. */
const throttled: MiddlewareHandler<ActivitiesEnv> = async (c, next) => {
  await c.var.services.feedback.throttle(c.var.clientAddress);
  await next();
};

export const activityFeedbackRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/',
    describe({ tag, summary: "The participants' answers with their count and average", body: ActivityFeedback }),
    validate('param', ActivityParams),
    async (c) => c.json(await c.var.services.feedback.ofActivity(c.var.caller, c.req.valid('param').id))
  )
  .post(
    '/links',
    describe({
      tag,
      summary: 'Create personal feedback links for the participants and e-mail each to its participant’s address; every link is in this answer only (to hand over those not sent)',
      body: FeedbackLinksCreated,
      status: 201,
      also: { 409: 'Feedback on the activity is closed' }
    }),
    validate('param', ActivityParams),
    validate('json', FeedbackLinksCreate),
    async (c) => {
      const origin = c.var.settings.publicOrigin ?? new URL(c.req.url).origin;
      const created = await c.var.services.feedback.createLinks(c.var.caller, c.req.valid('param').id, c.req.valid('json'), origin);
      return c.json(
        {
          items: created.items.map(({ token, ...link }) => ({ ...link, path: feedbackPath(token), url: `${origin}${feedbackPath(token)}` })),
          skipped: created.skipped,
          emailConfigured: created.emailConfigured
        },
        201
      );
    }
  )
  .post(
    '/close',
    describe({ tag, summary: 'Close the feedback: answers can no longer be given or changed', body: ActivityFeedback }),
    validate('param', ActivityParams),
    async (c) => c.json(await c.var.services.feedback.close(c.var.caller, c.req.valid('param').id))
  );

export const feedbackRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/summary',
    describe({ tag, summary: 'Average ratings per activity and overall (activities the caller may see)', body: FeedbackSummary }),
    requireCaller,
    validate('query', FeedbackSummaryQuery),
    async (c) => c.json(await c.var.services.feedback.summary(c.var.caller, c.req.valid('query')))
  )
  .get(
    '/:token',
    describe({ tag, summary: 'What a personal feedback link shows: the activity, the participant, the answer so far', body: FeedbackForm, public: true, also: { 429: 'Too many requests from this address' } }),
    throttled,
    validate('param', TokenParam),
    async (c) => c.json(await c.var.services.feedback.form(c.req.valid('param').token))
  )
  .put(
    '/:token',
    describe({
      tag,
      summary: 'Give or change the answer (rating 1–5, comment) through a personal link',
      body: FeedbackForm,
      public: true,
      also: { 409: 'Feedback on the activity is closed', 410: 'The link has expired', 429: 'Too many requests from this address' }
    }),
    throttled,
    validate('param', TokenParam),
    validate('json', FeedbackAnswerInput),
    async (c) => c.json(await c.var.services.feedback.answer(c.req.valid('param').token, c.req.valid('json')))
  );
