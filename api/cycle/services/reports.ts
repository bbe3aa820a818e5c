/**
 * The annual cycle's documents: reads the work plan or the evaluation as the
 * caller may see it (404 when invisible, through those services' own `get`)
 * and builds its Word file (api/cycle/documents/). Routes stay thin.
 */
import type { Caller, WordFile } from '../../platform/index.js';
import type { EvaluationDetail } from '../schemas/evaluations.js';
import type { WorkPlanDetail } from '../schemas/work-plans.js';
import { evaluationDocument } from '../documents/evaluation-document.js';
import { workPlanDocument } from '../documents/work-plan-document.js';

/** What the reports read: the two documents' services (see services/index.ts). */
export interface ReportSources {
  workPlans: { get(caller: Caller, id: string): Promise<WorkPlanDetail> };
  evaluations: { get(caller: Caller, id: string): Promise<EvaluationDetail> };
}

export class ReportService {
  constructor(private readonly sources: ReportSources) {}

  async workPlanDocx(caller: Caller, workPlanId: string): Promise<WordFile> {
    return workPlanDocument(await this.sources.workPlans.get(caller, workPlanId));
  }

  async evaluationDocx(caller: Caller, evaluationId: string): Promise<WordFile> {
    return evaluationDocument(await this.sources.evaluations.get(caller, evaluationId));
  }
}
