/**
 * A large portal import leaves the event loop its turns: while the file is
 * read and while its calls are written, setImmediate callbacks keep
 * running, and the writing commits in transactions shorter than a batch,
 * so whatever runs in between sees calls of a batch already stored (on
 * either engine: on PostgreSQL another connection sees them committed).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_SIZE } from '../../../api/funding/services/call-import.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import type { Handle } from '../../support/database.js';
import { firstRow } from '../../support/sql.js';

const NOW = '2026-11-23T10:00:00Z';
const RECORDS = 2 * BATCH_SIZE + 100;

let h: ClockedHarness;
let file: string;

beforeAll(async () => {
  h = await clockedHarness(NOW);
  const bulk = JSON.parse(readFileSync(new URL('../../fixtures/portal/grantsTenders.json', import.meta.url), 'utf8'));
  const template = bulk.fundingData.GrantTenderObj[0];
  const records = Array.from({ length: RECORDS }, (_, i) => ({ ...template, identifier: `HORIZON-TURNS-2027-${i}`, title: `Topic ${i}` }));
  file = JSON.stringify({ fundingData: { GrantTenderObj: records } });
});
afterAll(async () => {
  await reader?.close();
  await h.close();
});

/** Runs `work` while a setImmediate callback notes, at every turn of the event loop, what `look` sees. */
async function whileTurning<T>(work: () => Response | Promise<Response>, look: () => T | Promise<T>): Promise<{ response: Response; seen: T[] }> {
  const seen: T[] = [];
  let done = false;
  const turn = async () => {
    if (done) return;
    seen.push(await look());
    setImmediate(turn);
  };
  setImmediate(turn);
  const response = await work();
  await response.text();
  done = true;
  return { response, seen };
}

const upload = (dryRun: boolean) =>
  h.app.request(`/api/calls/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${h.world.users.officer.token}` },
    // one string: the whole file reaches the import as a single chunk
    body: file
  });

const COUNT = "SELECT count(*) AS n FROM calls WHERE identifier LIKE 'HORIZON-TURNS-%'";
/**
 * The calls stored so far, as another reader sees them: on SQLite read synchronously between two turns of the event loop
 * (SQLite's own handle); on PostgreSQL through a second connection (h.reopen(), as another process), which sees what
 * the import has committed, a turn of the event loop at a time.
 */
const storedCalls = async (): Promise<number> => {
  if (h.engine === 'sqlite') return (h.sqlite.prepare(COUNT).get() as { n: number }).n;
  reader ??= await h.reopen();
  return (await firstRow<{ n: number }>(reader, COUNT))!.n;
};
let reader: Handle | undefined;

describe('a large portal import', () => {
  it('reads a file that arrives in one piece with turns of the event loop in between (dry run)', async () => {
    const { response, seen } = await whileTurning(() => upload(true), () => 1);
    expect(response.status).toBe(200);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('writes its calls in transactions shorter than a batch, with turns in between', async () => {
    const { response, seen } = await whileTurning(() => upload(false), storedCalls);
    expect(response.status).toBe(200);
    expect(await storedCalls()).toBe(RECORDS);
    // between turns the stored calls grew by less than a batch at a time
    const counts = [...new Set(seen)];
    expect(counts.some((n) => n > 0 && n < RECORDS && n % BATCH_SIZE !== 0)).toBe(true);
  });
});
