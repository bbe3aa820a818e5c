/**
 * Foundation: users and sign-in, the CRM core (regions, organisations, people,
 * interactions), partnerships with their parties, domains and memberships,
 * the audit trail and the full-text search index.
 * Frozen in time: never import application code here.
 */
import { type Kysely, sql } from 'kysely';
import { dialect, dropSearchOnPostgres, indexForSearchOnPostgres, createSearchOnPostgres } from '../dialect.js';

/** The twelve cooperation domains of Art. 2.1 of the Rhein-Neckar – Flemish Brabant agreement. */
const STANDARD_DOMAINS: [number, string, string, string, string][] = [
  [1, 'innovation', 'Innovation and start-ups', 'Innovation und Start-ups', 'Innovatie en start-ups'],
  [2, 'mobility', 'Mobility and logistics', 'Mobilität und Logistik', 'Mobiliteit en logistiek'],
  [3, 'health', 'Health and life sciences', 'Gesundheit und Lebenswissenschaften', 'Gezondheid en life sciences'],
  [4, 'energy', 'Energy, climate, environment, circular economy and cleantech', 'Energie, Klima, Umwelt, Kreislaufwirtschaft und Cleantech', 'Energie, klimaat, milieu, circulaire economie en cleantech'],
  [5, 'digital', 'ICT, digitalisation and artificial intelligence', 'IKT, Digitalisierung und künstliche Intelligenz', 'ICT, digitalisering en artificiële intelligentie'],
  [6, 'smart-region', 'Smart region and smart city', 'Smart Region und Smart City', 'Slimme regio en slimme stad'],
  [7, 'sustainability', 'Sustainability, SDGs and resilience', 'Nachhaltigkeit, SDGs und Resilienz', 'Duurzaamheid, SDG\'s en veerkracht'],
  [8, 'social-economy', 'Social economy', 'Sozialwirtschaft', 'Sociale economie'],
  [9, 'agriculture', 'Agriculture, rural development and food', 'Landwirtschaft, ländliche Entwicklung und Ernährung', 'Landbouw, plattelandsontwikkeling en voeding'],
  [10, 'tourism', 'Tourism', 'Tourismus', 'Toerisme'],
  [11, 'culture', 'Culture and creative industries', 'Kultur- und Kreativwirtschaft', 'Cultuur en creatieve industrie'],
  [12, 'regional-planning', 'Regional planning', 'Raumplanung', 'Ruimtelijke planning']
];

export async function up(db: Kysely<any>): Promise<void> {
  const { autoNumbered, engine, json, now } = dialect(db);
  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('nuts_codes', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id').onDelete('set null'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('nuts_code', 'text')
    .addColumn('website', 'text')
    .addColumn('recorded_by_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('organisations_name').on('organisations').columns(['name', 'id']).execute();
  await db.schema.createIndex('organisations_region').on('organisations').column('region_id').execute();
  await db.schema.createIndex('organisations_recorder').on('organisations').column('recorded_by_organisation_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('disabled_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('access_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'integer', (c) => autoNumbered(c.primaryKey()))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_key').on('sign_in_failures').columns(['key', 'at']).execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('function', 'text')
    .addColumn('emails', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('lawful_basis', 'text', (c) => c.notNull())
    .addColumn('consent_date', 'text')
    .addColumn('consent_source', 'text')
    .addColumn('recorded_by_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('people_name').on('people').columns(['name', 'id']).execute();
  await db.schema.createIndex('people_organisation').on('people').column('organisation_id').execute();

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('notice_months', 'integer')
    .addColumn('notice_sent_on', 'text')
    .addColumn('renewal_lead_months', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('predecessor_id', 'text', (c) => c.references('partnerships.id').onDelete('set null'))
    .addColumn('forms', json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('visits_per_year', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('evaluation_month', 'integer', (c) => c.notNull().defaultTo(11))
    .addColumn('work_plan_month', 'integer', (c) => c.notNull().defaultTo(12))
    .addColumn('first_to_inform', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('partnership_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('contact_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('networks', json, (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('partnership_parties_partnership').on('partnership_parties').column('partnership_id').execute();
  await db.schema.createIndex('partnership_parties_organisation').on('partnership_parties').column('organisation_id').execute();

  await db.schema
    .createTable('domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id').onDelete('cascade'))
    .addColumn('number', 'integer')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_de', 'text', (c) => c.notNull())
    .addColumn('label_nl', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('partnership_domains')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partnership_domains_pk', ['partnership_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('partnership_stakeholders')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('partnership_stakeholders_pk', ['partnership_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('partnership_stakeholders_organisation').on('partnership_stakeholders').column('organisation_id').execute();

  await db.schema
    .createTable('organisation_domains')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addColumn('maturity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_domains_pk', ['organisation_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('person_domains')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('domains.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('person_domains_pk', ['person_id', 'domain_id'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'partnership_id'])
    .execute();
  await db.schema.createIndex('memberships_partnership').on('memberships').column('partnership_id').execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('interactions_organisation').on('interactions').columns(['organisation_id', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_person').on('interactions').columns(['person_id', 'occurred_at']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id', 'at']).execute();

  for (const [number, code, en, de, nl] of STANDARD_DOMAINS) {
    await db
      .insertInto('domains')
      .values({ id: `domain-${code}`, partnership_id: null, number, code, label_en: en, label_de: de, label_nl: nl })
      .execute();
  }

  if (engine === 'postgres') {
    // PostgreSQL's search starts in the shape SQLite's reaches in 20261207T0200_read_paths
    await createSearchOnPostgres(db);
    await indexForSearchOnPostgres(db, 'organisations', 'organisation', (r) => `coalesce(${r}.name,'') || ' ' || coalesce(${r}.short_name,'')`, ['name', 'short_name']);
    await indexForSearchOnPostgres(db, 'people', 'person', (r) => `coalesce(${r}.name,'') || ' ' || coalesce(${r}.function,'')`, ['name', 'function']);
    await indexForSearchOnPostgres(db, 'partnerships', 'partnership', (r) => `coalesce(${r}.title,'')`, ['title']);
    return;
  }

  // Full-text search over names: accents folded (remove_diacritics 2), kept in step by triggers.
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    entity_type UNINDEXED, entity_id UNINDEXED, content,
    tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  const indexed: [string, string, string][] = [
    ['organisations', 'organisation', `coalesce(NEW.name,'') || ' ' || coalesce(NEW.short_name,'')`],
    ['people', 'person', `coalesce(NEW.name,'') || ' ' || coalesce(NEW.function,'')`],
    ['partnerships', 'partnership', `coalesce(NEW.title,'')`]
  ];
  for (const [table, type, text] of indexed) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
           INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text});
         END`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
           DELETE FROM search_index WHERE entity_type = '${type}' AND entity_id = OLD.id;
           INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text});
         END`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
           DELETE FROM search_index WHERE entity_type = '${type}' AND entity_id = OLD.id;
         END`
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine === 'postgres') await dropSearchOnPostgres(db);
  await sql`DROP TABLE IF EXISTS search_index`.execute(db);
  for (const table of [
    'audit_events', 'interactions', 'memberships', 'person_domains', 'organisation_domains',
    'partnership_stakeholders', 'partnership_domains', 'domains', 'partnership_parties', 'partnerships',
    'people', 'sign_in_failures', 'access_tokens', 'sessions', 'invitations', 'users', 'organisations', 'regions'
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
