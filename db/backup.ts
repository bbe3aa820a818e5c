/**
 * Backups of the live database with SQLite's online backup API
 * (better-sqlite3 `db.backup`), taken on a connection of their own while the
 * server keeps writing.
 *
 * The pages are copied in one step, that is in one read transaction: in WAL
 * mode a reader never blocks the writers, and the copy is the database as it
 * was when the step began (every write committed before it, none after).
 * Copying in many small steps on a second connection would start over after
 * every write of the server (SQLite restarts a backup whose source another
 * connection changed), so under steady writes it might never end.
 *
 * The copy is written beside the target as `<target>.partial` and renamed
 * when it is complete and `PRAGMA integrity_check` says ok, so a file with
 * the target's name is always a whole, checked backup.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { registerSearchFold } from './search-fold.js';

export interface BackupResult {
  file: string;
  pages: number;
  bytes: number;
  /** when the copy's read transaction began: every write acknowledged before is in it */
  startedAt: Date;
  milliseconds: number;
}

/** All pages in one step: one read transaction, one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;

function assertDatabaseAt(file: string): void {
  if (!existsSync(file)) throw new Error(`There is no database at ${file}.`);
}

/**
 * A connection to an existing database file for reading it (never creates
 * one), with `search_fold` registered: the name indexes are built from it,
 * so checking them needs it.
 */
export function openForReading(file: string): SQLite.Database {
  assertDatabaseAt(file);
  const sqlite = new SQLite(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  registerSearchFold(sqlite);
  return sqlite;
}

/** `PRAGMA integrity_check`: an empty list when the file is sound, else what SQLite found (at most 20 lines). */
export function integrityProblems(sqlite: SQLite.Database): string[] {
  const rows = sqlite.pragma('integrity_check(20)') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
}

/**
 * Copies the database at `source` into `target`. Refuses an existing target
 * unless `overwrite`; the folder must exist.
 */
export async function backupDatabase(source: string, target: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  // the source first: a missing database is the news, whatever the target (two runs in one second name the same file)
  assertDatabaseAt(source);
  if (!existsSync(dirname(target))) throw new Error(`The folder ${dirname(target)} does not exist.`);
  if (existsSync(target) && !options.overwrite) throw new Error(`${target} already exists; choose a new file name (or pass --force to replace it).`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const sqlite = openForReading(source);
  const started = performance.now();
  let startedAt = new Date();
  try {
    const progress = await sqlite.backup(partial, {
      progress: () => {
        // the first step only measured the database; the next copies it whole
        startedAt = new Date();
        return ALL_PAGES;
      }
    });
    const milliseconds = performance.now() - started;
    const copy = openForReading(partial);
    try {
      // the copy keeps the source's WAL mode; fold its log in so the file stands alone
      copy.pragma('wal_checkpoint(TRUNCATE)');
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`The copy failed its integrity check: ${problems.join('; ')}`);
    } finally {
      copy.close();
    }
    for (const leftover of [`${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
    renameSync(partial, target);
    return { file: target, pages: progress.totalPages, bytes: statSync(target).size, startedAt, milliseconds };
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(leftover, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
}
