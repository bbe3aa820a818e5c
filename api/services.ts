/**
 * Builds every context's services once per process around the one database
 * handle, and hands each what it needs of the others: the audit trail each
 * context's rule for its records, the reminder run the annual cycle's steps,
 * the overview the services it composes its cockpit from.
 */
import type { DB } from '../db/connection.js';
import { platformServices, type ContextEnv, type ProcessBus, type Settings } from './platform/index.js';
import { activitiesServices, activityAuditedRecords } from './activities/index.js';
import { crmAuditedRecords, crmServices } from './crm/index.js';
import { cycleAuditedRecords, cycleServices } from './cycle/index.js';
import { deadlinesServices } from './deadlines/index.js';
import { fundingAuditedRecords, fundingServices } from './funding/index.js';
import { overviewServices } from './overview/index.js';
import { privacyServices } from './privacy/index.js';
import { proposalAuditedRecords, proposalsServices } from './proposals/index.js';

/** `bus`: the channel to the other processes of a group (REGIODESK_PROCESSES), for what the services hold in memory: the live rooms. */
export function createServices(db: DB, settings: Settings, clock?: () => Date, bus: ProcessBus | null = null) {
  const cycle = cycleServices(db, settings, clock, bus);
  const records = { ...crmAuditedRecords, ...activityAuditedRecords, ...fundingAuditedRecords, ...proposalAuditedRecords, ...cycleAuditedRecords };
  const activities = activitiesServices(db, settings, clock);
  const funding = fundingServices(db, settings, clock);
  const deadlines = deadlinesServices(db, settings, clock, cycle.cycle);
  return {
    ...platformServices(db, settings, clock, records),
    ...crmServices(db, settings, clock),
    ...activities,
    ...funding,
    ...proposalsServices(db, settings, clock),
    ...deadlines,
    ...cycle,
    ...privacyServices(db, settings, clock),
    // the cockpit reads through the contexts' own services, so their rules of who sees what hold
    ...overviewServices(db, { tasks: activities.tasks, workPlans: cycle.workPlans, evaluations: cycle.evaluations, obligations: cycle.obligations, cycle: cycle.cycle, deadlines: deadlines.deadlines, notifications: funding.notifications }, clock)
  };
}

export type Services = ReturnType<typeof createServices>;
/** The environment of the app as a whole: every context's services. */
export type AppEnv = ContextEnv<Services>;
