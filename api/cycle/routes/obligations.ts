/**
 * /api/partnerships/:id/obligations: HTTP only; the rules live in
 * services/obligations.ts. Mounted under `/partnerships`.
 */
import { Hono } from 'hono';
import type { CycleEnv } from '../services/index.js';
import { describe, readerLanguage, validate } from '../../platform/index.js';
import { obligationsIn } from '../rules/obligation-words.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Obligations, ObligationsQuery } from '../schemas/obligations.js';

const tag = 'Annual cycle';

export const obligationRoutes = new Hono<CycleEnv>().get(
  '/:id/obligations',
  describe({
    tag,
    summary: 'The agreement’s obligations of a year, each green, amber or red with its reason (in the reader’s language) and a link to what fixes it',
    description:
      'Administrative visits held (Art. 2.2 §3), the evaluation in its month, next year’s work plan in its month, contact persons named, first-to-inform honoured (Art. 2.3), and the agreement’s end, notice and renewal dates. `year` defaults to the current one. Visits, evaluation, work plan and first-to-inform are about that year; contact persons and the agreement’s dates are about today.',
    body: Obligations
  }),
  validate('param', IdParam),
  validate('query', ObligationsQuery),
  async (c) => c.json(obligationsIn(await c.var.services.obligations.get(c.var.caller, c.req.valid('param').id, c.req.valid('query')), readerLanguage(c)))
);
