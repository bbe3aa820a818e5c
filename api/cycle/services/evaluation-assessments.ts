/**
 * Every item of a year's work plan has an assessment in that year's
 * evaluation, while the evaluation is not adopted: made when the
 * evaluation is created (for the items there are), and when an item is
 * added to the plan afterwards (including carried-over items of a plan
 * drafted later). Empty (rating and comment null), version 1, `create` in
 * its history. Nothing is deleted: an item removed from the plan hides its
 * assessment, a restored item shows it again. Reads never write.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/cycle/evaluations.js';
import type { Database } from '../../../db/schema.js';
import { recordRevision } from '../coediting/history.js';

export async function assessPlanItems(db: Kysely<Database>, year: { partnershipId: string; year: number }, actorId: string | null, at: string): Promise<void> {
  const evaluation = await repo.findEvaluationOfYear(db, year.partnershipId, year.year);
  if (!evaluation || evaluation.status === 'adopted') return;
  const plan = await repo.planOfYear(db, year.partnershipId, year.year);
  if (!plan) return;
  const missing = await repo.itemsWithoutAssessment(db, evaluation.id, plan.id);
  if (!missing.length) return;
  const rows = missing.map((itemId) => ({ id: newId(), evaluation_id: evaluation.id, work_plan_item_id: itemId, rating: null, comment: null, updated_by: null, updated_at: at }));
  const inserted = new Set(await repo.insertMissingAssessments(db, rows));
  for (const assessment of rows.filter((r) => inserted.has(r.id))) {
    await recordRevision(
      db,
      { documentType: 'evaluation', documentId: evaluation.id, entityType: 'evaluation_assessment', entityId: assessment.id },
      { version: 1, action: 'create', fields: [], snapshot: { rating: null, comment: null }, actorId, at }
    );
  }
}
