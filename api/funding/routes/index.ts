/** Funding's routes (signed in): programmes, calls and their import, watched calls, saved searches and notifications. */
import { Hono } from 'hono';
import type { FundingEnv } from '../services/index.js';
import { callImportRoutes } from './call-import.js';
import { callRoutes } from './calls.js';
import { notificationRoutes } from './notifications.js';
import { fundingProgrammeRoutes } from './programmes.js';
import { savedSearchRoutes } from './saved-searches.js';
import { watchRoutes } from './watches.js';

export const fundingRoutes = new Hono<FundingEnv>()
  .route('/programmes', fundingProgrammeRoutes)
  // /calls/watched and /calls/import before /calls/:id, which would take them for ids
  .route('/calls', watchRoutes)
  .route('/calls', callImportRoutes)
  .route('/calls', callRoutes)
  .route('/saved-searches', savedSearchRoutes)
  .route('/notifications', notificationRoutes);
