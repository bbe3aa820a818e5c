/**
 * A database's schema as its catalogue tells it, in one shape for both
 * engines, so a test can compare them: tables; their columns in order
 * with nullability; their keys (primary and unique, key columns in order, an
 * expression as `(expression)`, `partial` when the key holds only where a
 * condition does; a PostgreSQL key's INCLUDE columns are no part of it); the
 * indexes and triggers created by name.
 *
 * SQLite: sqlite_master and the table/index pragmas. PostgreSQL:
 * information_schema and pg_catalog, in the current schema. A SQLite
 * primary key column counts as NOT NULL, as RegioDesk uses it (SQLite lets
 * a non-integer primary key hold NULL, a historic quirk; PostgreSQL never).
 * SQLite's FTS5 keeps its data in shadow tables (`search_index_data` …):
 * they are the virtual table's insides, not tables of the schema.
 */
import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';

export interface Column {
  name: string;
  nullable: boolean;
}

export interface Catalogue {
  /** table → its columns in order */
  tables: Record<string, Column[]>;
  /** table → its keys, e.g. "primary (id)", "unique (user_id, dedupe_key) partial" */
  keys: Record<string, string[]>;
  /** the indexes created by name (not those a key makes for itself) */
  indexes: string[];
  triggers: string[];
}

const FTS5_SHADOWS = ['search_index_config', 'search_index_content', 'search_index_data', 'search_index_docsize', 'search_index_idx'];

const key = (kind: 'primary' | 'unique', columns: string[], partial: boolean) => `${kind} (${columns.join(', ')})${partial ? ' partial' : ''}`;

export function sqliteCatalogue(sqlite: SQLite.Database): Catalogue {
  const names = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  )
    .map((row) => row.name)
    .filter((name) => !FTS5_SHADOWS.includes(name));
  const tables: Catalogue['tables'] = {};
  const keys: Catalogue['keys'] = {};
  for (const table of names) {
    const info = sqlite.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; notnull: number; pk: number }[];
    tables[table] = info.map((column) => ({ name: column.name, nullable: column.notnull === 0 && column.pk === 0 }));
    const primary = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    const tableKeys = primary.length ? [key('primary', primary, false)] : [];
    const indexes = sqlite.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?)').all(table) as { name: string; unique: number; origin: string; partial: number }[];
    for (const index of indexes) {
      if (!index.unique || index.origin === 'pk') continue;
      const columns = (sqlite.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index.name) as { name: string | null }[]).map(
        (column) => column.name ?? '(expression)'
      );
      tableKeys.push(key('unique', columns, index.partial === 1));
    }
    keys[table] = tableKeys.sort();
  }
  const named = (type: string) =>
    (sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name').all(type) as { name: string }[]).map((row) => row.name);
  return { tables, keys, indexes: named('index'), triggers: named('trigger') };
}

export async function postgresCatalogue(db: Kysely<any>): Promise<Catalogue> {
  const columns = (
    await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      SELECT c.table_name, c.column_name, c.is_nullable
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
      ORDER BY c.table_name, c.ordinal_position`.execute(db)
  ).rows;
  const tables: Catalogue['tables'] = {};
  for (const column of columns) (tables[column.table_name] ??= []).push({ name: column.column_name, nullable: column.is_nullable === 'YES' });

  const unique = (
    await sql<{ table_name: string; primary: boolean; partial: boolean; columns: (string | null)[] }>`
      SELECT t.relname AS table_name, i.indisprimary AS primary, i.indpred IS NOT NULL AS partial,
             array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE k.n <= i.indnkeyatts
                   ORDER BY k.n) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND i.indisunique`.execute(db)
  ).rows;
  const keys: Catalogue['keys'] = Object.fromEntries(Object.keys(tables).map((table) => [table, [] as string[]]));
  for (const index of unique) {
    keys[index.table_name]!.push(key(index.primary ? 'primary' : 'unique', index.columns.map((column) => column ?? '(expression)'), index.partial));
  }
  for (const table of Object.keys(keys)) keys[table]!.sort();

  const indexes = (
    await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relnamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`.execute(db)
  ).rows.map((row) => row.name);
  const triggers = (
    await sql<{ name: string }>`SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY trigger_name`.execute(db)
  ).rows.map((row) => row.name);
  return { tables, keys, indexes, triggers };
}
