/**
 * Opens the SQLite database file and wraps it in Kysely.
 * One handle per process: server.ts opens it once and hands it to the API.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { registerSearchFold } from './search-fold.js';
import { cachedStatements, type StatementCache } from './statement-cache.js';

export type DB = Kysely<Database>;

export interface OpenedDatabase {
  db: DB;
  sqlite: SQLite.Database;
  /** the prepared statements Kysely's queries reuse */
  statements: StatementCache;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /**
   * `normal` (default): in WAL mode a crash of the process loses nothing, a
   * power loss may lose the last commits; `full`: the log is synced at every
   * commit, so they survive that too, at the cost of one fsync per write.
   */
  synchronous?: 'full' | 'normal';
}

/** `location` is a file path (directories are created) or `:memory:`. */
export function openDatabase(location: string, options: ConnectionOptions = {}): OpenedDatabase {
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(options.synchronous === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  registerSearchFold(sqlite);
  const statements = cachedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements.database }) });
  return {
    db,
    sqlite,
    statements,
    close: () => db.destroy()
  };
}

/** Reads `DATABASE_URL` as a file path (a `file:` prefix is accepted), default ./data/regiodesk.db. */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return './data/regiodesk.db';
  return raw.startsWith('file:') ? raw.slice('file:'.length) : raw;
}
