/** /api/matchmaking: HTTP only; the rules live in services/matchmaking.ts. */
import { Hono } from 'hono';
import type { ActivitiesEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { MatchmakingQuery, MatchmakingResult } from '../schemas/matchmaking.js';

export const matchmakingRoutes = new Hono<ActivitiesEnv>().get(
  '/',
  describe({
    tag: 'Matchmaking',
    summary: 'Pairs of stakeholders across the partner regions worth bringing together, best first, each with its reasons',
    description: 'Give activityId (its partnerships and domains), or partnershipId with optional domains (comma-separated ids). months: "no contact in the last N months" (default 12).',
    body: MatchmakingResult
  }),
  validate('query', MatchmakingQuery),
  async (c) => c.json(await c.var.services.matchmaking.suggest(c.var.caller, c.req.valid('query')))
);
