/**
 * The periodic run happens once across processes, and running it twice is
 * harmless (issue 12):
 * - `run_leases`: who runs a periodic job (`reminder-run`, `backup-run`)
 *   and until when. A process takes a lease when it is free or expired and
 *   renews it while it holds it; the others skip their turn. Moments are
 *   ISO-8601 UTC text, like every moment in this database.
 * - `tasks.cycle_step_key`: the occurrence of an annual-cycle step a task was
 *   made for — partnership, owner, due day and stored series — written once
 *   when the run makes the task and never changed by an edit; unique, so a
 *   run that overlaps another inserts nothing twice. Tasks of other kinds
 *   (and cycle-step tasks written by hand) leave it null.
 *
 * Cycle-step tasks already made get their key from their stored values, the
 * oldest of each occurrence first. Later copies of the same occurrence that
 * nobody has touched (open, never changed) are what two overlapping runs
 * left: they are removed. Copies someone has worked on are kept, unkeyed.
 * Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('run_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('tasks').addColumn('cycle_step_key', 'text').execute();
  const key = sql`'cycle:' || partnership_id || ':' || owner_id || ':' || due_on || ':' || rrule`;
  await sql`
    UPDATE tasks SET cycle_step_key = ${key}
    WHERE id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY partnership_id, owner_id, due_on, rrule ORDER BY created_at, id) AS copy
        FROM tasks
        WHERE kind = 'cycle_step' AND partnership_id IS NOT NULL AND owner_id IS NOT NULL AND rrule IS NOT NULL
      ) ranked
      WHERE copy = 1
    )`.execute(db);
  await sql`
    DELETE FROM tasks
    WHERE kind = 'cycle_step' AND cycle_step_key IS NULL AND status = 'open' AND version = 1
      AND partnership_id IS NOT NULL AND owner_id IS NOT NULL AND rrule IS NOT NULL
      AND EXISTS (SELECT 1 FROM tasks AS first WHERE first.cycle_step_key = 'cycle:' || tasks.partnership_id || ':' || tasks.owner_id || ':' || tasks.due_on || ':' || tasks.rrule)`.execute(db);
  await db.schema.createIndex('tasks_cycle_step_once').unique().on('tasks').column('cycle_step_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tasks_cycle_step_once').execute();
  await db.schema.alterTable('tasks').dropColumn('cycle_step_key').execute();
  await db.schema.dropTable('run_leases').execute();
}
