/**
 * Activities keep their local wall times beside the UTC instants: the year
 * and month an activity belongs to are those of the place it happens in
 * (an event at 00:30 on 1 January in Brussels belongs to the new year,
 * although it starts on 31 December in UTC), and the wall time is what the
 * people who planned it agreed on. Agenda items become editable records
 * with a version for If-Match.
 * Frozen in time: never import application code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('starts_local', 'text').execute();
  await db.schema.alterTable('activities').addColumn('ends_local', 'text').execute();
  await db.schema.createIndex('activities_starts_local').on('activities').columns(['starts_local']).execute();
  await db.schema.alterTable('agenda_items').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_starts_local').ifExists().execute();
  await db.schema.alterTable('agenda_items').dropColumn('version').execute();
  await db.schema.alterTable('activities').dropColumn('ends_local').execute();
  await db.schema.alterTable('activities').dropColumn('starts_local').execute();
}
