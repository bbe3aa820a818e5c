/**
 * Backups of a PostgreSQL database with PostgreSQL's own programs
 * (db/postgres-programs.ts), the counterpart of db/backup.ts and
 * db/restore.ts for SQLite.
 *
 * Backup: `pg_dump --format=custom` reads the database in one snapshot
 * (one repeatable-read transaction: writers go on, the archive is the
 * database as it was when pg_dump began, every write acknowledged before it
 * included). It is written to `<target>.partial`, checked (pg_restore reads
 * its table of contents, and it holds RegioDesk's tables and the list of
 * migrations), then renamed: a file with the target's name is always a
 * whole, checked backup.
 *
 * Restore: the archive is checked (readable, a RegioDesk database of this
 * version or older); the database must not be in use (a running server
 * holds connections: refused); what the database holds now is first kept
 * as a pg_dump archive beside the backup; then, in ONE transaction (psql
 * --single-transaction), every table, view, sequence, function and text
 * search configuration of the database's schema is dropped and the archive
 * restored (`pg_restore --no-owner --no-privileges`: the objects belong to
 * the role of DATABASE_URL). Either the backup is in place, whole, or
 * nothing changed. Migrations run at the next start.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { migrationNames } from './migrate.js';
import { postgresProgram, runPostgresProgram, splitPassword } from './postgres-programs.js';

export interface PostgresBackupResult {
  file: string;
  bytes: number;
  /** tables whose rows the archive holds */
  tables: number;
  /** when pg_dump was started: every write acknowledged before is in it */
  startedAt: Date;
  milliseconds: number;
}

/** What an archive holds, from its table of contents. */
interface ArchiveContents {
  tables: string[];
}

async function contentsOf(archive: string): Promise<ArchiveContents> {
  const { stdout } = await runPostgresProgram('pg_restore', null, ['--list', archive]);
  // e.g. "3456; 0 16385 TABLE DATA public kysely_migration regiodesk"
  const tables = [...stdout.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((match) => match[2]!);
  return { tables };
}

/** The migrations an archive's database had run, read from its data. */
async function migrationsIn(archive: string): Promise<string[]> {
  const { stdout } = await runPostgresProgram('pg_restore', null, ['--data-only', '--table=kysely_migration', '--file=-', archive]);
  const copy = /^COPY \S*kysely_migration \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(stdout);
  if (!copy) return [];
  const nameAt = copy[1]!.split(',').map((column) => column.trim().replaceAll('"', '')).indexOf('name');
  return copy[2]!
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t')[nameAt]!);
}

/**
 * A RegioDesk archive that this version can restore: pg_restore reads it,
 * it holds the migrations table, and no migration it ran is unknown here.
 */
export async function checkPostgresArchive(archive: string): Promise<ArchiveContents> {
  if (!existsSync(archive)) throw new Error(`There is no backup at ${archive}.`);
  let contents: ArchiveContents;
  try {
    contents = await contentsOf(archive);
  } catch (error) {
    throw new Error(`${archive} is not a PostgreSQL backup (pg_dump --format=custom): ${(error as Error).message}`, { cause: error });
  }
  if (!contents.tables.includes('kysely_migration')) throw new Error(`${archive} is not a RegioDesk database.`);
  const known = new Set(migrationNames());
  const unknown = (await migrationsIn(archive)).filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`${archive} comes from a newer RegioDesk (migrations ${unknown.join(', ')}); restore it with that version.`);
  return contents;
}

/** Dumps the database at `url` into `target` (refused when it exists, unless `overwrite`; the folder must exist). */
export async function backupPostgres(url: string, target: string, options: { overwrite?: boolean } = {}): Promise<PostgresBackupResult> {
  if (!existsSync(dirname(target))) throw new Error(`The folder ${dirname(target)} does not exist.`);
  if (existsSync(target) && !options.overwrite) throw new Error(`${target} already exists; choose a new file name (or pass --force to replace it).`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const startedAt = new Date();
  const started = performance.now();
  try {
    await runPostgresProgram('pg_dump', url, ['--format=custom', `--file=${partial}`]);
    const milliseconds = performance.now() - started;
    const { tables } = await checkPostgresArchive(partial);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, tables: tables.length, startedAt, milliseconds };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Throws when another connection (a running server) uses the database. */
async function checkNotInUse(url: string): Promise<{ database: string; isRegioDesk: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string; others: number; regiodesk: boolean }>(
      `SELECT current_database() AS database,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend') AS others,
              to_regclass('kysely_migration') IS NOT NULL AS regiodesk`
    );
    const { database, others, regiodesk } = rows[0]!;
    if (others > 0) throw new Error(`The database ${database} is in use (is the server running?); stop it before restoring (${others} other connection${others === 1 ? '' : 's'}).`);
    return { database, isRegioDesk: regiodesk };
  } finally {
    await client.end();
  }
}

/**
 * Drops everything of the database's schema that a restore brings back, or
 * that a newer RegioDesk may have made since (so the migrations at the next
 * start find the backup's state): tables (with their triggers, indexes and
 * identity sequences), views, sequences, functions and text search
 * configurations — not what belongs to an extension (unaccent stays).
 */
const CLEAR_SCHEMA = `
DO $$
DECLARE object record;
BEGIN
  FOR object IN
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
           format('%I.%I', n.nspname, c.relname) AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', object.kind, object.name);
  END LOOP;
  FOR object IN
    SELECT p.oid::regprocedure::text AS name, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END AS kind
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE', object.kind, object.name);
  END LOOP;
  FOR object IN
    SELECT format('%I.%I', n.nspname, t.cfgname) AS name
      FROM pg_ts_config t JOIN pg_namespace n ON n.oid = t.cfgnamespace
     WHERE n.nspname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_config'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP TEXT SEARCH CONFIGURATION IF EXISTS %s CASCADE', object.name);
  END LOOP;
END $$;
`;

/** pg_restore's script of the archive piped into psql after `before`, all in one transaction; rejects with psql's or pg_restore's words. */
function restoreInOneTransaction(url: string, archive: string, before: string): Promise<void> {
  const { url: withoutPassword, password } = splitPassword(url);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const psql = spawn(postgresProgram('psql'), [`--dbname=${withoutPassword}`, '--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-'], {
      env,
      stdio: ['pipe', 'ignore', 'pipe']
    });
    const script = spawn(postgresProgram('pg_restore'), ['--no-owner', '--no-privileges', '--no-comments', '--file=-', archive], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let psqlErrors = '';
    let scriptErrors = '';
    psql.stderr.on('data', (chunk) => (psqlErrors += chunk));
    script.stderr.on('data', (chunk) => (scriptErrors += chunk));
    const missing = (name: string) => (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${name} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client).`) : error);
    psql.on('error', missing('psql'));
    script.on('error', missing('pg_restore'));
    psql.stdin.on('error', () => {}); // psql stopped at an error: its exit code says so
    psql.stdin.write(before);
    script.stdout.pipe(psql.stdin);
    let scriptCode: number | null = null;
    script.on('exit', (code) => (scriptCode = code));
    psql.on('exit', (code) => {
      if (scriptCode !== null && scriptCode !== 0) return reject(new Error(`pg_restore failed: ${scriptErrors.trim()}`));
      if (code !== 0) return reject(new Error(`The restore was rolled back (nothing changed): ${psqlErrors.trim() || `psql ended with exit code ${code}`}`));
      resolve();
    });
  });
}

export interface PostgresRestored {
  /** the archive of what the database held before, or null when it held no RegioDesk database */
  keptAs: string | null;
}

/** Puts the archive `backup` in place of the database at `url`, with the server stopped (see above). */
export async function restorePostgres(backup: string, url: string, now = new Date()): Promise<PostgresRestored> {
  await checkPostgresArchive(backup);
  const { isRegioDesk, database } = await checkNotInUse(url);
  let keptAs: string | null = null;
  if (isRegioDesk) {
    keptAs = join(dirname(backup), `${basename(database)}.before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.dump`);
    await backupPostgres(url, keptAs);
  }
  await restoreInOneTransaction(url, backup, CLEAR_SCHEMA);
  return { keptAs };
}
