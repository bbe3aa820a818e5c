/**
 * The cockpit's "since your last visit" (issue 14): each account keeps when
 * it last read the overview and where its current visit's window starts
 * (the reading before a gap of more than half an hour), so a reload does not
 * empty what changed. Null before the first reading. Frozen in time: never
 * import application code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('overview_seen_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('overview_since', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('overview_since').execute();
  await db.schema.alterTable('users').dropColumn('overview_seen_at').execute();
}
