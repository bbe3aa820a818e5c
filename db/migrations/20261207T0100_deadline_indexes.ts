/**
 * Indexes the deadline dashboard walks in its own order, so a page of the
 * next deadlines stops at its limit without sorting (issue 9):
 * - call deadlines by instant and id (the dashboard's order; replaces the
 *   index on the instant alone, which left ties to a temporary B-tree);
 * - open milestones by due date, for the administrator's dashboard, which
 *   has no partnership to start from.
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('call_deadlines_at_id').on('call_deadlines').columns(['deadline_at', 'id']).execute();
  await db.schema.dropIndex('call_deadlines_at').execute();
  await sql`CREATE INDEX milestones_open_due ON milestones (due_on, id) WHERE done_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('milestones_open_due').execute();
  await db.schema.createIndex('call_deadlines_at').on('call_deadlines').column('deadline_at').execute();
  await db.schema.dropIndex('call_deadlines_at_id').execute();
}
