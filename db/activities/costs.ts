/** Every SQL statement about the cost items of activities. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CostItemTable, Database } from '../schema.js';

function selectWithPayer(db: Kysely<Database>) {
  return db
    .selectFrom('cost_items')
    .leftJoin('organisations as payer', 'payer.id', 'cost_items.paid_by_organisation_id')
    .selectAll('cost_items')
    .select(['payer.name as payer_name']);
}

export type CostWithPayerRow = NonNullable<Awaited<ReturnType<typeof findCost>>>;

/** The cost item when it belongs to that activity. */
export function findCost(db: Kysely<Database>, activityId: string, costId: string) {
  return selectWithPayer(db).where('cost_items.id', '=', costId).where('cost_items.activity_id', '=', activityId).executeTakeFirst();
}

export function findCostById(db: Kysely<Database>, costId: string) {
  return db.selectFrom('cost_items').select(['id', 'activity_id']).where('id', '=', costId).executeTakeFirst();
}

/** The activity's cost items, oldest first. */
export function costsOfActivity(db: Kysely<Database>, activityId: string) {
  return selectWithPayer(db).where('cost_items.activity_id', '=', activityId).orderBy('cost_items.created_at').orderBy('cost_items.id').execute();
}

export async function insertCost(db: Kysely<Database>, values: Insertable<CostItemTable>): Promise<void> {
  await db.insertInto('cost_items').values(values).execute();
}

/** Updates when the version still matches; false when it does not. */
export async function updateCost(db: Kysely<Database>, id: string, version: number, values: Updateable<CostItemTable>): Promise<boolean> {
  const result = await db
    .updateTable('cost_items')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteCost(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('cost_items').where('id', '=', id).execute();
}
