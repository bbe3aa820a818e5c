/**
 * EU funding: programmes, calls with their deadlines (instants with the
 * zone they were published in), watching, saved searches, reminders and
 * in-app notifications, calendar feeds, portal imports; candidate projects
 * (proposals) with consortium, budget, milestones and the first-to-inform
 * log; scoring matrices, criteria and scores.
 * Money in integer cents; rates as decimal strings ("0.60").
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';
import { dialect, indexForSearchOnPostgres, unindexForSearchOnPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { cents, engine, json, now } = dialect(db);
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('programmes.id').onDelete('set null'))
    .addColumn('period', 'text')
    .addColumn('cofinancing_rate', 'text')
    .addColumn('cofinancing_note', 'text')
    .addColumn('source', 'text')
    .addColumn('cut_off_time', 'text', (c) => c.notNull().defaultTo('17:00:00'))
    .addColumn('cut_off_zone', 'text', (c) => c.notNull().defaultTo('Europe/Brussels'))
    .addColumn('historic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('set null'))
    .addColumn('action_type', 'text')
    .addColumn('description', 'text')
    .addColumn('opening_at', 'text')
    .addColumn('deadline_model', 'text', (c) => c.notNull().defaultTo('single_stage'))
    .addColumn('budget_cents', cents)
    .addColumn('expected_grants', 'integer')
    .addColumn('min_contribution_cents', cents)
    .addColumn('max_contribution_cents', cents)
    .addColumn('cofinancing_rate', 'text')
    .addColumn('keywords', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('link', 'text')
    .addColumn('rrule', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('portal_status', 'text')
    .addColumn('imported_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('calls_programme').on('calls').column('programme_id').execute();

  await db.schema
    .createTable('call_deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('assumed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('call_deadlines_call').on('call_deadlines').columns(['call_id', 'position']).execute();
  await db.schema.createIndex('call_deadlines_at').on('call_deadlines').column('deadline_at').execute();

  await db.schema
    .createTable('call_domains')
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('call_domains_pk', ['call_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('call_deadline_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', json, (c) => c.notNull())
    .addColumn('after', json, (c) => c.notNull())
    .addColumn('import_id', 'text')
    .execute();

  await db.schema
    .createTable('call_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('counts', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('call_watches')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('call_watches_pk', ['user_id', 'call_id'])
    .execute();

  await db.schema
    .createTable('saved_searches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('criteria', json, (c) => c.notNull())
    .addColumn('last_digest_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('reminder_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('offsets', json, (c) => c.notNull().defaultTo('[30,14,3]'))
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Brussels'))
    .execute();

  await db.schema
    .createTable('reminders_sent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('deadline_id', 'text', (c) => c.notNull().references('call_deadlines.id').onDelete('cascade'))
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('sent'))
    .execute();
  await sql`CREATE UNIQUE INDEX reminders_sent_once ON reminders_sent (user_id, deadline_id, deadline_at, offset_days, channel)`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('acronym', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('call_id', 'text', (c) => c.references('calls.id').onDelete('set null'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('idea'))
    .addColumn('lead_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('scoring_matrix_id', 'text')
    .addColumn('scoring_locked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('proposals_partnership').on('proposals').columns(['partnership_id', 'stage']).execute();
  await db.schema.createIndex('proposals_call').on('proposals').column('call_id').execute();

  await db.schema
    .createTable('proposal_domains')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('proposal_domains_pk', ['proposal_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('consortium_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('budget_cents', cents, (c) => c.notNull().defaultTo(0))
    .addColumn('cofinancing_rate', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('consortium_members_once', ['proposal_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_time', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('milestones_proposal').on('milestones').columns(['proposal_id', 'due_on']).execute();

  await db.schema
    .createTable('inform_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('informed_on', 'text', (c) => c.notNull())
    .addColumn('partner_region', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('inform_log_proposal').on('inform_log').column('proposal_id').execute();

  await db.schema
    .createTable('scoring_matrices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('scoring_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('matrix_id', 'text', (c) => c.notNull().references('scoring_matrices.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('group_title', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('weight', 'text', (c) => c.notNull().defaultTo('1'))
    .addColumn('levels', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scoring_criteria_matrix').on('scoring_criteria').columns(['matrix_id', 'position']).execute();

  await db.schema
    .createTable('proposal_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('scoring_criteria.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('proposal_scores_once', ['proposal_id', 'criterion_id', 'reviewer_id'])
    .execute();

  if (engine === 'postgres') {
    await indexForSearchOnPostgres(db, 'calls', 'call', (r) => `coalesce(${r}.identifier,'') || ' ' || coalesce(${r}.title,'')`, ['identifier', 'title']);
    await indexForSearchOnPostgres(db, 'proposals', 'proposal', (r) => `coalesce(${r}.acronym,'') || ' ' || coalesce(${r}.title,'')`, ['acronym', 'title']);
    return;
  }
  const indexed: [string, string, string][] = [
    ['calls', 'call', `coalesce(NEW.identifier,'') || ' ' || coalesce(NEW.title,'')`],
    ['proposals', 'proposal', `coalesce(NEW.acronym,'') || ' ' || coalesce(NEW.title,'')`]
  ];
  for (const [table, type, text] of indexed) {
    await sql
      .raw(`CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text});
      END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
        DELETE FROM search_index WHERE entity_type = '${type}' AND entity_id = OLD.id;
        INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text});
      END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
        DELETE FROM search_index WHERE entity_type = '${type}' AND entity_id = OLD.id;
      END`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine === 'postgres') {
    await unindexForSearchOnPostgres(db, 'calls', 'call');
    await unindexForSearchOnPostgres(db, 'proposals', 'proposal');
  } else {
    for (const table of ['calls', 'proposals']) {
      for (const what of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_search_${what}`).execute(db);
    }
    await sql`DELETE FROM search_index WHERE entity_type IN ('call', 'proposal')`.execute(db);
  }
  for (const table of [
    'proposal_scores', 'scoring_criteria', 'scoring_matrices', 'inform_log', 'milestones', 'consortium_members', 'proposal_domains', 'proposals',
    'calendar_feeds', 'notifications', 'reminders_sent', 'reminder_settings', 'saved_searches', 'call_watches', 'call_imports',
    'call_deadline_changes', 'call_domains', 'call_deadlines', 'calls', 'programmes'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
