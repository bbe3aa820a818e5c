/**
 * The overview's face: the officer's cockpit (GET /api/overview), composed
 * from what the other contexts' services answer — tasks, approvals,
 * obligations and cycle steps, deadlines and milestones, notifications —
 * plus the partner edits and visit marks only it reads. Builds on the
 * deadlines, the annual cycle, funding, the activities, the CRM and the
 * platform; api/services.ts hands their services in.
 */

export { overviewRoutes } from './routes/index.js';
export { overviewServices, type OverviewSources } from './services/index.js';
