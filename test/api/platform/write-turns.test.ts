/**
 * The processes of a group (REGIODESK_PROCESSES) take turns at SQLite's
 * write lock through the process that started them (db/write-turns.ts,
 * api/platform/processes/write-turns.ts), so a transaction never finds the
 * lock taken and is never put to sleep by SQLite's busy handler. Shown with
 * the busy timeout at 0: without turns, transactions that meet another
 * process's lock fail at once; with turns, none does.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteTestDatabase } from '../../support/database.js';

let database: Awaited<ReturnType<typeof sqliteTestDatabase>>;

beforeEach(async () => {
  database = await sqliteTestDatabase();
  database.sqlite.exec('create table burst (id integer primary key, writer text not null, seen integer not null)');
});
afterEach(() => database?.close());

async function group(workers: number, count: number, mode: 'turns' | 'no-turns', dies?: string) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/turn-group.ts', database.file, String(workers), String(count), mode, ...(dies ? [dies] : [])]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { name: string; failures: string[] }[];
}

const rows = () => database.sqlite.prepare('select writer, seen from burst order by id').all() as { writer: string; seen: number }[];

describe('the processes of a group writing to one SQLite file', () => {
  it('without turns, meet each other’s lock (the busy timeout at 0 makes it fail at once)', async () => {
    const reports = await group(3, 300, 'no-turns');
    expect(reports.flatMap((r) => r.failures).filter((f) => /locked|busy/i.test(f)).length).toBeGreaterThan(0);
  });

  it('with turns, never meet a taken lock: every transaction is saved and saw every commit before it', async () => {
    const reports = await group(3, 300, 'turns');
    expect(reports).toHaveLength(3);
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    const saved = rows();
    expect(saved).toHaveLength(900);
    expect(saved.every((row, i) => row.seen === i)).toBe(true);
    expect(new Set(saved.map((r) => r.writer))).toEqual(new Set(['w0', 'w1', 'w2']));
  });

  it('go on when a process ends holding its turn', async () => {
    const reports = await group(3, 100, 'turns', 'w1');
    // w1 ended in its fifth transaction without a report; the others finished every one of theirs
    expect(reports.map((r) => r.name).sort()).toEqual(['w0', 'w2']);
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    const saved = rows();
    expect(saved.filter((r) => r.writer === 'w1')).toHaveLength(4);
    expect(saved).toHaveLength(204);
  });
});
