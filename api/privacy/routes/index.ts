/** Privacy's routes (signed in): a person's rights, consent and the retention review under /people, and the record of processing. */
import { Hono } from 'hono';
import type { PrivacyEnv } from '../services/index.js';
import { consentRoutes } from './consent.js';
import { personRightsRoutes } from './person-rights.js';
import { processingRecordRoutes } from './processing-record.js';
import { retentionRoutes } from './retention.js';

export const privacyRoutes = new Hono<PrivacyEnv>()
  .route('/people', retentionRoutes)
  .route('/people', consentRoutes)
  .route('/people', personRightsRoutes)
  .route('/processing-record', processingRecordRoutes);
