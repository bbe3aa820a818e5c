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
import { Conflict } from '../../platform/index.js';
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

const LABEL: Record<ProposalStage, string> = {
  idea: 'idea',
  exploring: 'exploring',
  in_preparation: 'in preparation',
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  running: 'running',
  closed: 'closed'
};

/** The stages a proposal in `from` may move to, in pipeline order. */
export function nextStages(from: ProposalStage): ProposalStage[] {
  return PROPOSAL_STAGES.filter((stage) => NEXT[from].includes(stage));
}

export function canMove(from: ProposalStage, to: ProposalStage): boolean {
  return from === to || NEXT[from].includes(to);
}

function spoken(stages: ProposalStage[]): string {
  const words = stages.map((s) => `“${LABEL[s]}”`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The sentence a 409 carries when `from` → `to` is not allowed. */
export function transitionProblem(from: ProposalStage, to: ProposalStage): string | null {
  if (canMove(from, to)) return null;
  const allowed = nextStages(from);
  const options = allowed.length ? `from “${LABEL[from]}” it can move to ${spoken(allowed)}` : `“${LABEL[from]}” is final`;
  return `A proposal cannot move from “${LABEL[from]}” to “${LABEL[to]}”: ${options}.`;
}

/** Throws 409 with the allowed stages when the move is not allowed. */
export function assertTransition(from: ProposalStage, to: ProposalStage): void {
  const problem = transitionProblem(from, to);
  if (problem) throw new Conflict(problem, { errors: [{ path: 'stage', message: problem }], allowedStages: nextStages(from) });
}
