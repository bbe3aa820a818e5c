/**
 * The pipeline of a candidate project, as pure rules.
 *
 *   idea → exploring → in_preparation → submitted → approved → running → closed
 *                                                 ↘ rejected
 *   withdrawn: from any open stage (idea, exploring, in_preparation,
 *              submitted, approved: a consortium may still decline a grant)
 *
 * - Forward one step at a time; the three preparation stages may also step
 *   back one (an idea that needs another look goes back on the board).
 * - A rejected or withdrawn proposal may be taken up again as an idea (the
 *   next round of a call); running ends only as closed; closed is final.
 * - Staying in the same stage is no transition and always allowed.
 * - Creating a proposal may start in any stage, so past proposals (the six
 *   joint proposals of 2015–2020) can be recorded as they ended.
 */
import { Conflict, type ProblemKey, type Words } from '../../platform/index.js';
import { PROPOSAL_STAGES, type ProposalStage } from '../schemas/proposals.js';

export { PROPOSAL_STAGES, type ProposalStage };

/** Stages a proposal may still be withdrawn from. */
export const OPEN_STAGES: readonly ProposalStage[] = ['idea', 'exploring', 'in_preparation', 'submitted', 'approved'];

const NEXT: Record<ProposalStage, readonly ProposalStage[]> = {
  idea: ['exploring', 'withdrawn'],
  exploring: ['idea', 'in_preparation', 'withdrawn'],
  in_preparation: ['exploring', 'submitted', 'withdrawn'],
  submitted: ['approved', 'rejected', 'withdrawn'],
  approved: ['running', 'withdrawn'],
  rejected: ['idea'],
  withdrawn: ['idea'],
  running: ['closed'],
  closed: []
};

/** What a refused move from each stage says: the stage moved to (`to`) picks the sentence, which names the stages possible from there. */
const REFUSED_FROM = {
  idea: 'problems_proposals_stageMove_idea',
  exploring: 'problems_proposals_stageMove_exploring',
  in_preparation: 'problems_proposals_stageMove_in_preparation',
  submitted: 'problems_proposals_stageMove_submitted',
  approved: 'problems_proposals_stageMove_approved',
  rejected: 'problems_proposals_stageMove_rejected',
  withdrawn: 'problems_proposals_stageMove_withdrawn',
  running: 'problems_proposals_stageMove_running',
  closed: 'problems_proposals_stageMove_closed'
} as const satisfies Record<ProposalStage, ProblemKey>;

/** The stages a proposal in `from` may move to, in pipeline order. */
export function nextStages(from: ProposalStage): ProposalStage[] {
  return PROPOSAL_STAGES.filter((stage) => NEXT[from].includes(stage));
}

export function canMove(from: ProposalStage, to: ProposalStage): boolean {
  return from === to || NEXT[from].includes(to);
}

/** What a 409 says when `from` → `to` is not allowed (the stages possible from `from`, or that it is final), in the reader's language. */
export function transitionProblem(from: ProposalStage, to: ProposalStage): Words | null {
  if (canMove(from, to)) return null;
  return { key: REFUSED_FROM[from], params: { to } } as Words;
}

/** Throws 409 with the allowed stages when the move is not allowed. */
export function assertTransition(from: ProposalStage, to: ProposalStage): void {
  const problem = transitionProblem(from, to);
  if (problem) throw new Conflict(problem, { errors: [{ path: 'stage', ...problem }], allowedStages: nextStages(from) });
}
