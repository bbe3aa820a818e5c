/**
 * /api/proposals/:id/consortium-suggestions: HTTP only; the rules live in
 * services/consortium-builder.ts. Mounted at `/proposals`.
 */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { ConsortiumSuggestionQuery, ConsortiumSuggestions } from '../schemas/consortium-builder.js';

export const consortiumBuilderRoutes = new Hono<ProposalsEnv>().get(
  '/:id/consortium-suggestions',
  describe({
    tag: 'Consortium',
    summary: 'Organisations of the partner regions and third partners worth inviting, best first, each with its record and reasons',
    description: 'Matched on the proposal’s and its call’s domains and on the call’s keywords against organisation names.',
    body: ConsortiumSuggestions
  }),
  validate('param', IdParam),
  validate('query', ConsortiumSuggestionQuery),
  async (c) => c.json(await c.var.services.consortiumBuilder.suggest(c.var.caller, c.req.valid('param').id, c.req.valid('query')))
);
