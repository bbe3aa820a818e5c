/**
 * /api/people/retention-review: HTTP only; the rules live in
 * services/retention.ts. Mounted before the people routes, so the path is
 * never read as a person's id.
 */
import { Hono } from 'hono';
import type { PrivacyEnv } from '../services/index.js';
import { describe, readerLanguage, validate } from '../../platform/index.js';
import { RetentionErase, RetentionErased, RetentionKeep, RetentionKept, RetentionReviewPage, RetentionReviewQuery } from '../schemas/retention.js';

const tag = 'People';

export const retentionRoutes = new Hono<PrivacyEnv>()
  .get(
    '/retention-review',
    describe({ tag, summary: 'People without interaction or participation for longer than the retention period, in the partnerships where the caller writes', body: RetentionReviewPage }),
    validate('query', RetentionReviewQuery),
    async (c) => c.json(await c.var.services.retention.list(c.var.caller, c.req.valid('query')))
  )
  .post(
    '/retention-review/keep',
    describe({ tag, summary: 'Keep people for another period, with a reason', body: RetentionKept }),
    validate('json', RetentionKeep),
    async (c) => c.json(await c.var.services.retention.keep(c.var.caller, c.req.valid('json')))
  )
  .post(
    '/retention-review/erase',
    describe({ tag, summary: 'Erase people in bulk (each as erasing from their page does); those refused are listed with why', body: RetentionErased }),
    validate('json', RetentionErase),
    async (c) => c.json(await c.var.services.retention.erase(c.var.caller, c.req.valid('json'), readerLanguage(c)))
  );
