/** The overview's routes (signed in). */
import { Hono } from 'hono';
import type { OverviewEnv } from '../services/index.js';
import { overviewRoutes as cockpit } from './overview.js';

export const overviewRoutes = new Hono<OverviewEnv>().route('/overview', cockpit);
