/** The CRM's routes (signed in): users, regions, domains, partnerships, organisations, people, interactions and search. */
import { Hono } from 'hono';
import type { CrmEnv } from '../services/index.js';
import { domainRoutes } from './domains.js';
import { interactionRoutes } from './interactions.js';
import { organisationRoutes } from './organisations.js';
import { partnershipRoutes } from './partnerships.js';
import { personRoutes } from './people.js';
import { regionRoutes } from './regions.js';
import { searchRoutes } from './search.js';
import { userRoutes } from './users.js';

export const crmRoutes = new Hono<CrmEnv>()
  .route('/users', userRoutes)
  .route('/regions', regionRoutes)
  .route('/domains', domainRoutes)
  .route('/partnerships', partnershipRoutes)
  .route('/organisations', organisationRoutes)
  .route('/people', personRoutes)
  .route('/interactions', interactionRoutes)
  .route('/search', searchRoutes);
