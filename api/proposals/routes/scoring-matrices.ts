/** /api/scoring-matrices: HTTP only; the rules live in services/scoring-matrices.ts. */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { describe, etagOf, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { Ranking, RankingQuery, ScoringMatrix, ScoringMatrixCreate, ScoringMatrixListQuery, ScoringMatrixPage, ScoringMatrixPatch } from '../schemas/scoring.js';

const tag = 'Scoring';

export const scoringMatrixRoutes = new Hono<ProposalsEnv>()
  .get(
    '/',
    describe({ tag, summary: 'Scoring matrices the caller may use (those for everyone, like the RegioWIN 2030 example, and their partnerships’ own)', body: ScoringMatrixPage }),
    validate('query', ScoringMatrixListQuery),
    async (c) => c.json(await c.var.services.scoringMatrices.list(c.var.caller, c.req.valid('query')))
  )
  .post('/', describe({ tag, summary: 'Create a scoring matrix: criteria in groups, with levels and weights', body: ScoringMatrix, status: 201 }), validate('json', ScoringMatrixCreate), async (c) => {
    const matrix = await c.var.services.scoringMatrices.create(c.var.caller, c.req.valid('json'));
    return c.json(matrix, 201, { ETag: etagOf(matrix) });
  })
  .get('/:id', describe({ tag, summary: 'Read a scoring matrix', body: ScoringMatrix }), validate('param', IdParam), async (c) => {
    const matrix = await c.var.services.scoringMatrices.get(c.var.caller, c.req.valid('param').id);
    return c.json(matrix, 200, { ETag: etagOf(matrix) });
  })
  .patch(
    '/:id',
    describe({ tag, summary: 'Rename a scoring matrix, or replace its criteria while nobody has scored with it', body: ScoringMatrix, also: { 409: 'Proposals were scored with it: the criteria stay', 412: 'Stale If-Match: the body has the current matrix' } }),
    validate('param', IdParam),
    validate('json', ScoringMatrixPatch),
    async (c) => {
      const matrix = await c.var.services.scoringMatrices.update(c.var.caller, c.req.valid('param').id, c.req.valid('json'), expectedVersion(c.req.header('If-Match')));
      return c.json(matrix, 200, { ETag: etagOf(matrix) });
    }
  )
  .get(
    '/:id/ranking',
    describe({ tag, summary: 'A partnership’s candidate projects scored with this matrix, by mean weighted total', body: Ranking }),
    validate('param', IdParam),
    validate('query', RankingQuery),
    async (c) => c.json(await c.var.services.scoringMatrices.ranking(c.var.caller, c.req.valid('param').id, c.req.valid('query').partnershipId))
  );
