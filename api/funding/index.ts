/**
 * Funding's face: the programme catalogue, calls and their deadlines, the
 * portal import, watched calls, saved searches and the notifications of
 * changed deadlines. Builds on the activities (local times), the CRM and
 * the platform.
 */

export { fundingRoutes } from './routes/index.js';
export { countdown, milestoneDue, normaliseCutOff, wallTimeIn, type WallTime } from './rules/call-dates.js';
export { cityOf, dateWords, deadlineIn, deadlineInBothZones, timeLeft, wallTimeWords } from './rules/deadline-wording.js';
export { fundingAuditedRecords, fundingServices } from './services/index.js';
export { callLink } from './services/notifications.js';
export { descendantsOf } from './services/programmes.js';
export { callMatches } from './services/saved-searches.js';
