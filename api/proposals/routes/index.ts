/** The candidate projects' routes (signed in): proposals with their consortium, milestones, first-to-inform log and scores; scoring matrices. */
import { Hono } from 'hono';
import type { ProposalsEnv } from '../services/index.js';
import { consortiumBuilderRoutes } from './consortium-builder.js';
import { consortiumRoutes } from './consortium.js';
import { informLogRoutes, partnershipFirstToInformRoutes } from './first-to-inform.js';
import { milestoneRoutes } from './milestones.js';
import { proposalRoutes } from './proposals.js';
import { scoreRoutes } from './scores.js';
import { scoringMatrixRoutes } from './scoring-matrices.js';

export const proposalsRoutes = new Hono<ProposalsEnv>()
  .route('/proposals', proposalRoutes)
  .route('/proposals', consortiumBuilderRoutes)
  .route('/proposals/:id/consortium', consortiumRoutes)
  .route('/proposals/:id/milestones', milestoneRoutes)
  .route('/proposals/:id/inform-log', informLogRoutes)
  .route('/proposals/:id/scores', scoreRoutes)
  .route('/partnerships', partnershipFirstToInformRoutes)
  .route('/scoring-matrices', scoringMatrixRoutes);
