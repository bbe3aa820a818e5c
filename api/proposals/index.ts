/**
 * The candidate projects' face: proposals from idea to submission, their
 * consortium (and the builder's suggestions), co-financing, milestones,
 * the first-to-inform log, scoring matrices and scores. Builds on funding,
 * the activities, the CRM and the platform.
 */

export { proposalsRoutes } from './routes/index.js';
export { informStates, SUBMITTED_STAGES } from './services/first-to-inform.js';
export { proposalAuditedRecords, proposalsServices } from './services/index.js';
