/**
 * Read paths that stay an index walk on a federation's data (100,000
 * organisations, a million interactions):
 * - indexes in the order lists are read: organisations by (filter…, name, id)
 *   and (updated_at, id), people by (organisation, name, id) and
 *   (updated_at, id), interactions by (occurred_at, id) and per partnership,
 *   parties by (organisation, partnership) for the visibility probes;
 * - the search index gets a stable row number per record (`search_entries`),
 *   so a trigger finds a record's entry by index instead of scanning every
 *   entry (entity ids are not indexed inside FTS5), and a query can ask
 *   "does this row match?" by row number; and prefix indexes for words of
 *   2 to 6 letters, so "tech" reads matches lazily instead of merging every
 *   term that starts with it. Triggers rewrite an entry only when its text
 *   columns change.
 */
import { type Kysely, sql } from 'kysely';
import { dialect } from '../dialect.js';

/** table, entity type, the indexed text of NEW (or OLD), the columns it is made of */
const INDEXED: [string, string, (row: string) => string, string[]][] = [
  ['organisations', 'organisation', (r) => `coalesce(${r}.name,'') || ' ' || coalesce(${r}.short_name,'')`, ['name', 'short_name']],
  ['people', 'person', (r) => `coalesce(${r}.name,'') || ' ' || coalesce(${r}.function,'')`, ['name', 'function']],
  ['partnerships', 'partnership', (r) => `coalesce(${r}.title,'')`, ['title']],
  ['activities', 'activity', (r) => `coalesce(${r}.title,'') || ' ' || coalesce(${r}.city,'')`, ['title', 'city']],
  ['calls', 'call', (r) => `coalesce(${r}.identifier,'') || ' ' || coalesce(${r}.title,'')`, ['identifier', 'title']],
  ['proposals', 'proposal', (r) => `coalesce(${r}.acronym,'') || ' ' || coalesce(${r}.title,'')`, ['acronym', 'title']]
];

/** Indexes in the order lists read, each ending in the columns the visibility rule reads (so a walk does not fetch rows it then skips). */
const INDEXES: [string, string, string[]][] = [
  ['organisations_country_kind_name', 'organisations', ['country', 'kind', 'name', 'id', 'recorded_by_organisation_id']],
  ['organisations_country_name', 'organisations', ['country', 'name', 'id', 'recorded_by_organisation_id']],
  ['organisations_kind_name', 'organisations', ['kind', 'name', 'id', 'recorded_by_organisation_id']],
  ['organisations_region_name', 'organisations', ['region_id', 'name', 'id', 'recorded_by_organisation_id']],
  ['organisations_updated', 'organisations', ['updated_at', 'id', 'recorded_by_organisation_id']],
  ['people_organisation_name', 'people', ['organisation_id', 'name', 'id']],
  ['people_updated', 'people', ['updated_at', 'id', 'recorded_by_organisation_id', 'organisation_id']],
  ['interactions_occurred', 'interactions', ['occurred_at', 'id']],
  ['interactions_partnership', 'interactions', ['partnership_id', 'occurred_at', 'id']],
  ['partnership_parties_organisation_partnership', 'partnership_parties', ['organisation_id', 'partnership_id']]
];

/** Indexes of the foundation that gain the columns the visibility rule reads: [name, table, before, after]. */
const WIDENED: [string, string, string[], string[]][] = [
  ['organisations_name', 'organisations', ['name', 'id'], ['name', 'id', 'recorded_by_organisation_id']],
  ['people_name', 'people', ['name', 'id'], ['name', 'id', 'recorded_by_organisation_id', 'organisation_id']],
  ['partnership_stakeholders_organisation', 'partnership_stakeholders', ['organisation_id'], ['organisation_id', 'partnership_id']],
  // a timeline reads an organisation's (or a person's) interactions newest first, ties by id, a page at a time
  ['interactions_organisation', 'interactions', ['organisation_id', 'occurred_at'], ['organisation_id', 'occurred_at', 'id']],
  ['interactions_person', 'interactions', ['person_id', 'occurred_at'], ['person_id', 'occurred_at', 'id']]
];

const entryOf = (type: string, row: string) => `(SELECT rowid FROM search_entries WHERE entity_type = '${type}' AND entity_id = ${row}.id)`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
  for (const [name, table, , columns] of WIDENED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  // the (organisation_id, partnership_id) index serves every lookup the single-column one did
  await db.schema.dropIndex('partnership_parties_organisation').ifExists().execute();
  // PostgreSQL's search was made in this shape (db/dialect.ts)
  if (dialect(db).engine === 'postgres') return;

  for (const [table] of INDEXED) {
    for (const what of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_search_${what}`).execute(db);
  }
  await sql`DROP TABLE search_index`.execute(db);
  await sql`CREATE TABLE search_entries (
    rowid INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    UNIQUE (entity_type, entity_id))`.execute(db);
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    entity_type UNINDEXED, entity_id UNINDEXED, content,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6')`.execute(db);

  for (const [table, type, text, columns] of INDEXED) {
    await sql.raw(`INSERT INTO search_entries (entity_type, entity_id) SELECT '${type}', id FROM ${table} ORDER BY rowid`).execute(db);
    await sql
      .raw(
        `INSERT INTO search_index (rowid, entity_type, entity_id, content)
         SELECT e.rowid, '${type}', t.id, ${text('t')} FROM ${table} t JOIN search_entries e ON e.entity_type = '${type}' AND e.entity_id = t.id`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
           INSERT INTO search_entries (entity_type, entity_id) VALUES ('${type}', NEW.id);
           INSERT INTO search_index (rowid, entity_type, entity_id, content) VALUES (${entryOf(type, 'NEW')}, '${type}', NEW.id, ${text('NEW')});
         END`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} BEGIN
           UPDATE search_index SET content = ${text('NEW')} WHERE rowid = ${entryOf(type, 'OLD')};
         END`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
           DELETE FROM search_index WHERE rowid = ${entryOf(type, 'OLD')};
           DELETE FROM search_entries WHERE entity_type = '${type}' AND entity_id = OLD.id;
         END`
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialect(db).engine === 'postgres') {
    await db.schema.createIndex('partnership_parties_organisation').on('partnership_parties').column('organisation_id').execute();
    for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
    for (const [name, table, columns] of WIDENED) {
      await db.schema.dropIndex(name).execute();
      await db.schema.createIndex(name).on(table).columns(columns).execute();
    }
    return;
  }
  for (const [table] of INDEXED) {
    for (const what of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_search_${what}`).execute(db);
  }
  await sql`DROP TABLE search_index`.execute(db);
  await sql`DROP TABLE search_entries`.execute(db);
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    entity_type UNINDEXED, entity_id UNINDEXED, content,
    tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  for (const [table, type, text] of INDEXED) {
    await sql.raw(`INSERT INTO search_index (entity_type, entity_id, content) SELECT '${type}', t.id, ${text('t')} FROM ${table} t`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
           INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text('NEW')});
         END`
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
           DELETE FROM search_index WHERE entity_type = '${type}' AND entity_id = OLD.id;
           INSERT INTO search_index (entity_type, entity_id, content) VALUES ('${type}', NEW.id, ${text('NEW')});
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
  await db.schema.createIndex('partnership_parties_organisation').on('partnership_parties').column('organisation_id').execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
  for (const [name, table, columns] of WIDENED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}
