/**
 * `npm run backup -- <file> [--force]`: a consistent copy of the live
 * database (DATABASE_URL, as the server reads it) while the server keeps
 * running and writing; refuses an existing file without --force. A SQLite
 * database is copied with SQLite's online backup (db/backup.ts); a
 * PostgreSQL one is dumped with pg_dump into a custom-format archive
 * (db/postgres-backup.ts; restore it with `npm run restore`, or with
 * pg_restore).
 *
 * `npm run backup -- --dir <folder> [--keep 7]`: the same into a new
 * time-named file in the folder (`regiodesk-<time>Z.db`, or `….dump` for
 * PostgreSQL), removing the oldest beyond --keep: what the server runs on
 * its schedule (REGIODESK_BACKUP_DIR), and what cron can run.
 *
 * Prints the size, the time taken and what was checked; exits 1 with the
 * reason when it cannot.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, type BackupResult } from '../db/backup.js';
import { takeScheduledBackup, takeScheduledPostgresBackup } from '../db/backup-schedule.js';
import { databaseTarget } from '../db/connection.js';
import { backupPostgres, type PostgresBackupResult } from '../db/postgres-backup.js';

function describe(result: BackupResult | PostgresBackupResult): string {
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  const took = `${(result.milliseconds / 1000).toFixed(2)} s; as of ${result.startedAt.toISOString()}`;
  if ('pages' in result) return `Backup written: ${result.file} (${result.pages} pages, ${megabytes} MB, ${took}; integrity ok)`;
  return `Backup written: ${result.file} (pg_dump archive, ${result.tables} tables, ${megabytes} MB, ${took}; archive checked)`;
}

const usage = 'Usage: npm run backup -- <file> [--force]   or   npm run backup -- --dir <folder> [--keep 7]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, dir: { type: 'string' }, keep: { type: 'string', default: '7' } }
  });
  const target = databaseTarget(process.env);
  if (values.dir) {
    const keep = Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of backups, 1 or more.');
    mkdirSync(values.dir, { recursive: true });
    const dir = resolve(values.dir);
    const { backup, removed } =
      target.engine === 'postgres' ? await takeScheduledPostgresBackup(target.url, dir, keep) : await takeScheduledBackup(resolve(target.location), dir, keep);
    console.log(describe(backup));
    if (removed.length) console.log(`Removed beyond the ${keep} kept: ${removed.join(', ')}`);
  } else {
    if (positionals.length !== 1) throw new Error(usage);
    const file = resolve(positionals[0]!);
    const options = { overwrite: values.force };
    console.log(describe(target.engine === 'postgres' ? await backupPostgres(target.url, file, options) : await backupDatabase(resolve(target.location), file, options)));
  }
} catch (error) {
  console.error(`No backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
