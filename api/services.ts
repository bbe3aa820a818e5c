/**
 * Builds every context's services once per process around the one database
 * handle, and hands each what it needs of the others: the audit trail each
 * context's rule for its records, the reminder run the annual cycle's steps.
 */
import type { DB } from '../db/connection.js';
import type { Settings } from './platform/config.js';
import type { ContextEnv } from './platform/http/context.js';
import { activitiesServices, activityAuditedRecords } from './activities/services/index.js';
import { crmAuditedRecords, crmServices } from './crm/services/index.js';
import { cycleAuditedRecords, cycleServices } from './cycle/services/index.js';
import { deadlinesServices } from './deadlines/services/index.js';
import { fundingAuditedRecords, fundingServices } from './funding/services/index.js';
import { platformServices } from './platform/services/index.js';
import { privacyServices } from './privacy/services/index.js';
import { proposalAuditedRecords, proposalsServices } from './proposals/services/index.js';

export function createServices(db: DB, settings: Settings, clock?: () => Date) {
  const cycle = cycleServices(db, settings, clock);
  const records = { ...crmAuditedRecords, ...activityAuditedRecords, ...fundingAuditedRecords, ...proposalAuditedRecords, ...cycleAuditedRecords };
  return {
    ...platformServices(db, settings, clock, records),
    ...crmServices(db, settings, clock),
    ...activitiesServices(db, settings, clock),
    ...fundingServices(db, settings, clock),
    ...proposalsServices(db, settings, clock),
    ...deadlinesServices(db, settings, clock, cycle.cycle),
    ...cycle,
    ...privacyServices(db, settings, clock)
  };
}

export type Services = ReturnType<typeof createServices>;
/** The environment of the app as a whole: every context's services. */
export type AppEnv = ContextEnv<Services>;
