/**
 * Scheduled backups in a real folder: names in time order, the oldest
 * removed beyond the number kept (other files left alone), the next due time
 * counted from the newest backup, and the runs of the server's schedule
 * (a failure logged, tried again later, never thrown). Backups of SQLite
 * files: a SQLite file in both passes of `npm test` (sqliteTestDatabase),
 * whatever REGIODESK_TEST_ENGINE says (PostgreSQL is backed up by pg_dump).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackupScript, startBackupRuns } from '../../../api/platform/services/backup-runs.js';
import { backupDatabase, openForReading } from '../../../db/backup.js';
import { backupFileName, listBackups, nextBackupDue, pruneBackups, takeScheduledBackup, takenAt } from '../../../db/backup-schedule.js';
import { sqliteTestDatabase } from '../../support/database.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'regiodesk-backups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

function place(...names: string[]): void {
  for (const name of names) writeFileSync(join(dir, name), 'x');
}

describe('backup file names', () => {
  it('name a backup by the second it was taken, in UTC, and read that time back', () => {
    const name = backupFileName(at('2026-12-07T04:30:09.512Z'));
    expect(name).toBe('regiodesk-2026-12-07T04-30-09Z.db');
    expect(takenAt(name)).toEqual(at('2026-12-07T04:30:09Z'));
    expect(takenAt('regiodesk.db')).toBeNull();
    expect(takenAt(`${name}.partial`)).toBeNull();
  });
});

describe('keeping backups', () => {
  it('removes the oldest beyond the number kept, and nothing else in the folder', () => {
    const times = ['2026-12-01T02:00:00Z', '2026-11-30T02:00:00Z', '2026-12-03T02:00:00Z', '2026-12-02T02:00:00Z', '2026-12-04T02:00:00Z'];
    place(...times.map((t) => backupFileName(at(t))), 'notes.txt', 'regiodesk.db', 'regiodesk-manual.db');
    const removed = pruneBackups(dir, 3);
    expect(removed).toEqual([backupFileName(at('2026-11-30T02:00:00Z')), backupFileName(at('2026-12-01T02:00:00Z'))]);
    expect(listBackups(dir)).toEqual(['2026-12-02T02:00:00Z', '2026-12-03T02:00:00Z', '2026-12-04T02:00:00Z'].map((t) => backupFileName(at(t))));
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['notes.txt', 'regiodesk.db', 'regiodesk-manual.db']));
    expect(pruneBackups(dir, 3)).toEqual([]);
  });

  it('removes what a stopped run left half-written', () => {
    const whole = backupFileName(at('2026-12-01T02:00:00Z'));
    const half = backupFileName(at('2026-12-02T02:00:00Z'));
    place(whole, `${half}.partial`, `${half}.partial-journal`);
    expect(pruneBackups(dir, 7).sort()).toEqual([`${half}.partial`, `${half}.partial-journal`]);
    expect(readdirSync(dir)).toEqual([whole]);
  });

  it('the next backup is due an interval after the newest one, at once when there is none or it is older', () => {
    const now = at('2026-12-07T12:00:00Z');
    expect(nextBackupDue(dir, 24 * HOUR, now)).toEqual(now);
    place(backupFileName(at('2026-12-06T02:00:00Z')), backupFileName(at('2026-12-07T02:00:00Z')));
    expect(nextBackupDue(dir, 24 * HOUR, now)).toEqual(at('2026-12-08T02:00:00Z'));
    expect(nextBackupDue(dir, 6 * HOUR, now)).toEqual(now);
  });

  it('a scheduled backup is a whole, checked copy under a new name; the oldest go beyond keep', async () => {
    const source = await sqliteTestDatabase();
    try {
      source.sqlite.prepare("INSERT INTO regions (id, name, country, created_at, updated_at) VALUES ('r-1', 'Rhein-Neckar', 'DE', 'now', 'now')").run();
      place(backupFileName(at('2026-01-01T00:00:00Z')), backupFileName(at('2026-01-02T00:00:00Z')));
      const { backup, removed } = await takeScheduledBackup(source.file, dir, 2, at('2026-12-07T04:00:00Z'));
      expect(backup.file).toBe(join(dir, 'regiodesk-2026-12-07T04-00-00Z.db'));
      expect(backup.pages).toBeGreaterThan(10);
      expect(removed).toEqual([backupFileName(at('2026-01-01T00:00:00Z'))]);
      expect(readdirSync(dir).sort()).toEqual([backupFileName(at('2026-01-02T00:00:00Z')), 'regiodesk-2026-12-07T04-00-00Z.db']);
      const copy = openForReading(backup.file);
      expect(copy.prepare('SELECT name FROM regions').all()).toEqual([{ name: 'Rhein-Neckar' }]);
      copy.close();
      await expect(backupDatabase(source.file, backup.file)).rejects.toThrow(/already exists; choose a new file name \(or pass --force/);
    } finally {
      await source.close();
    }
  });
});

describe('the server schedule', () => {
  it('each run is the backup script in a child process: a new time-named, checked file, the oldest beyond keep removed', async () => {
    const source = await sqliteTestDatabase();
    try {
      place(backupFileName(at('2026-01-01T00:00:00Z')), backupFileName(at('2026-01-02T00:00:00Z')));
      const printed = await runBackupScript(source.file, { dir, intervalHours: 24, keep: 2 });
      expect(printed).toMatch(/^Backup written: .*regiodesk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db \(\d+ pages, [\d.]+ MB, [\d.]+ s; as of .*; integrity ok\)/);
      expect(printed).toContain(`Removed beyond the 2 kept: ${backupFileName(at('2026-01-01T00:00:00Z'))}`);
      expect(listBackups(dir)).toHaveLength(2);
      await expect(runBackupScript(join(dir, 'missing.db'), { dir, intervalHours: 24, keep: 2 })).rejects.toThrow(/No backup: There is no database at/);
    } finally {
      await source.close();
    }
  }, 60_000);

  it('runs at once on an empty folder, logs what the run printed, and a failure is logged, not thrown', async () => {
    const lines: string[] = [];
    let calls = 0;
    const log = { info: (line: string) => lines.push(`info: ${line}`), error: (line: string) => lines.push(`error: ${line}`) };
    let ran!: () => void;
    const first = new Promise<void>((resolve) => (ran = resolve));
    const runs = startBackupRuns(join(dir, 'live.db'), { dir, intervalHours: 24, keep: 7 }, log, async () => {
      calls++;
      ran();
      throw new Error('disk full');
    });
    await first;
    await runs.stop();
    expect(calls).toBe(1);
    expect(lines).toEqual(['error: The scheduled backup failed: disk full']);
  });

  it('waits for the interval when the folder holds a recent backup', async () => {
    place(backupFileName(new Date()));
    let calls = 0;
    const runs = startBackupRuns(join(dir, 'live.db'), { dir, intervalHours: 1, keep: 7 }, { info: () => {}, error: () => {} }, async () => {
      calls++;
      return '';
    });
    await new Promise((r) => setTimeout(r, 200));
    await runs.stop();
    expect(calls).toBe(0);
  });
});
