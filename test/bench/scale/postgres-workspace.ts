/**
 * The scale workspace on PostgreSQL: the SAME deterministic workspace the
 * SQLite generator built (workspace.ts), copied row for row into a new
 * PostgreSQL database that the project's own migrations made.
 *
 * - The migrations run first (db/migrate.ts on PostgreSQL: db/dialect.ts), so
 *   the schema, the reference rows they seed (domains, programmes …), the
 *   search triggers and the constraints are PostgreSQL's own.
 * - Every table the generator filled (rows in the SQLite file, none after
 *   migrating) is copied in the order of its foreign keys, in batches of one
 *   multi-row INSERT each (`INSERT … SELECT FROM unnest($1::text[], …)`: one
 *   parameter per column), inside one transaction. The search triggers fire
 *   for every organisation, person, partnership and call as they would for
 *   the application's writes, so `search_entries`, `search_index` and
 *   `search_words` hold what the migrations' triggers make; CHECKs are
 *   checked row by row, the foreign keys once per table at the end
 *   (dropped before the copy and added again from their own definitions,
 *   which checks every row). Tables the migrations seeded must hold as many
 *   rows in both (else the copy stops in words: the engines' migrations
 *   disagree).
 * - As the SQLite build does, the copied tables' secondary indexes (and the
 *   search's GIN index and its words by type) are dropped before the rows
 *   go in and created again from their own definitions afterwards (one sort
 *   instead of a million inserts into each).
 * - Identity columns continue after the copied numbers; then VACUUM ANALYZE
 *   (again until every page is marked visible to all: vacuumAsInUse).
 *   Unlike the SQLite workspace (no ANALYZE: the queries must be good
 *   without statistics), PostgreSQL's autovacuum analyses a freshly loaded
 *   table by itself within a minute; doing it here makes every run measure
 *   the state a deployment reaches anyway, not a race with autovacuum.
 */
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openPostgres, redacted } from '../../../db/connection.js';
import { migrateToLatest } from '../../../db/migrate.js';
import type { ScaleWorkspace } from './workspace.js';

/** Tables never copied: the migrations' own bookkeeping, and the search, which the triggers fill (search_words: PostgreSQL's only). */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'search_entries', 'search_index', 'search_words']);
/** Rows per INSERT. */
const BATCH = 5_000;

export interface PostgresWorkspace extends ScaleWorkspace {
  /** the database's URL (what DATABASE_URL gets) */
  file: string;
  /** seconds the copy took (the SQLite build not included) */
  copySeconds: number;
}

interface Column {
  name: string;
  /** the column's type as PostgreSQL writes it (`text`, `jsonb`, `bigint` …) */
  type: string;
  bytea: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * VACUUM ANALYZE until every page is marked visible to all transactions, as on a server autovacuum has kept for a while:
 * one VACUUM right after the copy may leave some unmarked (the benchmark's cluster commits without waiting for the
 * write-ahead log, and a row whose commit the log on disk does not hold yet cannot be marked), and every index-only scan
 * of the run would then visit the table for each entry on those pages.
 */
async function vacuumAsInUse(client: pg.Client): Promise<void> {
  await client.query('VACUUM ANALYZE');
  for (let attempt = 0; attempt < 100; attempt++) {
    const unmarked = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relallvisible < relpages"
    );
    if (Number(unmarked.rows[0]!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.query('VACUUM');
  }
  throw new Error('VACUUM left pages of the copied workspace not visible to all after 10 s: is something writing to it?');
}

/** A URL for `database` on the server `adminUrl` points at. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops the database (its connections ended). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${quote(database)} WITH (FORCE)`);
}

/** Whether the server holds a database of this name. */
export async function databaseExists(adminUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** The user tables of the public schema, parents before children (by their foreign keys; a table referring to itself is one COPY, checked at its end). */
async function tablesInKeyOrder(client: pg.Client): Promise<string[]> {
  const tables = (await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.name);
  const keys = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`
    )
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`The foreign keys of ${[...path, table].join(' → ')} go round in a circle: no order to copy them in.`);
    for (const key of keys.filter((k) => k.child === table)) visit(key.parent.replace(/^"|"$/g, ''), [...path, table]);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The columns a row is written with (generated ones are computed by PostgreSQL). */
async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  return (
    await client.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY a.attnum`,
      [quote(table)]
    )
  ).rows.map((c) => ({ ...c, bytea: c.type === 'bytea' }));
}

/** Indexes of the tables that no constraint owns (a primary key or UNIQUE constraint stays: foreign keys are checked through them), with their definitions. */
async function secondaryIndexesOf(client: pg.Client, tables: string[]): Promise<{ name: string; definition: string }[]> {
  return (
    await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition
         FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
        ORDER BY i.indexname`,
      [tables]
    )
  ).rows;
}

/** The foreign keys of the tables, with their definitions (as the migrations made them). */
async function foreignKeysOf(client: pg.Client, tables: string[]): Promise<{ table: string; name: string; definition: string }[]> {
  return (
    await client.query<{ table: string; name: string; definition: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)
        ORDER BY 1, 2`,
      [tables]
    )
  ).rows;
}

/** A SQLite value as text for PostgreSQL's input (numbers as their digits, blobs as bytea's hex). */
function asText(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return column.bytea ? `\\x${value.toString('hex')}` : value.toString('utf8');
  throw new Error(`A ${typeof value} in ${column.name}: no way to write it to PostgreSQL.`);
}

/** Copies one table's rows from SQLite, BATCH rows per INSERT; answers how many. */
async function copyTable(client: pg.Client, sqlite: SQLite.Database, table: string, columns: Column[]): Promise<number> {
  const sqliteColumns = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  const missing = [...sqliteColumns].filter((c) => !columns.some((column) => column.name === c));
  if (missing.length) throw new Error(`${table} has columns on SQLite that PostgreSQL's migrations did not make: ${missing.join(', ')}.`);
  const copied = columns.filter((c) => sqliteColumns.has(c.name));
  const insert =
    `INSERT INTO ${quote(table)} (${copied.map((c) => quote(c.name)).join(', ')}) ` +
    `SELECT ${copied.map((c, i) => `c${i}::${c.type}`).join(', ')} FROM unnest(${copied.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS t(${copied.map((_, i) => `c${i}`).join(', ')})`;
  const read = sqlite.prepare(`SELECT ${copied.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)}`).raw(true);
  let batch: (string | null)[][] = copied.map(() => []);
  let inBatch = 0;
  let rows = 0;
  const flush = async () => {
    if (inBatch === 0) return;
    await client.query(insert, batch);
    rows += inBatch;
    batch = copied.map(() => []);
    inBatch = 0;
  };
  for (const row of read.iterate() as Iterable<unknown[]>) {
    for (let i = 0; i < copied.length; i++) batch[i]!.push(asText(row[i], copied[i]!));
    if (++inBatch === BATCH) await flush();
  }
  await flush();
  return rows;
}

/** Identity columns continue after the largest number copied (as SQLite's autoincrement would). */
async function advanceIdentities(client: pg.Client, tables: string[]): Promise<void> {
  const identities = (
    await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' AND table_name = ANY($1)",
      [tables]
    )
  ).rows;
  for (const { table_name: table, column_name: column } of identities) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), greatest(1, (SELECT coalesce(max(${quote(column)}), 0) FROM ${quote(table)})), (SELECT count(*) > 0 FROM ${quote(table)}))`,
      [quote(table), column]
    );
  }
}

/**
 * Copies the SQLite scale workspace `from` into a NEW database `database` on
 * the server `adminUrl` names (a role that may create databases); answers
 * the workspace with `file` set to the database's URL.
 */
export async function copyScaleWorkspaceToPostgres(from: ScaleWorkspace, adminUrl: string, database: string, log: (line: string) => void = () => {}): Promise<PostgresWorkspace> {
  const started = performance.now();
  if (await databaseExists(adminUrl, database)) throw new Error(`The database ${database} exists on ${redacted(adminUrl)}: the scale workspace is built into a new database only.`);
  await asAdmin(adminUrl, `CREATE DATABASE ${quote(database)}`);
  const url = databaseUrl(adminUrl, database);
  const opened = await openPostgres(url, { connections: 1 });
  try {
    await migrateToLatest(opened.db);
  } finally {
    await opened.close();
  }
  const sqlite = new SQLite(from.file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const order = (await tablesInKeyOrder(client)).filter((t) => !NOT_COPIED.has(t));
    const sqliteTables = new Set((sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    const toCopy: string[] = [];
    for (const table of order) {
      if (!sqliteTables.has(table)) throw new Error(`${table} exists on PostgreSQL but not in the SQLite workspace: the engines' migrations disagree.`);
      const onSqlite = count(table);
      const onPostgres = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`)).rows[0]!.n);
      if (onPostgres === 0 && onSqlite > 0) toCopy.push(table);
      else if (onPostgres !== onSqlite) throw new Error(`${table}: the migrations left ${onPostgres} rows on PostgreSQL and the SQLite workspace holds ${onSqlite}: the engines' migrations disagree.`);
    }

    await client.query('BEGIN');
    const indexes = await secondaryIndexesOf(client, [...toCopy, 'search_index', 'search_entries', 'search_words']);
    for (const { name } of indexes) await client.query(`DROP INDEX ${quote(name)}`);
    // foreign keys are checked once per table afterwards (one join) instead of one lookup per row and key
    const keys = await foreignKeysOf(client, toCopy);
    for (const key of keys) await client.query(`ALTER TABLE ${quote(key.table)} DROP CONSTRAINT ${quote(key.name)}`);
    for (const table of toCopy) {
      const at = performance.now();
      const rows = await copyTable(client, sqlite, table, await columnsOf(client, table));
      if (rows >= 10_000) log(`  ${table}: ${rows.toLocaleString('en')} rows in ${((performance.now() - at) / 1000).toFixed(1)} s`);
    }
    const at = performance.now();
    for (const { definition } of indexes) await client.query(definition);
    log(`  ${indexes.length} secondary indexes built in ${((performance.now() - at) / 1000).toFixed(1)} s`);
    const checked = performance.now();
    for (const key of keys) await client.query(`ALTER TABLE ${quote(key.table)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
    log(`  ${keys.length} foreign keys checked in ${((performance.now() - checked) / 1000).toFixed(1)} s`);
    await advanceIdentities(client, toCopy);
    await client.query('COMMIT');
    await vacuumAsInUse(client);

    // the search triggers made an entry for every organisation, person and call, as on SQLite
    for (const [type, table] of [['organisation', 'organisations'], ['person', 'people'], ['call', 'calls']] as const) {
      const entries = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM search_index WHERE entity_type = $1', [type])).rows[0]!.n);
      if (entries !== count(table)) throw new Error(`search_index holds ${entries} ${type} entries for ${count(table)} ${table}: the search triggers did not keep up.`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  const copySeconds = (performance.now() - started) / 1000;
  return { ...from, file: url, copySeconds, seconds: from.seconds + copySeconds };
}
