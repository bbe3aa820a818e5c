/**
 * Every SQL statement about scoring matrices, their criteria and the scores
 * reviewers give proposals. A matrix without a partnership (the seeded
 * RegioWIN example) is visible to everyone signed in; one of a partnership
 * to its members.
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { missing } from '../row-missing.js';
import { criterionJson, type Decoded, decodeRow, encodeRow } from '../json-columns.js';
import type { Database, ScoringCriterionTable, ScoringMatrixTable } from '../schema.js';
import type { Scope } from '../scope.js';
import { type PageRequest, paginate } from '../platform/pagination.js';

const NONE = '\u0000none';

export function matrixVisible(scope: Scope) {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb.or([eb('scoring_matrices.partnership_id', 'is', null), eb('scoring_matrices.partnership_id', 'in', scope.partnershipIds.length ? scope.partnershipIds : [NONE])]);
  };
}

export function findMatrix(db: Kysely<Database>, id: string) {
  return db.selectFrom('scoring_matrices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A matrix that must exist (read back in the transaction that wrote it). */
export function getMatrix(db: Kysely<Database>, id: string) {
  return db.selectFrom('scoring_matrices').selectAll().where('id', '=', id).executeTakeFirstOrThrow(missing('scoring matrix'));
}

export function findVisibleMatrix(db: Kysely<Database>, scope: Scope, id: string) {
  return db.selectFrom('scoring_matrices').selectAll().where('scoring_matrices.id', '=', id).where(matrixVisible(scope)).executeTakeFirst();
}

export function listMatrices(db: Kysely<Database>, scope: Scope, filter: { partnershipId?: string }, page: PageRequest) {
  let query = db.selectFrom('scoring_matrices').selectAll().where(matrixVisible(scope));
  if (filter.partnershipId) {
    const partnershipId = filter.partnershipId;
    query = query.where((eb) => eb.or([eb('scoring_matrices.partnership_id', 'is', null), eb('scoring_matrices.partnership_id', '=', partnershipId)]));
  }
  return paginate(query, page, 'scoring_matrices.name', 'scoring_matrices.id', (r) => r.name, (r) => r.id);
}

export function insertMatrix(db: Kysely<Database>, values: Insertable<ScoringMatrixTable>) {
  return db.insertInto('scoring_matrices').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateMatrix(db: Kysely<Database>, id: string, version: number, values: Updateable<ScoringMatrixTable>) {
  return db
    .updateTable('scoring_matrices')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Criteria of several matrices, in their order. */
export async function criteriaOf(db: Kysely<Database>, matrixIds: string[]) {
  if (!matrixIds.length) return [];
  const rows = await db.selectFrom('scoring_criteria').selectAll().where('matrix_id', 'in', matrixIds).orderBy('matrix_id').orderBy('position').execute();
  return rows.map((row) => decodeRow(criterionJson, row));
}

export async function replaceCriteria(db: Kysely<Database>, matrixId: string, criteria: Decoded<Insertable<ScoringCriterionTable>>[]): Promise<void> {
  await db.deleteFrom('scoring_criteria').where('matrix_id', '=', matrixId).execute();
  if (criteria.length) await db.insertInto('scoring_criteria').values(criteria.map((c) => encodeRow(criterionJson, c))).execute();
}

/** How many scores were given on the matrix's criteria (over all proposals). */
export async function scoresOnMatrix(db: Kysely<Database>, matrixId: string): Promise<number> {
  const row = await db
    .selectFrom('proposal_scores')
    .innerJoin('scoring_criteria', 'scoring_criteria.id', 'proposal_scores.criterion_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scoring_criteria.matrix_id', '=', matrixId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Scores of several proposals with the reviewer's name. */
export function scoresOf(db: Kysely<Database>, proposalIds: string[]) {
  if (!proposalIds.length) return Promise.resolve([]);
  return db
    .selectFrom('proposal_scores')
    .innerJoin('users', 'users.id', 'proposal_scores.reviewer_id')
    .selectAll('proposal_scores')
    .select('users.name as reviewer_name')
    .where('proposal_scores.proposal_id', 'in', proposalIds)
    .orderBy('users.name')
    .orderBy('proposal_scores.reviewer_id')
    .execute();
}

export type ScoreRow = Awaited<ReturnType<typeof scoresOf>>[number];

export async function upsertScore(db: Kysely<Database>, values: { id: string; proposal_id: string; criterion_id: string; reviewer_id: string; points: number; comment: string | null; scored_at: string }): Promise<void> {
  await db
    .insertInto('proposal_scores')
    .values(values)
    .onConflict((oc) => oc.columns(['proposal_id', 'criterion_id', 'reviewer_id']).doUpdateSet({ points: values.points, comment: values.comment, scored_at: values.scored_at }))
    .execute();
}

export async function deleteScore(db: Kysely<Database>, proposalId: string, criterionId: string, reviewerId: string): Promise<void> {
  await db.deleteFrom('proposal_scores').where('proposal_id', '=', proposalId).where('criterion_id', '=', criterionId).where('reviewer_id', '=', reviewerId).execute();
}

export async function scoresOfProposal(db: Kysely<Database>, proposalId: string): Promise<number> {
  const row = await db
    .selectFrom('proposal_scores')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The partnership's proposals that use the matrix. */
export function proposalsUsingMatrix(db: Kysely<Database>, matrixId: string, partnershipId: string) {
  return db.selectFrom('proposals').selectAll().where('scoring_matrix_id', '=', matrixId).where('partnership_id', '=', partnershipId).orderBy('acronym').execute();
}
