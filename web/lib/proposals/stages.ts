/**
 * The pipeline of a candidate project as the UI shows it: the stages in
 * pipeline order and their badge colour. Where a proposal may move next
 * comes from the API (`nextStages`), never from here.
 */
import type { ProposalStage } from '$api/proposals/schemas/proposals';

/** in pipeline order; written against the API's enum, so a stage it does not know fails the type check */
const STAGE_SET = {
  idea: true,
  exploring: true,
  in_preparation: true,
  submitted: true,
  approved: true,
  rejected: true,
  withdrawn: true,
  running: true,
  closed: true
} satisfies Record<ProposalStage, true>;
export const STAGES = Object.keys(STAGE_SET) as ProposalStage[];

export function isStage(value: string | null | undefined): value is ProposalStage {
  return !!value && (STAGES as string[]).includes(value);
}

/** the shared badge class for a stage: green when it worked out, red when it did not, amber while the evaluators have it */
export function stageTone(stage: ProposalStage): '' | 'ok' | 'warn' | 'danger' {
  if (stage === 'approved' || stage === 'running') return 'ok';
  if (stage === 'rejected' || stage === 'withdrawn') return 'danger';
  if (stage === 'submitted') return 'warn';
  return '';
}
