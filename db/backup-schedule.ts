/**
 * Backups kept in one folder, named by the time they were taken
 * (`regiodesk-2026-12-07T04-30-00Z.db`, so names sort in time order; a
 * PostgreSQL database's are pg_dump archives, `….dump`), the oldest removed
 * beyond the number to keep. Files of other names in the folder are never
 * touched.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupResult, backupDatabase } from './backup.js';
import { type PostgresBackupResult, backupPostgres } from './postgres-backup.js';

const NAME = /^regiodesk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.(db|dump)$/;

/** `db`: a SQLite file; `dump`: a PostgreSQL archive (pg_dump's custom format). */
export type BackupKind = 'db' | 'dump';

export function backupFileName(at: Date, kind: BackupKind = 'db'): string {
  return `regiodesk-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.${kind}`;
}

/** When a backup of this name was taken, or null for a file that is not one. */
export function takenAt(name: string): Date | null {
  const match = NAME.exec(name);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : null;
}

/** The backups in the folder, oldest first. */
export function listBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => takenAt(name) !== null)
    .sort();
}

/** Removes the oldest backups beyond `keep`, and copies a stopped run left half-written; answers the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const stale = readdirSync(dir).filter((name) => NAME.test(name.replace(/\.partial(-wal|-shm|-journal)?$/, '')) && name.includes('.partial'));
  const removed = [...backups.slice(0, Math.max(0, backups.length - keep)), ...stale];
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

/** When the next backup is due: an interval after the newest in the folder, at once when there is none. */
export function nextBackupDue(dir: string, intervalMs: number, now: Date): Date {
  const newest = listBackups(dir).at(-1);
  const last = newest ? takenAt(newest)! : null;
  return last && last.getTime() + intervalMs > now.getTime() ? new Date(last.getTime() + intervalMs) : now;
}

/** One scheduled backup: a new time-named file in the folder, then the oldest beyond `keep` removed. */
export async function takeScheduledBackup(source: string, dir: string, keep: number, now = new Date()): Promise<{ backup: BackupResult; removed: string[] }> {
  const backup = await backupDatabase(source, join(dir, backupFileName(now)));
  return { backup, removed: pruneBackups(dir, keep) };
}

/** The same for a PostgreSQL database (`url`): a new time-named pg_dump archive (`….dump`), then the oldest beyond `keep` removed. */
export async function takeScheduledPostgresBackup(url: string, dir: string, keep: number, now = new Date()): Promise<{ backup: PostgresBackupResult; removed: string[] }> {
  const backup = await backupPostgres(url, join(dir, backupFileName(now, 'dump')));
  return { backup, removed: pruneBackups(dir, keep) };
}
