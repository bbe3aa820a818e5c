/**
 * The annual cycle's face: the work plan (December) and the evaluation
 * (November), co-edited live with history and approvals, their Word
 * documents and charts, the watched obligations of the agreement and the
 * cycle's steps. Builds on the candidate projects, the activities, the CRM
 * and the platform.
 */

export { cycleRoutes } from './routes/index.js';
export { cycleAuditedRecords, cycleServices } from './services/index.js';
export { obligationsIn, type ObligationFacts } from './rules/obligation-words.js';
