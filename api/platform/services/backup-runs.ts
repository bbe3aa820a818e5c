/**
 * Scheduled backups while the server runs (REGIODESK_BACKUP_DIR): every
 * `intervalHours`, counted from the newest backup already in the folder (a
 * restart neither skips one nor takes an extra), the server runs
 * `scripts/backup.ts --dir <folder> --keep <n>` — exactly `npm run backup` —
 * as a child process (SQLite's online backup of the file, or pg_dump of a
 * PostgreSQL database). The copy is read on the child's own connection and
 * thread, so requests (and /api/health) are never queued behind it; a
 * failure is logged and tried again an hour later (or after the interval,
 * when shorter). With a `lease` (run-lease.ts), a backup is taken only by
 * the process that holds it; another process that finds it taken looks
 * again an hour later (or after the interval, when shorter), or when the
 * folder's newest backup says the next is due, whichever is later.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextBackupDue } from '../../../db/backup-schedule.js';
import type { BackupSettings } from '../config.js';
import type { Lease } from './run-lease.js';

const HOUR = 3_600_000;
/** setTimeout's longest wait (about 24.8 days); a later due time is waited for in turns */
const LONGEST_WAIT = 2 ** 31 - 1;
/** the repository's root, where `npm run backup` runs */
const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface BackupRunLog {
  info(line: string): void;
  error(line: string): void;
}

/** Runs the backup script in a child process on `database` (a SQLite file or a postgres:// URL); resolves with what it printed, rejects with its error output. */
export function runBackupScript(database: string, settings: BackupSettings): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'backup.ts'), '--dir', resolve(settings.dir), '--keep', String(settings.keep)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolveRun(out.trim());
      else reject(new Error(err.trim() || `the backup process ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

export function startBackupRuns(
  database: string,
  settings: BackupSettings,
  log: BackupRunLog = { info: (line) => console.log(line), error: (line) => console.error(line) },
  run: () => Promise<string> = () => runBackupScript(database, settings),
  lease: Lease | null = null
) {
  const intervalMs = settings.intervalHours * HOUR;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  /** after a failure the next try waits an hour (or the interval when shorter), not for the folder's newest file */
  let notBefore = 0;

  function schedule(): void {
    if (stopped) return;
    let due: Date;
    try {
      mkdirSync(settings.dir, { recursive: true });
      due = nextBackupDue(settings.dir, intervalMs, new Date());
    } catch (error) {
      log.error(`Scheduled backups cannot read ${settings.dir}: ${(error as Error).message}; trying again in an hour.`);
      due = new Date(Date.now() + Math.min(intervalMs, HOUR));
    }
    const wait = Math.max(0, due.getTime() - Date.now(), notBefore - Date.now());
    timer = setTimeout(() => (wait > LONGEST_WAIT ? schedule() : tick()), Math.min(wait, LONGEST_WAIT));
    timer.unref();
  }

  async function turn(): Promise<void> {
    if (lease && !(await lease.hold())) {
      // another process takes the backups: look again later (schedule() waits for the folder's due time too)
      notBefore = Date.now() + Math.min(intervalMs, HOUR);
      return;
    }
    log.info(await run());
  }

  function tick(): void {
    running = turn()
      .catch((error: unknown) => {
        notBefore = Date.now() + Math.min(intervalMs, HOUR);
        log.error(`The scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        running = null;
        schedule();
      });
  }

  schedule();
  return {
    /** No further runs; a run under way finishes first. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await lease?.release();
    }
  };
}
