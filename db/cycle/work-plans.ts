/**
 * Every SQL statement about work plans: the plan per partnership and year,
 * its items (fractional position, removed items kept with `deleted_at`),
 * the adopted revisions frozen as JSON, and the look-ups that check an
 * item's references (domain, party, person, activities, proposals).
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import { type Decoded, decodeRow, encodeRow, type FrozenWorkPlan, planRevisionJson, workPlanItemJson } from '../json-columns.js';
import { engineOf } from '../dialect.js';
import { missing } from '../row-missing.js';
import type { Database, WorkPlanItemTable, WorkPlanRevisionTable, WorkPlanTable } from '../schema.js';

function selectPlans(db: Kysely<Database>) {
  return db
    .selectFrom('work_plans')
    .innerJoin('partnerships', 'partnerships.id', 'work_plans.partnership_id')
    .selectAll('work_plans')
    .select('partnerships.title as partnership_title')
    .select((eb) =>
      eb
        .selectFrom('work_plan_items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('work_plan_items.work_plan_id', '=', 'work_plans.id')
        .where('work_plan_items.deleted_at', 'is', null)
        .as('item_count')
    );
}

export function findWorkPlan(db: Kysely<Database>, id: string) {
  return selectPlans(db).where('work_plans.id', '=', id).executeTakeFirst();
}

/** A plan that must exist (read back in the transaction that checked or wrote it). */
export function getWorkPlan(db: Kysely<Database>, id: string) {
  return selectPlans(db).where('work_plans.id', '=', id).executeTakeFirstOrThrow(missing('work plan'));
}

export type WorkPlanRow = NonNullable<Awaited<ReturnType<typeof findWorkPlan>>>;

/** Whether the partnership exists (a plan is started for it). */
export async function partnershipExists(db: Kysely<Database>, partnershipId: string): Promise<boolean> {
  return (await db.selectFrom('partnerships').select('id').where('id', '=', partnershipId).executeTakeFirst()) !== undefined;
}

/** Plans of the given partnerships (null: of all), newest year first. */
export function listWorkPlans(db: Kysely<Database>, partnershipIds: string[] | null, filter: { partnershipId?: string; year?: number }) {
  let query = selectPlans(db);
  if (partnershipIds) {
    if (!partnershipIds.length) return Promise.resolve([]);
    query = query.where('work_plans.partnership_id', 'in', partnershipIds);
  }
  if (filter.partnershipId) query = query.where('work_plans.partnership_id', '=', filter.partnershipId);
  if (filter.year !== undefined) query = query.where('work_plans.year', '=', filter.year);
  return query.orderBy('work_plans.year', 'desc').orderBy('partnerships.title').execute();
}

export function findPlanOfYear(db: Kysely<Database>, partnershipId: string, year: number) {
  return db.selectFrom('work_plans').select(['id', 'status']).where('partnership_id', '=', partnershipId).where('year', '=', year).executeTakeFirst();
}

export async function insertWorkPlan(db: Kysely<Database>, row: Insertable<WorkPlanTable>): Promise<void> {
  await db.insertInto('work_plans').values(row).execute();
}

/** Updates the plan; with `version`, only when it still matches (returns false otherwise). */
export async function updateWorkPlan(db: Kysely<Database>, id: string, values: Updateable<WorkPlanTable>, version?: number): Promise<boolean> {
  let query = db.updateTable('work_plans').set(values).where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function selectItems(db: Kysely<Database>) {
  return db
    .selectFrom('work_plan_items')
    .leftJoin('domains', 'domains.id', 'work_plan_items.domain_id')
    .leftJoin('partnership_parties', 'partnership_parties.id', 'work_plan_items.responsible_party_id')
    .leftJoin('organisations as party_org', 'party_org.id', 'partnership_parties.organisation_id')
    .leftJoin('people', 'people.id', 'work_plan_items.responsible_person_id')
    .leftJoin('users as updater', 'updater.id', 'work_plan_items.updated_by')
    .selectAll('work_plan_items')
    .select([
      'domains.label_en as domain_en',
      'domains.label_de as domain_de',
      'domains.label_nl as domain_nl',
      'party_org.name as party_name',
      'people.name as person_name',
      'updater.name as updater_name'
    ]);
}

/** The plan's items in order (removed ones left out). */
export async function itemsOf(db: Kysely<Database>, workPlanId: string) {
  const rows = await selectItems(db)
    .where('work_plan_items.work_plan_id', '=', workPlanId)
    .where('work_plan_items.deleted_at', 'is', null)
    .orderBy('work_plan_items.position')
    .orderBy('work_plan_items.id')
    .execute();
  return rows.map((row) => decodeRow(workPlanItemJson, row));
}

export type WorkPlanItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** One item of the plan, removed or not. */
export async function findItem(db: Kysely<Database>, workPlanId: string, itemId: string): Promise<WorkPlanItemRow | undefined> {
  const row = await selectItems(db).where('work_plan_items.work_plan_id', '=', workPlanId).where('work_plan_items.id', '=', itemId).executeTakeFirst();
  return row && decodeRow(workPlanItemJson, row);
}

/**
 * The item a transaction is about to write, as findItem reads it. On
 * PostgreSQL its row stays locked until the transaction ends (FOR UPDATE), so
 * two writers of one item take turns, as SQLite's one writer at a time makes
 * them: the second reads the first one's version, and merges or answers 409,
 * instead of losing the race to a stale version (412). SQLite: findItem's SQL.
 */
export async function findItemToWrite(db: Kysely<Database>, workPlanId: string, itemId: string): Promise<WorkPlanItemRow | undefined> {
  if (engineOf(db) !== 'postgres') return findItem(db, workPlanId, itemId);
  const row = await selectItems(db).where('work_plan_items.work_plan_id', '=', workPlanId).where('work_plan_items.id', '=', itemId).forUpdate('work_plan_items').executeTakeFirst();
  return row && decodeRow(workPlanItemJson, row);
}

/** An item that must exist (read back in the transaction that wrote it). */
export async function getItem(db: Kysely<Database>, workPlanId: string, itemId: string): Promise<WorkPlanItemRow> {
  const row = await selectItems(db)
    .where('work_plan_items.work_plan_id', '=', workPlanId)
    .where('work_plan_items.id', '=', itemId)
    .executeTakeFirstOrThrow(missing('work plan item'));
  return decodeRow(workPlanItemJson, row);
}

export type NewWorkPlanItem = Decoded<Insertable<WorkPlanItemTable>>;
export type WorkPlanItemUpdate = Decoded<Updateable<WorkPlanItemTable>>;

export async function insertItems(db: Kysely<Database>, rows: NewWorkPlanItem[]): Promise<void> {
  if (rows.length) await db.insertInto('work_plan_items').values(rows.map((row) => encodeRow(workPlanItemJson, row))).execute();
}

/** Updates an item at `version` and counts it one up; false when the version moved on meanwhile. */
export async function updateItem(db: Kysely<Database>, id: string, version: number, values: WorkPlanItemUpdate): Promise<boolean> {
  const result = await db
    .updateTable('work_plan_items')
    .set((eb) => ({ ...encodeRow<Updateable<WorkPlanItemTable>>(workPlanItemJson, values), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The positions of the live items, in order, with their ids (to place one after another). */
export function positionsOf(db: Kysely<Database>, workPlanId: string) {
  return db
    .selectFrom('work_plan_items')
    .select(['id', 'position'])
    .where('work_plan_id', '=', workPlanId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Summaries of linked activities that belong to the partnership. */
export function activitySummaries(db: Kysely<Database>, partnershipId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .innerJoin('activity_partnerships', 'activity_partnerships.activity_id', 'activities.id')
    .select(['activities.id', 'activities.title', 'activities.starts_at', 'activities.type'])
    .where('activity_partnerships.partnership_id', '=', partnershipId)
    .where('activities.id', 'in', ids)
    .execute();
}

/** Summaries of linked proposals of the partnership. */
export function proposalSummaries(db: Kysely<Database>, partnershipId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('proposals').select(['id', 'acronym', 'stage']).where('partnership_id', '=', partnershipId).where('id', 'in', ids).execute();
}

/** Which of the domain ids are standard or the partnership's own. */
export async function usableDomainIds(db: Kysely<Database>, partnershipId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('domains')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('partnership_id', 'is', null), eb('partnership_id', '=', partnershipId)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function partyIdsOf(db: Kysely<Database>, partnershipId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', partnershipId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertPlanRevision(db: Kysely<Database>, row: { id: string; work_plan_id: string; number: number; adopted_at: string; snapshot: FrozenWorkPlan }): Promise<void> {
  await db.insertInto('work_plan_revisions').values(encodeRow<Insertable<WorkPlanRevisionTable>>(planRevisionJson, row)).execute();
}

export function planRevisionsOf(db: Kysely<Database>, workPlanId: string) {
  return db.selectFrom('work_plan_revisions').select(['number', 'adopted_at']).where('work_plan_id', '=', workPlanId).orderBy('number').execute();
}

export async function findPlanRevision(db: Kysely<Database>, workPlanId: string, number: number) {
  const row = await db.selectFrom('work_plan_revisions').selectAll().where('work_plan_id', '=', workPlanId).where('number', '=', number).executeTakeFirst();
  return row && decodeRow(planRevisionJson, row);
}

export async function insertAmendment(db: Kysely<Database>, row: { id: string; work_plan_id: string; revision: number; reason: string; amended_by: string; amended_at: string }): Promise<void> {
  await db.insertInto('work_plan_amendments').values(row).execute();
}

/** The plan's amendments, oldest first, with the amender's name. */
export function amendmentsOf(db: Kysely<Database>, workPlanId: string) {
  return db
    .selectFrom('work_plan_amendments')
    .leftJoin('users', 'users.id', 'work_plan_amendments.amended_by')
    .select(['work_plan_amendments.revision', 'work_plan_amendments.reason', 'work_plan_amendments.amended_by', 'work_plan_amendments.amended_at', 'users.name as amender_name'])
    .where('work_plan_amendments.work_plan_id', '=', workPlanId)
    .orderBy('work_plan_amendments.revision')
    .execute();
}
