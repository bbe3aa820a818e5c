/**
 * A person's rights (issue 10):
 * - `person_reads`, the access log: which user read a person's record, when
 *   (at most one row per user and person per window, written by the app);
 *   it goes with the person (erased) and with the user.
 * - `activity_participants.erased_at`: a participation whose person was
 *   erased stays, anonymous, so the year's figures keep counting it; the
 *   "same participant once" rule holds for the others only (two erased
 *   people of one organisation in one role are two participations).
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { autoNumbered } = dialect(db);
  await db.schema
    .createTable('person_reads')
    .addColumn('id', 'integer', (c) => autoNumbered(c.primaryKey()))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_reads_person').on('person_reads').columns(['person_id', 'at']).execute();
  await db.schema.createIndex('person_reads_user_person').on('person_reads').columns(['user_id', 'person_id', 'at']).execute();

  await db.schema.alterTable('activity_participants').addColumn('erased_at', 'text').execute();
  await sql`DROP INDEX activity_participants_once`.execute(db);
  await sql`CREATE UNIQUE INDEX activity_participants_once ON activity_participants (activity_id, coalesce(person_id, ''), coalesce(organisation_id, ''), role) WHERE erased_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX activity_participants_once`.execute(db);
  await sql`CREATE UNIQUE INDEX activity_participants_once ON activity_participants (activity_id, coalesce(person_id, ''), coalesce(organisation_id, ''), role)`.execute(db);
  await db.schema.alterTable('activity_participants').dropColumn('erased_at').execute();
  await db.schema.dropTable('person_reads').execute();
}
