/**
 * Several processes writing to one SQLite file (REGIODESK_PROCESSES, or two
 * `npm start` on one file) each wait their turn: a transaction that reads
 * before it writes takes the write lock first (`begin immediate`,
 * db/statement-cache.ts), so none is refused with SQLITE_BUSY — which, with
 * SQLite's default deferred transactions, happened to every transaction
 * whose read came before another process's commit (the benchmark's
 * POST /api/interactions answered 503 to about one in ten).
 *
 * About SQLite's file locking: a SQLite file in both passes of `npm test`
 * (sqliteTestDatabase), whatever REGIODESK_TEST_ENGINE says.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteTestDatabase } from '../../support/database.js';

let database: Awaited<ReturnType<typeof sqliteTestDatabase>>;

beforeAll(async () => {
  database = await sqliteTestDatabase();
  database.sqlite.exec('create table burst (id integer primary key, writer text not null, seen integer not null)');
});
afterAll(() => database?.close());

function burst(name: string, count: number): Promise<{ failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/write-burst.ts', database.file, String(count), name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`writer ${name} ended with ${code}: ${err}`))));
  });
}

describe('several processes writing to one SQLite file', () => {
  it('wait their turn: every transaction that reads, then writes, is saved, and each saw every commit before it', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((name) => burst(name, 300)));
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    const rows = database.sqlite.prepare('select writer, seen from burst order by id').all() as { writer: string; seen: number }[];
    expect(rows).toHaveLength(900);
    // serialised: the n-th row saw exactly the n-1 rows before it
    expect(rows.every((row, i) => row.seen === i)).toBe(true);
    expect(new Set(rows.map((r) => r.writer))).toEqual(new Set(['a', 'b', 'c']));
  });
});
