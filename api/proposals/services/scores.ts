/**
 * Scores of a proposal: each reviewer scores each criterion of the
 * proposal's matrix on their own.
 *
 * - Read with the proposal: every reviewer's scores, their weighted totals,
 *   the mean and spread of the complete reviewers and per criterion
 *   (scoring.ts). Any writer of the partnership (admin, officer, editor)
 *   scores as themself; viewers get 403, outsiders 404.
 * - Points must be one of the criterion's level points (400 at
 *   `scores.i.points` naming them); a criterion of another matrix is a 400
 *   at `scores.i.criterionId`; `points: null` takes the caller's score
 *   back. Without a matrix on the proposal, `matrixId` chooses one (a
 *   matrix available to the partnership); naming another matrix than the
 *   proposal's is a 409 once scores were given with it.
 * - Locking (admins and officers of the partnership) freezes the scores:
 *   further scores answer 409 until it is unlocked. Locking and unlocking
 *   change the proposal (its version goes up) and are audited on it, as is
 *   every sheet of scores a reviewer sends.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import { getProposal, updateProposal } from '../../../db/proposals/proposals.js';
import * as repo from '../../../db/proposals/scoring.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { Conflict, PreconditionFailed, ValidationFailed, recordChange, words, type Caller, type FieldError } from '../../platform/index.js';
import type { ScoresPut, ScoreSheet } from '../schemas/scoring.js';
import { readableProposal, SCORING_LOCKERS, writableProposal } from './proposal-access.js';
import { loadMatrix, toCriterion } from './scoring-matrices.js';
import { summarise } from '../rules/scoring.js';
import { holdForWrite } from '../../../db/row-locks.js';

async function sheetOf(db: Kysely<Database>, proposal: ProposalRow): Promise<ScoreSheet> {
  const base = { proposalId: proposal.id, matrixId: proposal.scoring_matrix_id, locked: proposal.scoring_locked_at !== null, lockedAt: proposal.scoring_locked_at };
  const matrix = proposal.scoring_matrix_id ? await loadMatrix(db, proposal.scoring_matrix_id) : null;
  if (!matrix) return { ...base, maxWeightedTotal: null, criteria: [], reviewers: [], completeReviewers: 0, meanWeightedTotal: null, spread: null };
  const criteria = matrix.criteria.map(toCriterion);
  const best = new Map(criteria.map((c) => [c.id, c.maxPoints]));
  const rows = (await repo.scoresOf(db, [proposal.id])).filter((s) => best.has(s.criterion_id));
  const summary = summarise(
    criteria,
    rows.map((s) => ({ criterionId: s.criterion_id, reviewerId: s.reviewer_id, points: s.points })),
    (id) => best.get(id) ?? 0
  );
  const totals = new Map(summary.reviewers.map((r) => [r.reviewerId, r]));
  const reviewerIds = [...new Set(rows.map((s) => s.reviewer_id))];
  const position = new Map(criteria.map((c, i) => [c.id, i]));
  return {
    ...base,
    maxWeightedTotal: summary.maxWeightedTotal,
    criteria: matrix.criteria.map((c, i) => ({
      criterionId: c.id,
      groupCode: c.group_code,
      number: c.number,
      title: c.title,
      weight: c.weight,
      reviewers: summary.criteria[i]!.reviewers,
      mean: summary.criteria[i]!.mean,
      min: summary.criteria[i]!.min,
      max: summary.criteria[i]!.max,
      spread: summary.criteria[i]!.spread
    })),
    reviewers: reviewerIds.map((reviewerId) => {
      const own = rows.filter((s) => s.reviewer_id === reviewerId).sort((a, b) => position.get(a.criterion_id)! - position.get(b.criterion_id)!);
      const total = totals.get(reviewerId)!;
      return {
        reviewerId,
        name: own[0]!.reviewer_name,
        weightedTotal: total.weightedTotal,
        rawTotal: total.rawTotal,
        scoredCriteria: total.scoredCriteria,
        complete: total.complete,
        scores: own.map((s) => ({ criterionId: s.criterion_id, points: s.points, comment: s.comment, scoredAt: s.scored_at }))
      };
    }),
    completeReviewers: summary.completeReviewers,
    meanWeightedTotal: summary.meanWeightedTotal,
    spread: summary.spread
  };
}

export class ScoreService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async sheet(caller: Caller, proposalId: string): Promise<ScoreSheet> {
    return sheetOf(this.db, await readableProposal(this.db, caller, proposalId));
  }

  /** Chooses the matrix the scores go to: the proposal's, or the one named when it has none. */
  private async matrixFor(trx: Kysely<Database>, proposal: ProposalRow, requested: string | undefined): Promise<string> {
    if (requested && proposal.scoring_matrix_id && requested !== proposal.scoring_matrix_id) {
      throw new Conflict(words('problems_proposals_otherMatrix'), {
        errors: [{ path: 'matrixId', ...words('problems_proposals_field_notProposalsMatrix') }]
      });
    }
    if (proposal.scoring_matrix_id) return proposal.scoring_matrix_id;
    if (!requested) throw new ValidationFailed([{ path: 'matrixId', ...words('problems_proposals_field_noMatrixYet') }]);
    const matrix = await repo.findMatrix(trx, requested);
    if (!matrix || (matrix.partnership_id !== null && matrix.partnership_id !== proposal.partnership_id)) {
      throw new ValidationFailed([{ path: 'matrixId', ...words('problems_proposals_field_noSuchMatrix') }]);
    }
    const current = await getProposal(trx, proposal.id);
    await updateProposal(trx, proposal.id, current.version, { scoring_matrix_id: requested, updated_at: nowIso() });
    return requested;
  }

  async put(caller: Caller, proposalId: string, input: ScoresPut): Promise<ScoreSheet> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId);
      if (proposal.scoring_locked_at) throw new Conflict('problems_proposals_scoringLockedOn', { date: proposal.scoring_locked_at.slice(0, 10) });
      const matrixId = await this.matrixFor(trx, proposal, input.matrixId);
      // the matrix is held: its criteria cannot change while these scores are given (a matrix once scored keeps them)
      await holdForWrite(trx, 'scoring_matrices', matrixId);
      const criteria = new Map((await repo.criteriaOf(trx, [matrixId])).map((c) => [c.id, toCriterion(c)]));
      const errors: FieldError[] = [];
      input.scores.forEach((s, i) => {
        const criterion = criteria.get(s.criterionId);
        if (!criterion) errors.push({ path: `scores.${i}.criterionId`, ...words('problems_proposals_field_noSuchCriterion') });
        else if (s.points !== null && !criterion.levels.some((l) => l.points === s.points)) {
          errors.push({ path: `scores.${i}.points`, ...words('problems_proposals_field_chooseLevel', { levels: criterion.levels.map((l) => l.points).join(', ') }) });
        }
      });
      if (errors.length) throw new ValidationFailed(errors);
      const before = (await repo.scoresOf(trx, [proposalId])).filter((s) => s.reviewer_id === caller.userId).map((s) => ({ criterionId: s.criterion_id, points: s.points, comment: s.comment }));
      const at = this.clock().toISOString();
      for (const s of input.scores) {
        if (s.points === null) await repo.deleteScore(trx, proposalId, s.criterionId, caller.userId);
        else await repo.upsertScore(trx, { id: newId(), proposal_id: proposalId, criterion_id: s.criterionId, reviewer_id: caller.userId, points: s.points, comment: s.comment, scored_at: at });
      }
      const after = (await repo.scoresOf(trx, [proposalId])).filter((s) => s.reviewer_id === caller.userId).map((s) => ({ criterionId: s.criterion_id, points: s.points, comment: s.comment }));
      const reviewer = { id: caller.userId, name: caller.name };
      await recordChange(trx, caller, 'proposal', proposalId, { scores: { reviewer, matrixId: proposal.scoring_matrix_id, items: before } }, { scores: { reviewer, matrixId, items: after } });
      return sheetOf(trx, await getProposal(trx, proposalId));
    });
  }

  private async setLock(caller: Caller, proposalId: string, locked: boolean): Promise<ScoreSheet> {
    return this.db.transaction().execute(async (trx) => {
      const proposal = await writableProposal(trx, caller, proposalId, SCORING_LOCKERS);
      if ((proposal.scoring_locked_at !== null) === locked) return sheetOf(trx, proposal);
      const lockedAt = locked ? this.clock().toISOString() : null;
      const updated = await updateProposal(trx, proposalId, proposal.version, { scoring_locked_at: lockedAt, updated_at: nowIso() });
      if (!updated) throw new PreconditionFailed(await sheetOf(trx, proposal));
      await recordChange(trx, caller, 'proposal', proposalId, { scoringLockedAt: proposal.scoring_locked_at }, { scoringLockedAt: lockedAt });
      return sheetOf(trx, updated);
    });
  }

  lock(caller: Caller, proposalId: string): Promise<ScoreSheet> {
    return this.setLock(caller, proposalId, true);
  }

  unlock(caller: Caller, proposalId: string): Promise<ScoreSheet> {
    return this.setLock(caller, proposalId, false);
  }
}
