/**
 * `npm run backup -- <file> [--force]`: a consistent copy of the live
 * database (DATABASE_URL, as the server reads it) while the server keeps
 * running and writing; refuses an existing file without --force.
 *
 * `npm run backup -- --dir <folder> [--keep 7]`: the same into a new
 * time-named file in the folder, removing the oldest beyond --keep: what the
 * server runs on its schedule (REGIODESK_BACKUP_DIR), and what cron can run.
 *
 * Prints the pages, the size and the time taken; exits 1 with the reason
 * when it cannot.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, type BackupResult } from '../db/backup.js';
import { takeScheduledBackup } from '../db/backup-schedule.js';
import { databaseLocation } from '../db/connection.js';

function describe(result: BackupResult): string {
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  return `Backup written: ${result.file} (${result.pages} pages, ${megabytes} MB, ${(result.milliseconds / 1000).toFixed(2)} s; as of ${result.startedAt.toISOString()}; integrity ok)`;
}

const usage = 'Usage: npm run backup -- <file> [--force]   or   npm run backup -- --dir <folder> [--keep 7]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, dir: { type: 'string' }, keep: { type: 'string', default: '7' } }
  });
  const source = resolve(databaseLocation(process.env));
  if (values.dir) {
    const keep = Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of backups, 1 or more.');
    mkdirSync(values.dir, { recursive: true });
    const { backup, removed } = await takeScheduledBackup(source, resolve(values.dir), keep);
    console.log(describe(backup));
    if (removed.length) console.log(`Removed beyond the ${keep} kept: ${removed.join(', ')}`);
  } else {
    if (positionals.length !== 1) throw new Error(usage);
    console.log(describe(await backupDatabase(source, resolve(positionals[0]!), { overwrite: values.force })));
  }
} catch (error) {
  console.error(`No backup: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
