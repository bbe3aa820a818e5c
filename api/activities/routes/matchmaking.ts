/** /api/matchmaking: HTTP only; the rules live in services/matchmaking.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IntroductionCreate, MatchmakingQuery, MatchmakingResult } from '../schemas/matchmaking.js';
import { Task } from '../schemas/tasks.js';

const tag = 'Matchmaking';

export const matchmakingRoutes = new Hono<ActivitiesEnv>()
  .get(
    '/',
    describe({
      tag,
      summary: 'Pairs of stakeholders across the partner regions worth bringing together, best first, each with its reasons',
      description:
        'Give activityId (its partnerships and domains), or partnershipId, or regionIds (two, comma-separated), with optional domains (comma-separated ids). months: "no contact in the last N months" (default 12).',
      body: MatchmakingResult
    }),
    validate('query', MatchmakingQuery),
    async (c) => c.json(await c.var.services.matchmaking.suggest(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/introductions',
    describe({ tag, summary: 'Make the task of introducing a pair to each other (owner: the caller, or a member who may own the partnership’s tasks)', body: Task, status: 201 }),
    validate('json', IntroductionCreate),
    async (c) => c.json(await c.var.services.matchmaking.introduce(c.var.caller, c.req.valid('json')), 201)
  );
