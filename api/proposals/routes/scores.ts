/**
 * /api/proposals/:id/scores: HTTP only; the rules live in services/scores.ts.
 * Mounted at `/proposals/:id/scores`, so `id` is the proposal's.
 */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { ScoreSheet, ScoresPut } from '../schemas/scoring.js';

const tag = 'Scoring';

export const scoreRoutes = new Hono<ProposalsEnv>()
  .get(
    '/',
    describe({ tag, summary: 'Every reviewer’s scores with their weighted totals, the mean and the spread between reviewers', body: ScoreSheet }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.scores.sheet(c.var.caller, c.req.valid('param').id))
  )
  .put(
    '/',
    describe({ tag, summary: 'Score criteria as the caller (points must be one of the criterion’s levels; null takes a score back)', body: ScoreSheet, also: { 409: 'Scoring is locked, or the proposal uses another matrix' } }),
    validate('param', IdParam),
    validate('json', ScoresPut),
    async (c) => c.json(await c.var.services.scores.put(c.var.caller, c.req.valid('param').id, c.req.valid('json')))
  )
  .post('/lock', describe({ tag, summary: 'Lock scoring (partnership admins and officers): further scores are refused', body: ScoreSheet }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.scores.lock(c.var.caller, c.req.valid('param').id))
  )
  .delete('/lock', describe({ tag, summary: 'Unlock scoring (partnership admins and officers)', body: ScoreSheet }), validate('param', IdParam), async (c) =>
    c.json(await c.var.services.scores.unlock(c.var.caller, c.req.valid('param').id))
  );
