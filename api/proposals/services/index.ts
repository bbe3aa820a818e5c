/** The candidate projects' services: proposals, consortium and its builder, milestones, the first-to-inform log, scoring matrices and scores. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { ConsortiumBuilderService } from './consortium-builder.js';
import { ConsortiumService } from './consortium.js';
import { FirstToInformService } from './first-to-inform.js';
import { MilestoneService } from './milestones.js';
import { ProposalService } from './proposals.js';
import { ScoreService } from './scores.js';
import { ScoringMatrixService } from './scoring-matrices.js';

export function proposalsServices(db: DB, _settings: Settings, clock?: () => Date) {
  return {
    proposals: new ProposalService(db),
    consortium: new ConsortiumService(db),
    consortiumBuilder: new ConsortiumBuilderService(db, clock),
    milestones: new MilestoneService(db, clock),
    firstToInform: new FirstToInformService(db, clock),
    scoringMatrices: new ScoringMatrixService(db),
    scores: new ScoreService(db, clock)
  };
}

export type ProposalsServices = ReturnType<typeof proposalsServices>;
export type ProposalsEnv = ContextEnv<ProposalsServices>;
export { proposalAuditedRecords } from './audited-records.js';
