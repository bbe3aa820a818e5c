/** Every SQL statement about the programme of activities: agenda items and outcomes. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AgendaItemTable, Database, OutcomeTable } from '../schema.js';

function selectAgenda(db: Kysely<Database>) {
  return db
    .selectFrom('agenda_items as item')
    .leftJoin('organisations as counterpart', 'counterpart.id', 'item.counterpart_organisation_id')
    .selectAll('item')
    .select('counterpart.name as counterpart_name');
}

export type AgendaItemRow = NonNullable<Awaited<ReturnType<typeof findAgendaItem>>>;

/** The programme in order. */
export function listAgendaItems(db: Kysely<Database>, activityId: string) {
  return selectAgenda(db).where('item.activity_id', '=', activityId).orderBy('item.position').orderBy('item.id').execute();
}

export function findAgendaItem(db: Kysely<Database>, activityId: string, id: string) {
  return selectAgenda(db).where('item.activity_id', '=', activityId).where('item.id', '=', id).executeTakeFirst();
}

export async function countAgendaItems(db: Kysely<Database>, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves the items at `from` and after by `by` places (+1 to make room, −1 to close a gap). */
export async function shiftAgendaItems(db: Kysely<Database>, activityId: string, from: number, to: number | null, by: 1 | -1): Promise<void> {
  let query = db
    .updateTable('agenda_items')
    .set((eb) => ({ position: eb('position', '+', by) }))
    .where('activity_id', '=', activityId)
    .where('position', '>=', from);
  if (to !== null) query = query.where('position', '<=', to);
  await query.execute();
}

export async function insertAgendaItem(db: Kysely<Database>, values: Insertable<AgendaItemTable>): Promise<void> {
  await db.insertInto('agenda_items').values(values).execute();
}

/** Updates when the version still matches; returns false when it does not. */
export async function updateAgendaItem(db: Kysely<Database>, id: string, version: number, values: Updateable<AgendaItemTable>): Promise<boolean> {
  const result = await db
    .updateTable('agenda_items')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAgendaItem(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('agenda_items').where('id', '=', id).execute();
}

export function listOutcomes(db: Kysely<Database>, activityId: string) {
  return db.selectFrom('outcomes').selectAll().where('activity_id', '=', activityId).orderBy('created_at').orderBy('id').execute();
}

export function findOutcome(db: Kysely<Database>, activityId: string, id: string) {
  return db.selectFrom('outcomes').selectAll().where('activity_id', '=', activityId).where('id', '=', id).executeTakeFirst();
}

export function insertOutcome(db: Kysely<Database>, values: Insertable<OutcomeTable>) {
  return db.insertInto('outcomes').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function deleteOutcome(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('outcomes').where('id', '=', id).execute();
}
