/**
 * The activities' face: delegation trips, exchanges, events and meetings
 * with their participants, agenda, minutes, follow-ups and tasks,
 * matchmaking, budgets, costs and feedback, and the timelines of
 * organisations and people. Builds on the CRM and the platform.
 */

export { activitiesOpenRoutes, activitiesRoutes } from './routes/index.js';
export { toEurCents } from './services/costs.js';
export { average } from './services/feedback.js';
export { dateInZone } from './services/follow-ups.js';
export { activitiesServices, activityAuditedRecords } from './services/index.js';
export { list } from './services/matchmaking.js';
export { toTask } from './services/tasks.js';
