/**
 * Puts a backup in place of the live database file, with the server stopped:
 * the backup must pass `PRAGMA integrity_check` and be a RegioDesk database
 * of this version or older (migrations run at the next start); the live file
 * must not be open anywhere (a running server holds it: refused). The file
 * it replaces is kept beside it as `<file>.before-restore-<time>`.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { integrityProblems, openForReading } from './backup.js';
import { migrationNames } from './migrate.js';

export interface Restored {
  /** where the database it replaced was kept, or null when there was none */
  keptAs: string | null;
}

function checkBackup(backup: string): void {
  const sqlite = openForReading(backup);
  try {
    sqlite.pragma('schema_version');
  } catch (error) {
    sqlite.close();
    throw new Error(`${backup} is not a database (${(error as Error).message}).`);
  }
  try {
    const problems = integrityProblems(sqlite);
    if (problems.length) throw new Error(`${backup} failed its integrity check: ${problems.join('; ')}`);
    const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasMigrations) throw new Error(`${backup} is not a RegioDesk database.`);
    const known = new Set(migrationNames());
    const unknown = (sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).filter((row) => !known.has(row.name));
    if (unknown.length) throw new Error(`${backup} comes from a newer RegioDesk (migrations ${unknown.map((row) => row.name).join(', ')}); restore it with that version.`);
  } finally {
    sqlite.close();
  }
}

/** Throws when another connection (a running server) has the database open; closing ours folds its log into the file. */
function checkNotInUse(target: string): void {
  const sqlite = new SQLite(target, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
    sqlite.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`${target} is in use (is the server running?); stop it before restoring.`);
    throw error;
  } finally {
    sqlite.close();
  }
}

export function restoreDatabase(backup: string, target: string, now = new Date()): Restored {
  checkBackup(backup);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    checkNotInUse(target);
    keptAs = `${target}.before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
    renameSync(target, keptAs);
  }
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  const restoring = `${target}.restoring`;
  copyFileSync(backup, restoring);
  renameSync(restoring, target);
  return { keptAs };
}
