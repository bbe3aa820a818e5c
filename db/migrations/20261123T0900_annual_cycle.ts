/**
 * The annual cycle of Art. 2.5: a work plan per partnership and year (items
 * co-edited by both partners, approved by each party, adopted revisions
 * frozen), an evaluation per partnership and year (written sections and an
 * assessment of each work-plan item, co-edited the same way), the history of
 * every co-edited record (one snapshot per version, the base of three-way
 * merges and of restores), approvals by party, and how many weeks ahead the
 * cycle's steps become tasks. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { json, now } = dialect(db);
  await db.schema.alterTable('partnerships').addColumn('cycle_lead_weeks', 'integer', (c) => c.notNull().defaultTo(4)).execute();

  await db.schema
    .createTable('work_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('introduction', 'text')
    .addColumn('proposed_at', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('work_plans_partnership_year', ['partnership_id', 'year'])
    .execute();

  await db.schema
    .createTable('work_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_plan_id', 'text', (c) => c.notNull().references('work_plans.id').onDelete('cascade'))
    .addColumn('position', 'real', (c) => c.notNull())
    .addColumn('domain_id', 'text', (c) => c.references('domains.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('form', 'text')
    .addColumn('responsible_party_id', 'text', (c) => c.references('partnership_parties.id').onDelete('set null'))
    .addColumn('responsible_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('target_date', 'text')
    .addColumn('target_quarter', 'integer')
    .addColumn('indicator', 'text')
    .addColumn('target_value', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('activity_ids', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('proposal_ids', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('deleted_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('work_plan_items_plan').on('work_plan_items').columns(['work_plan_id', 'position']).execute();

  await db.schema
    .createTable('work_plan_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_plan_id', 'text', (c) => c.notNull().references('work_plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', json, (c) => c.notNull())
    .addUniqueConstraint('work_plan_revisions_number', ['work_plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('proposed_at', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('figures', json)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('evaluations_partnership_year', ['partnership_id', 'year'])
    .execute();

  await db.schema
    .createTable('evaluation_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('evaluation_sections_kind', ['evaluation_id', 'kind'])
    .execute();

  await db.schema
    .createTable('evaluation_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('work_plan_item_id', 'text', (c) => c.notNull().references('work_plan_items.id').onDelete('cascade'))
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('evaluation_assessments_item', ['evaluation_id', 'work_plan_item_id'])
    .execute();

  await db.schema
    .createTable('cycle_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.notNull().references('partnership_parties.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawn_reason', 'text')
    .execute();
  await db.schema.createIndex('cycle_approvals_document').on('cycle_approvals').columns(['document_type', 'document_id', 'withdrawn_at']).execute();

  await db.schema
    .createTable('coedit_revisions')
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fields', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('snapshot', json, (c) => c.notNull())
    .addColumn('merged_from', 'integer')
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coedit_revisions_pk', ['entity_type', 'entity_id', 'version'])
    .execute();
  await db.schema.createIndex('coedit_revisions_document').on('coedit_revisions').columns(['document_type', 'document_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['coedit_revisions', 'cycle_approvals', 'evaluation_assessments', 'evaluation_sections', 'evaluations', 'work_plan_revisions', 'work_plan_items', 'work_plans']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('partnerships').dropColumn('cycle_lead_weeks').execute();
}
