/** The annual cycle's routes (signed in): work plans and evaluations with their Word documents, the watched obligations and the cycle's settings. */
import { Hono } from 'hono';
import type { CycleEnv } from '../services/index.js';
import { cycleStepRoutes } from './cycle.js';
import { evaluationRoutes } from './evaluations.js';
import { obligationRoutes } from './obligations.js';
import { evaluationDocumentRoutes, workPlanDocumentRoutes } from './reports.js';
import { workPlanRoutes } from './work-plans.js';

export const cycleRoutes = new Hono<CycleEnv>()
  // each document's /:id.docx before its /:id, which would take it for an id
  .route('/workplans', workPlanDocumentRoutes)
  .route('/workplans', workPlanRoutes)
  .route('/evaluations', evaluationDocumentRoutes)
  .route('/evaluations', evaluationRoutes)
  .route('/partnerships', obligationRoutes)
  .route('/partnerships', cycleStepRoutes);
