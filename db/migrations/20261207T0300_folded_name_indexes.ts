/**
 * The name indexes of organisations and people also hold each row's text
 * folded as the search index folds it (`search_fold`, the SQL function the
 * connection registers): a list sorted by name and searched for a common
 * word ("tech" matches thousands of names) tests each row's words from the
 * index entry it walks, before any visibility probe and without reading the
 * row (an officer's search went from 3.8 ms to 0.5 ms of SQLite at 100,000
 * organisations). The expressions must stay exactly the ones the lists
 * write (`rowMatches` in db/crm/search.ts), or SQLite computes the
 * text again per row. Frozen in time: never import application code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organisations_name').execute();
  await sql`CREATE INDEX organisations_name ON organisations (name, id, recorded_by_organisation_id, search_fold(coalesce(name, '') || ' ' || coalesce(short_name, '')))`.execute(db);
  await db.schema.dropIndex('people_name').execute();
  await sql`CREATE INDEX people_name ON people (name, id, recorded_by_organisation_id, organisation_id, search_fold(coalesce(name, '') || ' ' || coalesce(function, '')))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organisations_name').execute();
  await db.schema.createIndex('organisations_name').on('organisations').columns(['name', 'id', 'recorded_by_organisation_id']).execute();
  await db.schema.dropIndex('people_name').execute();
  await db.schema.createIndex('people_name').on('people').columns(['name', 'id', 'recorded_by_organisation_id', 'organisation_id']).execute();
}
