/**
 * Why a work plan was amended: one row per amendment, naming the revision
 * it opened, the reason both parties read, who amended it and when.
 * Frozen in time: never import application code.
 */
import type { Kysely } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { now } = dialect(db);
  await db.schema
    .createTable('work_plan_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_plan_id', 'text', (c) => c.notNull().references('work_plans.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('amended_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('work_plan_amendments_plan_revision', ['work_plan_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_plan_amendments').execute();
}
