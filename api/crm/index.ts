/**
 * The CRM's face: users and their memberships, regions, domains,
 * partnerships (agreements, parties, stakeholders), organisations, people
 * with their consent history and access log, interactions, and search.
 * Builds on the platform.
 */

export { crmRoutes } from './routes/index.js';
export { addDays, addMonths, agreementGlance, agreementStatus, dayOf, daysBetween, daysInMonth, effectiveEndOn, type AgreementDates } from './rules/agreement-dates.js';
export { withdrawnAmong } from './services/consent-events.js';
export { assertDomainsUsable } from './services/domains.js';
export { crmAuditedRecords, crmServices } from './services/index.js';
export { toInteraction } from './services/interactions.js';
export { collectPage } from './services/partnerships.js';
export { canWritePerson, latestToday, loadVisible, present } from './services/people.js';
export { StillUsed } from './services/still-used.js';
export { READ_WINDOW_MINUTES } from './services/person-reads.js';
