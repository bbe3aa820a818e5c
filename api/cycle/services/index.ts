/** The annual cycle's services: work plans and evaluations (co-edited live), their Word documents, the watched obligations and the cycle's steps. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, ProcessBus, Settings } from '../../platform/index.js';
import { LiveRooms } from '../coediting/live.js';
import { CycleStepService } from './cycle-steps.js';
import { EvaluationService } from './evaluations.js';
import { ObligationService } from './obligations.js';
import { ReportService } from './reports.js';
import { WorkPlanService } from './work-plans.js';

export function cycleServices(db: DB, _settings: Settings, clock?: () => Date, bus: ProcessBus | null = null) {
  // the live rooms of the co-edited documents: one per app, shared by both kinds of document, spanning a group's processes over `bus`
  const live = new LiveRooms(bus);
  const workPlans = new WorkPlanService(db, live, clock);
  const evaluations = new EvaluationService(db, live, clock);
  return {
    live,
    workPlans,
    evaluations,
    // the Word documents read the plans and evaluations through their services
    reports: new ReportService({ workPlans, evaluations }),
    obligations: new ObligationService(db, clock),
    cycle: new CycleStepService(db, clock)
  };
}

export type CycleServices = ReturnType<typeof cycleServices>;
export type CycleEnv = ContextEnv<CycleServices>;
export { cycleAuditedRecords } from './audited-records.js';
