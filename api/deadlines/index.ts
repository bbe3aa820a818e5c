/**
 * The face of what is due: the deadline dashboard, the calendar feeds and
 * the reminder run (deadlines, milestones, digests, e-mail; the annual
 * cycle's steps handed in). Builds on the candidate projects, funding, the
 * activities and the platform.
 */

export { deadlinesOpenRoutes, deadlinesRoutes } from './routes/index.js';
export { deadlinesServices } from './services/index.js';
export { startReminderRuns } from './services/reminders.js';
