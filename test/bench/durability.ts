/**
 * Part of `npm run bench`: what durability and password checks cost.
 * - 2,000 POST /api/interactions in-process (sequential, each its own
 *   commit) with REGIODESK_SQLITE_SYNCHRONOUS=normal and =full, each on a
 *   new demo database: writes per second and p50/p95;
 * - the password checker: loading its dictionaries once (first check) and
 *   one check after that, for a weak and a strong password.
 * Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { passwordChecker, passwordWeakness } from '../../api/platform/auth/password-strength.js';
import { bootstrap } from '../../api/bootstrap.js';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';

const WRITES = 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function writes(synchronous: 'normal' | 'full'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-bench-sync-'));
  try {
    const started = await bootstrap({ ...process.env, DATABASE_URL: join(dir, 'bench.db'), REGIODESK_DEMO: '1', REGIODESK_SQLITE_SYNCHRONOUS: synchronous });
    const signIn = await started.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password })
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const organisations = (await (await started.app.request('/api/organisations?limit=10', { headers: { Cookie: cookie } })).json()) as { items: { id: string }[] };
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < WRITES; i++) {
      const t = performance.now();
      const response = await started.app.request('/api/interactions', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'http://localhost' },
        body: JSON.stringify({ kind: 'note', occurredAt: '2026-12-07T09:30:00Z', summary: `Bench write ${i}.`, organisationId: organisations.items[i % organisations.items.length]!.id })
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`POST /api/interactions answered ${response.status}`);
      times.push(performance.now() - t);
    }
    const seconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `${`POST /api/interactions, synchronous=${synchronous}`.padEnd(44)} ${(WRITES / seconds).toFixed(0)} writes/s   p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   (${WRITES} writes)`
    );
    await started.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDurability(): Promise<void> {
  await writes('normal');
  await writes('full');

  const t = performance.now();
  await passwordChecker();
  console.log(`password checker: dictionaries loaded on first use in ${(performance.now() - t).toFixed(0)} ms`);
  for (const [label, password] of [['weak (password1234)', 'password1234'], ['strong passphrase', 'kettle orbit Lindenblatt zeventien']] as const) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await passwordWeakness(password, { email: 'maria.schmidt@example.org', name: 'Maria Schmidt' });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`password check, ${label}: p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   (20 checks)`);
  }
}
