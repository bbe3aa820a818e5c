/**
 * `npm run bench`: timings, printed, never asserted.
 * - process start: `server.ts` over the built web app on a new database file,
 *   until /api/health answers (skipped when there is no build: `npm run build`);
 * - cold start: open a new database file, migrate, seed the demo, build the app;
 * - API latency through the real app (in-process `app.request`) for the hot reads;
 * - writes with synchronous=normal and =full, and the password checker (durability.ts).
 * Run on an otherwise idle machine; compare runs on the same machine only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../../api/bootstrap.js';
import { existsSync } from 'node:fs';
import { demoIds } from '../../fixtures/demo.js';
import { DEMO_SIGN_IN } from '../../fixtures/users.js';
import { startServer } from '../e2e/support/server.js';
import { benchDurability } from './durability.js';
import { personRightsTimings } from './person-rights.js';

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

/** the demo is dated for one day of November, so every run reads the same workspace: both plans, last year's evaluation adopted and this year's in draft (fixtures/demo-calendar.ts) */
const DEMO_DATE = '2026-11-20';
const YEAR = Number(DEMO_DATE.slice(0, 4));

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-bench-'));
try {
  const t0 = performance.now();
  const started = await bootstrap({ ...process.env, DATABASE_URL: join(dir, 'bench.db'), REGIODESK_DEMO: '1', REGIODESK_DEMO_DATE: DEMO_DATE });
  const coldStart = performance.now() - t0;
  console.log(`cold start (migrate + demo seed + app): ${coldStart.toFixed(0)} ms`);

  const signIn = await started.app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password })
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  async function time(label: string, rounds: number, request: () => Response | Promise<Response>): Promise<void> {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      const response = await request();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${label} answered ${response.status}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(32)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   (${rounds} requests)`);
  }

  // the overview (the officer's cockpit) is one read composed from many: its cost beside a plain list's
  const routes = ['/api/overview', '/api/organisations?limit=50', '/api/people?limit=50', '/api/partnerships', '/api/search?q=univ', '/api/search?q=Lowen', '/api/regions'];
  const rounds = 200;
  for (const path of routes) await time(path, rounds, () => started.app.request(path, { headers: { Cookie: cookie } }));

  // the annual cycle of the demo partnership: reads, live figures, documents, and co-edited writes
  const get = async (path: string) => (await started.app.request(path, { headers: { Cookie: cookie } })).json();
  const partnershipId = demoIds.partnership('rnVb2025');
  const plan = (await get(`/api/workplans?partnershipId=${partnershipId}&year=${YEAR}`)).items[0];
  const evaluation = (await get(`/api/evaluations?partnershipId=${partnershipId}&year=${YEAR}`)).items[0];
  const cycleRoutes = [
    `/api/workplans/${plan.id}`,
    `/api/evaluations/${evaluation.id}`,
    `/api/evaluations?partnershipId=${partnershipId}&from=2017&to=${YEAR}`,
    `/api/partnerships/${partnershipId}/obligations?year=${YEAR}`
  ];
  for (const path of cycleRoutes) await time(path, 100, () => started.app.request(path, { headers: { Cookie: cookie } }));
  for (const path of [`/api/workplans/${plan.id}.docx`, `/api/evaluations/${evaluation.id}.docx`]) await time(path, 10, () => started.app.request(path, { headers: { Cookie: cookie } }));
  const item = (await get(`/api/workplans/${plan.id}`)).items[0];
  let version = item.version;
  const statuses = ['in_progress', 'done'];
  await time('PATCH work plan item (If-Match)', 200, async () => {
    const response = await started.app.request(`/api/workplans/${plan.id}/items/${item.id}`, {
      method: 'PATCH',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'If-Match': `"${version}"`, Origin: 'http://localhost' },
      body: JSON.stringify({ status: statuses[version % 2] })
    });
    const body = response.ok ? await response.clone().json() : null;
    if (body) version = body.item.version;
    return response;
  });
  if (started.engine !== 'sqlite') throw new Error('npm run bench runs on a SQLite file.');
  await personRightsTimings(started.app, started, { Cookie: cookie }, time);
  await started.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// synchronous=normal against full, and the password checker (durability.ts)
await benchDurability();
