/**
 * Privacy's face, the GDPR duties: a person's rights (access log, export,
 * erasure), consent and what relied on it, the retention review and the
 * record of processing. Builds on the annual cycle's documents, the
 * activities, the CRM and the platform.
 */

export { privacyRoutes } from './routes/index.js';
export { privacyServices } from './services/index.js';
