/**
 * Scoring matrices: who sees them, who changes them, and the ranking of a
 * partnership's candidates under one.
 *
 * - A matrix without a partnership (the seeded RegioWIN 2030 example) is
 *   read by everyone signed in and changed by system administrators only;
 *   a partnership's matrix is read by its members (others get 404) and
 *   created and changed by its admins and officers (others 403).
 * - Criteria come in groups; a criterion's weight defaults to its group's
 *   (a chapter weight such as 1.5), else 1. Changing the criteria replaces
 *   them all and is refused (409) once any proposal was scored with the
 *   matrix: the scores point at the criteria. Name and description may
 *   always change.
 * - Ranking: the partnership's proposals that use the matrix, by mean
 *   weighted total of their complete reviewers (scoring.ts `rank`).
 * - Every write is audited (entity 'scoring_matrix').
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import * as repo from '../../../db/proposals/scoring.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, canSeePartnership, canWriteIn, checkVersion, pageRequest, recordChange, scopeOf, unknownReference, words, type Caller, type PartnershipRole } from '../../platform/index.js';
import type { ProposalStage } from '../schemas/proposals.js';
import type { GroupInput, Ranking, ScoringCriterion, ScoringMatrix, ScoringMatrixCreate, ScoringMatrixListQuery, ScoringMatrixPatch } from '../schemas/scoring.js';
import { rank, summarise } from '../rules/scoring.js';
import { holdForWrite } from '../../../db/row-locks.js';

const MATRIX_WRITERS: PartnershipRole[] = ['admin', 'officer'];

type MatrixRow = NonNullable<Awaited<ReturnType<typeof repo.findMatrix>>>;
type CriterionRow = Awaited<ReturnType<typeof repo.criteriaOf>>[number];

export interface LoadedMatrix {
  row: MatrixRow;
  criteria: CriterionRow[];
}

export function toCriterion(row: CriterionRow): ScoringCriterion {
  const levels = row.levels;
  return { id: row.id, number: row.number, title: row.title, weight: row.weight, levels, maxPoints: Math.max(...levels.map((l) => l.points)) };
}

/** The weighted total of the best level of every criterion. */
export function maxWeightedTotal(criteria: CriterionRow[]): number {
  const shaped = criteria.map(toCriterion);
  const best = new Map(shaped.map((c) => [c.id, c.maxPoints]));
  return summarise(shaped, [], (id) => best.get(id) ?? 0).maxWeightedTotal;
}

export function toMatrix(loaded: LoadedMatrix, scored: boolean): ScoringMatrix {
  const groups: ScoringMatrix['groups'] = [];
  for (const c of loaded.criteria) {
    let group = groups[groups.length - 1];
    if (!group || group.code !== c.group_code) groups.push((group = { code: c.group_code, title: c.group_title, criteria: [] }));
    group.criteria.push(toCriterion(c));
  }
  return {
    id: loaded.row.id,
    name: loaded.row.name,
    description: loaded.row.description,
    partnershipId: loaded.row.partnership_id,
    groups,
    criteriaCount: loaded.criteria.length,
    maxWeightedTotal: maxWeightedTotal(loaded.criteria),
    scored,
    version: loaded.row.version,
    createdAt: loaded.row.created_at,
    updatedAt: loaded.row.updated_at
  };
}

/** The matrix with its criteria (no visibility check). */
export async function loadMatrix(db: Kysely<Database>, id: string): Promise<LoadedMatrix | null> {
  const row = await repo.findMatrix(db, id);
  if (!row) return null;
  return { row, criteria: await repo.criteriaOf(db, [id]) };
}

/** A matrix and its criteria that must exist (read back in the transaction that wrote them). */
async function storedMatrix(db: Kysely<Database>, id: string): Promise<LoadedMatrix> {
  return { row: await repo.getMatrix(db, id), criteria: await repo.criteriaOf(db, [id]) };
}

function criterionRows(matrixId: string, groups: GroupInput[]) {
  let position = 0;
  return groups.flatMap((g) =>
    g.criteria.map((c) => ({
      id: newId(),
      matrix_id: matrixId,
      position: position++,
      group_code: g.code,
      group_title: g.title,
      number: c.number,
      title: c.title,
      weight: c.weight ?? g.weight ?? '1',
      levels: [...c.levels].sort((a, b) => a.points - b.points)
    }))
  );
}

export class ScoringMatrixService {
  constructor(private readonly db: DB) {}

  private async visible(db: Kysely<Database>, caller: Caller, id: string): Promise<LoadedMatrix> {
    const row = await repo.findVisibleMatrix(db, scopeOf(caller), id);
    if (!row) throw new NotFound('scoring matrix');
    return { row, criteria: await repo.criteriaOf(db, [id]) };
  }

  private async present(db: Kysely<Database>, loaded: LoadedMatrix): Promise<ScoringMatrix> {
    return toMatrix(loaded, (await repo.scoresOnMatrix(db, loaded.row.id)) > 0);
  }

  private assertMayWrite(caller: Caller, partnershipId: string | null): void {
    if (partnershipId === null) {
      if (!caller.isAdmin) throw new Forbidden('problems_proposals_sharedMatrixAdminOnly');
    } else if (!canWriteIn(caller, partnershipId, MATRIX_WRITERS)) {
      throw new Forbidden('problems_proposals_matrixWriters');
    }
  }

  async list(caller: Caller, query: ScoringMatrixListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { page } = pageRequest(query, { name: 'name' } as const);
    const result = await repo.listMatrices(this.db, scopeOf(caller), { partnershipId: query.partnershipId }, page);
    const criteria = await repo.criteriaOf(this.db, result.items.map((r) => r.id));
    const items = [];
    for (const row of result.items) items.push(await this.present(this.db, { row, criteria: criteria.filter((c) => c.matrix_id === row.id) }));
    return { items, nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<ScoringMatrix> {
    return this.present(this.db, await this.visible(this.db, caller, id));
  }

  async create(caller: Caller, input: ScoringMatrixCreate): Promise<ScoringMatrix> {
    return this.db.transaction().execute(async (trx) => {
      if (input.partnershipId !== null && (!canSeePartnership(caller, input.partnershipId) || !(await findPartnership(trx, input.partnershipId)))) {
        throw unknownReference('partnershipId', 'partnership');
      }
      this.assertMayWrite(caller, input.partnershipId);
      const id = newId();
      await repo.insertMatrix(trx, { id, name: input.name, description: input.description, partnership_id: input.partnershipId });
      await repo.replaceCriteria(trx, id, criterionRows(id, input.groups));
      const created = await this.present(trx, await storedMatrix(trx, id));
      await recordChange(trx, caller, 'scoring_matrix', id, null, created);
      return created;
    });
  }

  async update(caller: Caller, id: string, patch: ScoringMatrixPatch, expected: number | null): Promise<ScoringMatrix> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'scoring_matrices', id);
      const loaded = await this.visible(trx, caller, id);
      this.assertMayWrite(caller, loaded.row.partnership_id);
      const before = await this.present(trx, loaded);
      checkVersion(expected, before);
      if (patch.groups && before.scored) {
        throw new Conflict(words('problems_proposals_matrixScored'), { errors: [{ path: 'groups', ...words('problems_proposals_field_scoresPointAtCriteria') }] });
      }
      const updated = await repo.updateMatrix(trx, id, loaded.row.version, { name: patch.name, description: patch.description, updated_at: nowIso() });
      if (!updated) throw new PreconditionFailed(before);
      if (patch.groups) await repo.replaceCriteria(trx, id, criterionRows(id, patch.groups));
      const after = await this.present(trx, await storedMatrix(trx, id));
      await recordChange(trx, caller, 'scoring_matrix', id, before, after);
      return after;
    });
  }

  async ranking(caller: Caller, id: string, partnershipId: string): Promise<Ranking> {
    const loaded = await this.visible(this.db, caller, id);
    if (!canSeePartnership(caller, partnershipId) || !(await findPartnership(this.db, partnershipId))) throw new NotFound('partnership');
    const proposals = await repo.proposalsUsingMatrix(this.db, id, partnershipId);
    const scores = await repo.scoresOf(this.db, proposals.map((p) => p.id));
    const criteria = loaded.criteria.map(toCriterion);
    const best = new Map(criteria.map((c) => [c.id, c.maxPoints]));
    const ranked = rank(
      proposals.map((p) => {
        const summary = summarise(
          criteria,
          scores.filter((s) => s.proposal_id === p.id).map((s) => ({ criterionId: s.criterion_id, reviewerId: s.reviewer_id, points: s.points })),
          (c) => best.get(c) ?? 0
        );
        return {
          id: p.id,
          acronym: p.acronym,
          title: p.title,
          stage: p.stage as ProposalStage,
          completeReviewers: summary.completeReviewers,
          meanWeightedTotal: summary.meanWeightedTotal,
          spread: summary.spread,
          locked: p.scoring_locked_at !== null
        };
      })
    );
    return {
      matrixId: id,
      partnershipId,
      maxWeightedTotal: maxWeightedTotal(loaded.criteria),
      items: ranked.map(({ id: proposalId, ...rest }) => ({ proposalId, ...rest }))
    };
  }
}
