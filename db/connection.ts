/**
 * Opens the database and wraps it in Kysely. One handle per process:
 * server.ts opens it once and hands it to the API.
 *
 * Two engines: SQLite (the embedded default: a file, better-sqlite3) and
 * PostgreSQL (a pool of node-postgres connections), chosen by
 * `DATABASE_URL`: a `postgres://` or `postgresql://` URL selects PostgreSQL,
 * anything else is a SQLite file path. `engine` tells the handles apart;
 * only the SQLite handle has `sqlite` and `statements`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.js';
import { PerEnginePlugin } from './engine-sql.js';
import { type NamedStatementLimits, nameRepeatedReads } from './named-statements.js';
import { registerSearchFold } from './search-fold.js';
import { cachedStatements, type StatementCache } from './statement-cache.js';
import { type WriteTurns, WriteTurnsDialect } from './write-turns.js';

export type DB = Kysely<Database>;

export type Engine = 'sqlite' | 'postgres';

/** An open SQLite database (the default engine). */
export interface OpenedDatabase {
  engine: 'sqlite';
  db: DB;
  sqlite: SQLite.Database;
  /** the prepared statements Kysely's queries reuse */
  statements: StatementCache;
  close(): Promise<void>;
}

/** An open PostgreSQL database: Kysely over a pool of connections. */
export interface OpenedPostgres {
  engine: 'postgres';
  db: DB;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Either engine's handle, told apart by `engine`. */
export type OpenedEngine = OpenedDatabase | OpenedPostgres;

export type DatabaseTarget = { engine: 'sqlite'; location: string } | { engine: 'postgres'; url: string };

export interface ConnectionOptions {
  /**
   * `normal` (default): in WAL mode a crash of the process loses nothing, a
   * power loss may lose the last commits; `full`: the log is synced at every
   * commit, so they survive that too, at the cost of one fsync per write.
   * (SQLite only.)
   */
  synchronous?: 'full' | 'normal';
  /** turns at the write lock shared with the other processes of a group (db/write-turns.ts); none for a process alone */
  writeTurns?: WriteTurns | null;
}

/** `location` is a file path (directories are created) or `:memory:`. */
export function openDatabase(location: string, options: ConnectionOptions = {}): OpenedDatabase {
  if (isPostgresUrl(location)) throw new Error(`${redacted(location)} is a PostgreSQL URL, not a SQLite file: open it with openPostgres.`);
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(options.synchronous === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  registerSearchFold(sqlite);
  const statements = cachedStatements(sqlite);
  const dialect = options.writeTurns ? new WriteTurnsDialect({ database: statements.database }, options.writeTurns) : new SqliteDialect({ database: statements.database });
  const db = new Kysely<Database>({ dialect });
  return {
    engine: 'sqlite',
    db,
    sqlite,
    statements,
    close: () => db.destroy()
  };
}

/**
 * Run first on each new connection, two settings of the session:
 *
 * No Memoize nodes in its plans. PostgreSQL 15 sizes a Memoize node's hash
 * table by the planner's estimate of distinct keys (for a page of 50
 * interactions joined to 100,000 organisations, tens of thousands of
 * entries) and builds it on every execution: about 10 ms spent before the
 * first row of a list that reads 50 (measured on the large scale workspace:
 * 10.5 ms → 0.2 ms). RegioDesk reads pages, where Memoize saves a few index
 * probes at best. (A session setting, so it holds on a direct connection, as
 * LISTEN/NOTIFY needs anyway; left alone on a server without the setting.)
 *
 * plan_cache_mode auto: a statement prepared by name is planned for its
 * values five times, then given one generic plan if that costs no more
 * (db/named-statements.ts), whatever the server's default says (a
 * `force_generic_plan` there would take the lists' plans that stop at the
 * page away from them).
 *
 * One statement: a second one sent while the first still runs draws
 * node-postgres's deprecation warning about queued queries.
 */
const SESSION_SETTINGS =
  "SELECT set_config('plan_cache_mode', 'auto', false), CASE WHEN current_setting('enable_memoize', true) IS NOT NULL THEN set_config('enable_memoize', 'off', false) END";

/**
 * A pool of connections to the PostgreSQL database at `url`
 * (postgres://user:pass@host:port/db); it connects lazily. node-postgres is
 * loaded here, on first use, so a SQLite process never loads it.
 */
export async function openPostgres(url: string, options: { connections?: number; namedStatements?: NamedStatementLimits } = {}): Promise<OpenedPostgres> {
  const { default: postgres } = await import('pg');
  // counts and other bigint (int8) results as numbers, as SQLite answers them (every count RegioDesk makes fits in 2^53)
  const INT8 = 20;
  // json and jsonb columns as their text, as SQLite's text columns answer them: db/json-columns.ts parses and checks them
  const JSON_TYPES = new Set([114, 3802]);
  const asText = (value: string) => value;
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (format === 'binary') return postgres.types.getTypeParser(oid, format);
      if (oid === INT8) return (value: string) => Number(value);
      if (JSON_TYPES.has(oid)) return asText;
      return postgres.types.getTypeParser(oid, 'text');
    }) as typeof pg.types.getTypeParser
  };
  const pool = new postgres.Pool({ connectionString: url, max: options.connections ?? 10, types });
  pool.on('connect', (client) => void client.query(SESSION_SETTINGS).catch(() => {}));
  // the reads run again and again are prepared once per connection
  nameRepeatedReads(pool, options.namedStatements);
  // perEngine expressions (db/engine-sql.ts) compile to their PostgreSQL side
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new PerEnginePlugin()] });
  // Kysely's destroy ends the pool
  return { engine: 'postgres', db, pool, close: () => db.destroy() };
}

/** Opens whichever engine `target` names. */
export async function openTarget(target: DatabaseTarget, options: ConnectionOptions = {}): Promise<OpenedEngine> {
  return target.engine === 'postgres' ? openPostgres(target.url) : openDatabase(target.location, options);
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** A URL with its password replaced, for messages. */
export function redacted(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/**
 * Reads `DATABASE_URL`: a postgres:// or postgresql:// URL selects
 * PostgreSQL; anything else is a SQLite file path (a `file:` prefix is
 * accepted), default ./data/regiodesk.db.
 */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (raw && isPostgresUrl(raw)) return { engine: 'postgres', url: raw };
  if (!raw) return { engine: 'sqlite', location: './data/regiodesk.db' };
  return { engine: 'sqlite', location: raw.startsWith('file:') ? raw.slice('file:'.length) : raw };
}

/** The SQLite file `DATABASE_URL` names; a PostgreSQL URL is refused in words (it is no file to open, back up or restore). */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): string {
  const target = databaseTarget(env);
  if (target.engine === 'postgres') {
    throw new Error(`DATABASE_URL names a PostgreSQL database (${redacted(target.url)}), and this needs a SQLite database file.`);
  }
  return target.location;
}
