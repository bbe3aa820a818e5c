/**
 * Activities (delegation trips, exchanges, events, meetings) with their
 * partnerships, domains, participants, programme, outcomes, costs and
 * feedback links; yearly budgets; tasks (follow-ups, next steps, any due
 * thing, optionally recurring by RRULE).
 * Money is stored in integer cents. Instants are UTC ISO strings; each
 * activity keeps the IANA zone it happens in.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';
import { dialect, indexForSearchOnPostgres, unindexForSearchOnPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { cents, engine, now } = dialect(db);
  await db.schema
    .alterTable('partnerships')
    .addColumn('follow_up_rule', 'text', (c) => c.notNull().defaultTo('FREQ=MONTHLY;INTERVAL=3;COUNT=2'))
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('host_region_id', 'text', (c) => c.references('regions.id').onDelete('set null'))
    .addColumn('direction', 'text')
    .addColumn('political_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('follow_up_rule', 'text')
    .addColumn('next_meeting_at', 'text')
    .addColumn('feedback_closed_at', 'text')
    .addColumn('recorded_by_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('activities_starts').on('activities').columns(['starts_at', 'id']).execute();

  await db.schema
    .createTable('activity_partnerships')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_partnerships_pk', ['activity_id', 'partnership_id'])
    .execute();
  await db.schema.createIndex('activity_partnerships_partnership').on('activity_partnerships').column('partnership_id').execute();

  await db.schema
    .createTable('activity_domains')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_domains_pk', ['activity_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('activity_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull().defaultTo('invited'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('activity_participants_activity').on('activity_participants').column('activity_id').execute();
  await db.schema.createIndex('activity_participants_person').on('activity_participants').column('person_id').execute();
  await db.schema.createIndex('activity_participants_organisation').on('activity_participants').column('organisation_id').execute();
  await sql`CREATE UNIQUE INDEX activity_participants_once ON activity_participants (activity_id, coalesce(person_id, ''), coalesce(organisation_id, ''), role)`.execute(db);

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('place', 'text')
    .addColumn('counterpart_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text')
    .addColumn('notes', 'text')
    .addColumn('decisions', 'text')
    .execute();
  await db.schema.createIndex('agenda_items_activity').on('agenda_items').columns(['activity_id', 'position']).execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('outcomes_activity').on('outcomes').column('activity_id').execute();

  await db.schema
    .createTable('cost_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('amount_cents', cents, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate_to_eur', 'text', (c) => c.notNull())
    .addColumn('amount_eur_cents', cents, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('paid_by_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('cost_items_activity').on('cost_items').column('activity_id').execute();

  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_eur_cents', cents, (c) => c.notNull())
    .addColumn('warn_at_percent', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('budgets_once', ['partnership_id', 'organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('feedback_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('activity_participants.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('feedback_links_once', ['participant_id'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('result', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id').onDelete('cascade'))
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('tasks_owner_due').on('tasks').columns(['owner_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('tasks_subject').on('tasks').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('tasks_partnership').on('tasks').columns(['partnership_id', 'due_on']).execute();

  if (engine === 'postgres') {
    await indexForSearchOnPostgres(db, 'activities', 'activity', (r) => `coalesce(${r}.title,'') || ' ' || coalesce(${r}.city,'')`, ['title', 'city']);
    return;
  }
  await sql`CREATE TRIGGER activities_search_insert AFTER INSERT ON activities BEGIN
    INSERT INTO search_index (entity_type, entity_id, content) VALUES ('activity', NEW.id, coalesce(NEW.title,'') || ' ' || coalesce(NEW.city,''));
  END`.execute(db);
  await sql`CREATE TRIGGER activities_search_update AFTER UPDATE ON activities BEGIN
    DELETE FROM search_index WHERE entity_type = 'activity' AND entity_id = OLD.id;
    INSERT INTO search_index (entity_type, entity_id, content) VALUES ('activity', NEW.id, coalesce(NEW.title,'') || ' ' || coalesce(NEW.city,''));
  END`.execute(db);
  await sql`CREATE TRIGGER activities_search_delete AFTER DELETE ON activities BEGIN
    DELETE FROM search_index WHERE entity_type = 'activity' AND entity_id = OLD.id;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine === 'postgres') await unindexForSearchOnPostgres(db, 'activities', 'activity');
  else for (const trigger of ['activities_search_insert', 'activities_search_update', 'activities_search_delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  }
  await sql`DELETE FROM search_index WHERE entity_type = 'activity'`.execute(db);
  for (const table of ['tasks', 'feedback_links', 'budgets', 'cost_items', 'outcomes', 'agenda_items', 'activity_participants', 'activity_domains', 'activity_partnerships', 'activities']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('partnerships').dropColumn('follow_up_rule').execute();
}
