/**
 * A real database per test file: a SQLite file copied from the migrated
 * template, or, with REGIODESK_TEST_ENGINE=postgres, a PostgreSQL database
 * created from the migrated template database (CREATE DATABASE … TEMPLATE …,
 * test/support/global-setup.ts).
 *
 * On PostgreSQL the handle has no SQLite file: `sqlite` and `file` throw,
 * in words, so a test that reads SQLite directly says it runs on SQLite
 * only instead of passing by accident. Engine-neutral ways: `h.db`
 * (Kysely), `tableCounts`, `rows`/`run` (test/support/sql.ts), and
 * `statements.observe`, which sees every statement the app runs on either
 * engine (SQLite: the statement cache; PostgreSQL: each pooled
 * connection's `query`, with its parameters).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type pg from 'pg';
import { type Engine, type OpenedDatabase, type OpenedEngine, openDatabase, openPostgres } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createDatabaseFromTemplate } from './postgres.js';

/**
 * Sees every SQL text the app runs, in order, repeats included (tests only):
 * on SQLite the statement cache's observer (no parameters: SQLite plans
 * without them), on PostgreSQL each pooled connection's `query` (with the
 * parameters, which PostgreSQL plans an unnamed statement with).
 */
export interface StatementLog {
  observe(listener: (sql: string, parameters?: readonly unknown[]) => void): () => void;
}

export type TestDatabase = Omit<OpenedDatabase, 'engine' | 'statements'> & {
  engine: Engine;
  statements: StatementLog;
  file: string;
  /** a second handle on the same database, as another process would open it */
  reopen(): Promise<Handle>;
};

/** What either engine's handle offers every test: Kysely and close. */
export type Handle = Pick<OpenedEngine, 'engine' | 'db' | 'close'>;

/** The engine the API tests run on: REGIODESK_TEST_ENGINE=postgres, or SQLite. */
export function testEngine(): Engine {
  return process.env.REGIODESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export async function testDatabase(): Promise<TestDatabase> {
  return testEngine() === 'postgres' ? postgresTestDatabase() : sqliteTestDatabase();
}

/** A SQLite file copied from the migrated template, whatever REGIODESK_TEST_ENGINE says. */
export async function sqliteTestDatabase(): Promise<OpenedDatabase & { file: string; reopen(): Promise<Handle> }> {
  const dir = process.env.REGIODESK_TEST_DIR ?? mkdtempSync(join(tmpdir(), 'regiodesk-tests-'));
  const file = join(dir, `${randomUUID()}.db`);
  const template = process.env.REGIODESK_TEST_TEMPLATE;
  if (template) copyFileSync(template, file);
  const opened = openDatabase(file);
  await migrateToLatest(opened.db);
  return { ...opened, file, reopen: async () => openDatabase(file) };
}

function sqliteOnly(what: string): never {
  throw new Error(`This test reads SQLite directly (${what}), and the tests run on PostgreSQL (REGIODESK_TEST_ENGINE=postgres): it runs on SQLite only.`);
}

async function postgresTestDatabase(): Promise<TestDatabase> {
  const created = await createDatabaseFromTemplate();
  const opened = await openPostgres(created.url, { connections: 4 });
  const statements = observedQueries(opened.pool);
  await migrateToLatest(opened.db);
  return {
    engine: 'postgres',
    db: opened.db,
    get sqlite(): SQLite.Database {
      return sqliteOnly('.sqlite');
    },
    statements,
    get file(): string {
      return sqliteOnly('.file');
    },
    reopen: () => openPostgres(created.url, { connections: 4 }),
    close: async () => {
      await opened.close();
      await created.drop();
    }
  };
}

/** Every statement the pool's connections run (Kysely calls `client.query(sql, parameters)`), for StatementLog's listeners. */
function observedQueries(pool: pg.Pool): StatementLog {
  const listeners = new Set<(sql: string, parameters?: readonly unknown[]) => void>();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first, second] = args;
      const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
      if (text !== undefined) {
        const parameters = (Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? [])) as readonly unknown[];
        for (const listener of listeners) listener(text, parameters);
      }
      return query(...args);
    };
  });
  return {
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}

/** Row counts of every table, to prove a refused request changed nothing (either engine). */
export async function tableCounts(opened: Pick<TestDatabase, 'engine' | 'db' | 'sqlite'>): Promise<Record<string, number>> {
  if (opened.engine === 'postgres') {
    const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name != 'sign_in_failures' ORDER BY table_name`.execute(opened.db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) counts[name] = (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(opened.db)).rows[0]!.n;
    // SQLite's FTS5 keeps search_index as a virtual table (counted) beside its shadow tables (not counted); PostgreSQL's is one table
    return counts;
  }
  const tables = opened.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' AND name != 'sign_in_failures'")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (opened.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  return counts;
}

/** `database` with `parts` beside it, its members kept as they are (a spread would read, and so throw, the SQLite-only ones on PostgreSQL). */
export function withParts<D extends object, P extends object>(database: D, parts: P): D & P {
  return Object.defineProperties({ ...parts }, Object.getOwnPropertyDescriptors(database)) as D & P;
}
