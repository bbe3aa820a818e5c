/**
 * The platform's routes: the account of the signed-in caller and the audit
 * trail (signed in); the health check and signing in, with a password or
 * through the OpenID provider (open to anyone). The
 * API documentation is mounted by the app itself: it describes the whole app.
 */
import { Hono } from 'hono';
import type { PlatformEnv } from '../services/index.js';
import { auditRoutes } from './audit.js';
import { accountRoutes, sessionRoutes } from './auth.js';
import { healthRoutes } from './health.js';
import { recurrenceRoutes } from './recurrence.js';
import { singleSignOnRoutes } from './single-sign-on.js';

export const platformRoutes = new Hono<PlatformEnv>().route('/auth', accountRoutes).route('/audit', auditRoutes).route('/recurrence', recurrenceRoutes);

export const platformOpenRoutes = new Hono<PlatformEnv>().route('/health', healthRoutes).route('/auth', sessionRoutes).route('/auth/oidc', singleSignOnRoutes);
