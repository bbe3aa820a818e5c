/**
 * `npm run bench`: timings, printed, never asserted.
 * - process start: `server.ts` over the built web app on a new database file,
 *   until /api/health answers (skipped when there is no build: `npm run build`);
 * - cold start: open a new database file, migrate, seed the demo, build the app;
 * - API latency through the real app (in-process `app.request`) for the hot reads.
 * Run on an otherwise idle machine; compare runs on the same machine only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../../api/bootstrap.js';
import { existsSync } from 'node:fs';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';
import { startServer } from '../e2e/support/server.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

if (existsSync('build/handler.js')) {
  const t = performance.now();
  const server = await startServer();
  console.log(`process start to first /api/health answer (migrate + demo seed + web): ${(performance.now() - t).toFixed(0)} ms`);
  await server.stop();
} else {
  console.log('process start: skipped (run `npm run build` first)');
}

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-bench-'));
try {
  const t0 = performance.now();
  const started = await bootstrap({ ...process.env, DATABASE_URL: join(dir, 'bench.db'), REGIODESK_DEMO: '1' });
  const coldStart = performance.now() - t0;
  console.log(`cold start (migrate + demo seed + app): ${coldStart.toFixed(0)} ms`);

  const signIn = await started.app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password })
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const routes = ['/api/organisations?limit=50', '/api/people?limit=50', '/api/partnerships', '/api/search?q=univ', '/api/search?q=Lowen', '/api/regions'];
  const rounds = 200;
  for (const path of routes) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const response = await started.app.request(path, { headers: { Cookie: cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${path.padEnd(32)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   (${rounds} requests)`);
  }
  await started.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
