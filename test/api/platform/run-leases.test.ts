/**
 * Run leases on a real SQLite file, asked through two connections as two
 * processes would: one holder at a time, renewal, expiry of a crashed
 * holder's lease, hand-over on release; and RunLease, which the server's
 * periodic runs ask before each turn, saying once that another process
 * runs the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLease, releaseLease, renewLease, takeLease } from '../../../db/platform/run-leases.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackupRuns } from '../../../api/platform/services/backup-runs.js';
import { RunLease } from '../../../api/platform/services/run-lease.js';
import { type Handle, type TestDatabase, testDatabase } from '../../support/database.js';

let one: TestDatabase;
let two: Handle;
beforeAll(async () => {
  one = await testDatabase();
  two = await one.reopen();
});
afterAll(async () => {
  await two.close();
  await one.close();
});

const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 9, minute)).toISOString();

describe('run_leases', () => {
  it('goes to one holder while it lasts, is renewed by it, and is taken by another once expired', async () => {
    expect(await takeLease(one.db, 'job-a', 'first', at(0), at(2))).toBe(true);
    expect(await takeLease(two.db, 'job-a', 'second', at(1), at(3))).toBe(false);
    expect(await findLease(one.db, 'job-a')).toEqual({ name: 'job-a', holder: 'first', expires_at: at(2) });
    // the holder renews (by taking again, or by renewLease)
    expect(await takeLease(one.db, 'job-a', 'first', at(1), at(3))).toBe(true);
    expect(await renewLease(one.db, 'job-a', 'first', at(4))).toBe(true);
    expect(await takeLease(two.db, 'job-a', 'second', at(3), at(5))).toBe(false);
    // the first stops renewing (a crash): at its expiry the second takes it, and the first cannot renew any more
    expect(await takeLease(two.db, 'job-a', 'second', at(4), at(6))).toBe(true);
    expect(await renewLease(one.db, 'job-a', 'first', at(8))).toBe(false);
    expect(await takeLease(one.db, 'job-a', 'first', at(5), at(7))).toBe(false);
    expect(await findLease(two.db, 'job-a')).toEqual({ name: 'job-a', holder: 'second', expires_at: at(6) });
  });

  it('is free at once when its holder gives it up; giving up a lease one does not hold changes nothing', async () => {
    expect(await takeLease(one.db, 'job-b', 'first', at(0), at(2))).toBe(true);
    await releaseLease(two.db, 'job-b', 'second');
    expect(await takeLease(two.db, 'job-b', 'second', at(1), at(3))).toBe(false);
    await releaseLease(one.db, 'job-b', 'first');
    expect(await findLease(one.db, 'job-b')).toBeUndefined();
    expect(await takeLease(two.db, 'job-b', 'second', at(1), at(3))).toBe(true);
  });

  it('gives each turn to exactly one of several processes asking at once, and keeps leases of other jobs apart', async () => {
    for (let turn = 0; turn < 20; turn++) {
      const name = `job-c-${turn}`;
      const answers = await Promise.all([takeLease(one.db, name, 'first', at(0), at(2)), takeLease(two.db, name, 'second', at(0), at(2)), takeLease(one.db, name, 'third', at(0), at(2))]);
      expect(answers.filter(Boolean)).toHaveLength(1);
    }
    expect(await takeLease(one.db, 'job-d', 'second', at(0), at(2))).toBe(true);
  });
});

describe('RunLease', () => {
  it('runs the job in one process; the other skips, says so once, and takes over when the holder stops', async () => {
    let now = new Date(at(10));
    const clock = () => now;
    const saidA: string[] = [];
    const saidB: string[] = [];
    const a = new RunLease(one.db, 'reminder-run', 'The reminder run', { holder: 'process A', clock, log: (line) => saidA.push(line) });
    const b = new RunLease(two.db, 'reminder-run', 'The reminder run', { holder: 'process B', clock, log: (line) => saidB.push(line) });
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    now = new Date(at(11));
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    expect(saidA).toEqual([]);
    expect(saidB).toEqual(['The reminder run runs in another process (it holds the lease “reminder-run”); this process (process B) skips its turns while that lease lasts.']);

    await a.release();
    expect(await b.hold()).toBe(true);
    expect(saidB.at(-1)).toBe('The reminder run runs in this process now (process B).');
    expect(await a.hold()).toBe(false);
    expect(saidA).toHaveLength(1);
    await b.release();
    await a.release();
  });

  it('passes to another process when the holder crashed, once its lease (two minutes by default) expired', async () => {
    let now = new Date(at(20));
    const clock = () => now;
    const crashed = new RunLease(one.db, 'backup-run', 'The scheduled backup', { holder: 'crashed', clock, log: () => {} });
    const survivor = new RunLease(two.db, 'backup-run', 'The scheduled backup', { holder: 'survivor', clock, log: () => {} });
    expect(await crashed.hold()).toBe(true);
    now = new Date(now.getTime() + 119_000);
    expect(await survivor.hold()).toBe(false);
    now = new Date(now.getTime() + 1_000);
    expect(await survivor.hold()).toBe(true);
    expect((await findLease(one.db, 'backup-run'))?.holder).toBe('survivor');
    await survivor.release();
    await crashed.release();
    // the crashed one no longer held it: its release left nothing to remove, the survivor's removed its own
    expect(await findLease(one.db, 'backup-run')).toBeUndefined();
  });

  it('keeps the lease while the process lives, by renewing it every third of its length', async () => {
    const holder = new RunLease(one.db, 'renewed', 'The job', { holder: 'renewing', lastsMs: 300, log: () => {} });
    const other = new RunLease(two.db, 'renewed', 'The job', { holder: 'waiting', lastsMs: 300, log: () => {} });
    expect(await holder.hold()).toBe(true);
    const first = (await findLease(one.db, 'renewed'))!.expires_at;
    // wait for the renewal (expires_at moves) rather than for a time
    for (let i = 0; i < 200 && (await findLease(one.db, 'renewed'))!.expires_at === first; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await findLease(one.db, 'renewed'))!.expires_at > first).toBe(true);
    await holder.release();
    expect(await other.hold()).toBe(true);
    await other.release();
  });
});

describe('scheduled backups with a lease', () => {
  it('are taken by the process holding the lease; the other skips its turn and gives nothing up on stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiodesk-leased-backups-'));
    const settings = { dir, intervalHours: 24, keep: 7 };
    const quiet = { info: () => {}, error: () => {} };
    const taken: string[] = [];
    let tookTurn!: () => void;
    const holderRan = new Promise<void>((resolve) => (tookTurn = resolve));
    const holding = startBackupRuns(join(dir, 'live.db'), settings, quiet, async () => {
      taken.push('holder');
      tookTurn();
      return '';
    }, new RunLease(one.db, 'backup-run', 'The scheduled backup', { holder: 'backup holder', log: () => {} }));
    await holderRan;

    // the other process's turn: the lease is held, so its backup does not run
    let asked!: (held: boolean) => void;
    const answered = new Promise<boolean>((resolve) => (asked = resolve));
    const otherLease = new RunLease(two.db, 'backup-run', 'The scheduled backup', { holder: 'backup waiter', log: () => {} });
    const watched = { hold: async () => { const held = await otherLease.hold(); asked(held); return held; }, release: () => otherLease.release() };
    const waiting = startBackupRuns(join(dir, 'live.db'), settings, quiet, async () => {
      taken.push('other');
      return '';
    }, watched);
    expect(await answered).toBe(false);
    await waiting.stop();
    expect((await findLease(one.db, 'backup-run'))?.holder).toBe('backup holder');
    await holding.stop();
    // the fake backup leaves no file, so the holder's next turn is due at once: it may run again before it stops; the other never
    expect(taken[0]).toBe('holder');
    expect(taken.filter((who) => who !== 'holder')).toEqual([]);
    expect(await findLease(one.db, 'backup-run')).toBeUndefined();
  });
});
