/**
 * Every SQL statement about evaluations: the evaluation per partnership and
 * year (figures frozen as JSON at adoption), its four written sections, the
 * assessment of each item of that year's work plan (an item removed from
 * the plan hides its assessment), and the look-ups around them.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import { type Decoded, decodeRow, encodeRow, evaluationJson } from '../json-columns.js';
import { missing } from '../row-missing.js';
import type { Database, EvaluationAssessmentTable, EvaluationSectionTable, EvaluationTable } from '../schema.js';

function selectEvaluations(db: Kysely<Database>) {
  return db
    .selectFrom('evaluations')
    .innerJoin('partnerships', 'partnerships.id', 'evaluations.partnership_id')
    .selectAll('evaluations')
    .select('partnerships.title as partnership_title');
}

export async function findEvaluation(db: Kysely<Database>, id: string) {
  const row = await selectEvaluations(db).where('evaluations.id', '=', id).executeTakeFirst();
  return row && decodeRow(evaluationJson, row);
}

/** An evaluation that must exist (read back in the transaction that checked or wrote it). */
export async function getEvaluation(db: Kysely<Database>, id: string) {
  return decodeRow(evaluationJson, await selectEvaluations(db).where('evaluations.id', '=', id).executeTakeFirstOrThrow(missing('evaluation')));
}

export type EvaluationWithTitleRow = NonNullable<Awaited<ReturnType<typeof findEvaluation>>>;

export async function findEvaluationOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  const row = await selectEvaluations(db).where('evaluations.partnership_id', '=', partnershipId).where('evaluations.year', '=', year).executeTakeFirst();
  return row && decodeRow(evaluationJson, row);
}

/** Evaluations of these partnerships (null: all), newest year first. */
export async function listEvaluations(db: Kysely<Database>, partnershipIds: string[] | null, filter: { partnershipId?: string; from?: number; to?: number }) {
  if (partnershipIds && !partnershipIds.length) return [];
  let query = selectEvaluations(db);
  if (partnershipIds) query = query.where('evaluations.partnership_id', 'in', partnershipIds);
  if (filter.partnershipId) query = query.where('evaluations.partnership_id', '=', filter.partnershipId);
  if (filter.from !== undefined) query = query.where('evaluations.year', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('evaluations.year', '<=', filter.to);
  const rows = await query.orderBy('evaluations.year', 'desc').orderBy('partnerships.title').execute();
  return rows.map((row) => decodeRow(evaluationJson, row));
}

export async function insertEvaluation(db: Kysely<Database>, row: Decoded<Insertable<EvaluationTable>>): Promise<void> {
  await db.insertInto('evaluations').values(encodeRow(evaluationJson, row)).execute();
}

/** Updates the evaluation when it is still at `version`; false when someone was faster. */
export async function updateEvaluation(db: Kysely<Database>, id: string, version: number, values: Decoded<Updateable<EvaluationTable>>): Promise<boolean> {
  const result = await db
    .updateTable('evaluations')
    .set({ ...encodeRow<Updateable<EvaluationTable>>(evaluationJson, values), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function selectSections(db: Kysely<Database>) {
  return db
    .selectFrom('evaluation_sections')
    .leftJoin('users', 'users.id', 'evaluation_sections.updated_by')
    .selectAll('evaluation_sections')
    .select('users.name as updated_by_name');
}

export function sectionsOf(db: Kysely<Database>, evaluationId: string) {
  return selectSections(db).where('evaluation_sections.evaluation_id', '=', evaluationId).execute();
}

export type SectionRow = Awaited<ReturnType<typeof sectionsOf>>[number];

export function findSection(db: Kysely<Database>, evaluationId: string, kind: string) {
  return selectSections(db).where('evaluation_sections.evaluation_id', '=', evaluationId).where('evaluation_sections.kind', '=', kind).executeTakeFirst();
}

/** A section that must exist (every evaluation has its four). */
export function getSection(db: Kysely<Database>, evaluationId: string, kind: string) {
  return selectSections(db)
    .where('evaluation_sections.evaluation_id', '=', evaluationId)
    .where('evaluation_sections.kind', '=', kind)
    .executeTakeFirstOrThrow(missing('section'));
}

export async function insertSections(db: Kysely<Database>, rows: Insertable<EvaluationSectionTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('evaluation_sections').values(rows).execute();
}

export async function updateSection(db: Kysely<Database>, id: string, version: number, values: Updateable<EvaluationSectionTable>): Promise<boolean> {
  const result = await db
    .updateTable('evaluation_sections')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function selectAssessments(db: Kysely<Database>) {
  return db
    .selectFrom('evaluation_assessments')
    .innerJoin('work_plan_items as item', 'item.id', 'evaluation_assessments.work_plan_item_id')
    .leftJoin('domains', 'domains.id', 'item.domain_id')
    .leftJoin('users', 'users.id', 'evaluation_assessments.updated_by')
    .selectAll('evaluation_assessments')
    .select([
      'item.title as item_title',
      'item.status as item_status',
      'item.target_value as item_target_value',
      'item.position as item_position',
      'item.deleted_at as item_deleted_at',
      'domains.label_en as domain_en',
      'domains.label_de as domain_de',
      'domains.label_nl as domain_nl',
      'users.name as updated_by_name'
    ]);
}

/** The assessments of the items still in the plan, in the plan's order. */
export function assessmentsOf(db: Kysely<Database>, evaluationId: string) {
  return selectAssessments(db)
    .where('evaluation_assessments.evaluation_id', '=', evaluationId)
    .where('item.deleted_at', 'is', null)
    .orderBy('item.position')
    .orderBy('item.id')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOf>>[number];

/** One assessment of the evaluation whose item is still in the plan. */
export function findAssessment(db: Kysely<Database>, evaluationId: string, assessmentId: string) {
  return selectAssessments(db)
    .where('evaluation_assessments.evaluation_id', '=', evaluationId)
    .where('evaluation_assessments.id', '=', assessmentId)
    .where('item.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** An assessment that must exist (read back in the transaction that wrote it). */
export function getAssessment(db: Kysely<Database>, evaluationId: string, assessmentId: string) {
  return selectAssessments(db)
    .where('evaluation_assessments.evaluation_id', '=', evaluationId)
    .where('evaluation_assessments.id', '=', assessmentId)
    .where('item.deleted_at', 'is', null)
    .executeTakeFirstOrThrow(missing('assessment'));
}

/** Inserts the assessments that do not exist yet (one per evaluation and item); answers the ids inserted. */
export async function insertMissingAssessments(db: Kysely<Database>, rows: Insertable<EvaluationAssessmentTable>[]): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = await db
    .insertInto('evaluation_assessments')
    .values(rows)
    .onConflict((oc) => oc.columns(['evaluation_id', 'work_plan_item_id']).doNothing())
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export async function updateAssessment(db: Kysely<Database>, id: string, version: number, values: Updateable<EvaluationAssessmentTable>): Promise<boolean> {
  const result = await db
    .updateTable('evaluation_assessments')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The work plan of the partnership for the year, if there is one. */
export function planOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  return db.selectFrom('work_plans').select('id').where('partnership_id', '=', partnershipId).where('year', '=', year).executeTakeFirst();
}

/** The items of the plan still in it that have no assessment in the evaluation yet. */
export async function itemsWithoutAssessment(db: Kysely<Database>, evaluationId: string, workPlanId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('work_plan_items as item')
    .select('item.id')
    .where('item.work_plan_id', '=', workPlanId)
    .where('item.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('evaluation_assessments as a')
            .select('a.id')
            .where('a.evaluation_id', '=', evaluationId)
            .whereRef('a.work_plan_item_id', '=', 'item.id')
        )
      )
    )
    .orderBy('item.position')
    .execute();
  return rows.map((r) => r.id);
}
