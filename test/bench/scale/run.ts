/**
 * `npm run bench:scale`: issue 9's scale benchmark. For each size (small,
 * then large) it builds the workspace into a temporary folder, starts the
 * real product on it as its own process, signs in over HTTP as the officer
 * (who sees about half the organisations) and as the administrator, and
 * measures every route with autocannon at 16 connections (every user warms a
 * route before either is measured); then prints the
 * table, the growth from small to large and the targets, and writes the
 * figures as JSON (compared with the previous JSON when there is one).
 * It prints, never fails: the exit code is 0 unless it could not run.
 *
 *   npm run bench:scale                                  both sizes, every route, officer and admin
 *   npm run bench:scale -- --size=large --only=organisations,timeline
 *   npm run bench:scale -- --size=small --users=officer --duration=3 --warmup=0
 *   npm run bench:scale -- --workspaces=/tmp/scale       keep the built workspaces there and reuse them next time
 *   npm run bench:scale -- --out=before.json             where the JSON goes (default .vitest/bench-scale.json)
 *   npm run bench:scale -- --settle=15                   restart the server when still busy this many seconds after a route
 *   npm run bench:scale -- --processes=1                 the server's REGIODESK_PROCESSES (default auto: one per core, as README recommends)
 *   npm run bench:scale -- --rounds=3                    each route's duration is cut into this many rounds (see below)
 *   npm run bench:scale -- --engine=postgres             the same workspace in PostgreSQL, on a throwaway cluster (engine.ts)
 *   npm run bench:scale -- --engine=postgres --postgres-url=postgres://postgres@127.0.0.1:5432/postgres   … on that server
 *
 * Rounds: a shared machine's speed drifts by a third or more within a minute
 * (other virtual machines on the same host), so the users and the bare
 * /api/health are measured turn about, round by round, for each route
 * (health, officer, admin, health, officer, admin, …), and each user's row
 * is the round with the median req/s. A route's share of health is taken
 * against the median health of its own rounds, measured seconds apart, not
 * against one health run minutes earlier.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrationNames } from '../../../db/migrate.js';
import { expectedStatus, type LoadOptions, measure, probe, probeHealthBeside, settle } from './measure.js';
import { type Row, type SizeResult, growthOf, printGrowth, printSize, printTargets } from './report.js';
import { type BenchRequest, type BenchRoute, benchRoutes } from './routes.js';
import { type BenchEngine, benchEngine } from './engine.js';
import { type ProductServer, startProductServer } from './server.js';
import { SIZES, type ScaleWorkspace, type SizeName, buildScaleWorkspace } from './workspace.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'small,large' },
    only: { type: 'string' },
    users: { type: 'string', default: 'officer,admin' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '16' },
    out: { type: 'string' },
    settle: { type: 'string', default: '15' },
    workspaces: { type: 'string' },
    processes: { type: 'string', default: 'auto' },
    rounds: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'sqlite' },
    'postgres-url': { type: 'string' }
  }
});
/** the product as deployed: REGIODESK_PROCESSES (checked by the product itself, which says why it refuses a value) */
const serverEnv = { REGIODESK_PROCESSES: args.processes };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const sizes = args.size.split(',').map((s) => s.trim()) as SizeName[];
for (const size of sizes) if (!(size in SIZES)) fail(`Unknown size "${size}": use ${Object.keys(SIZES).join(', ')} (comma-separated for several).`);
const users = args.users.split(',').map((u) => u.trim());
const load: LoadOptions = { connections: Number(args.connections), duration: Number(args.duration), warmup: Number(args.warmup) };
if (![load.connections, load.duration, load.warmup].every((n) => Number.isFinite(n) && n >= 0) || load.connections < 1 || load.duration <= 0) {
  fail('--connections, --duration and --warmup take positive numbers (seconds for the last two).');
}
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) fail('--rounds takes a whole number from 1 to 20.');
/** one round's load: the route's duration shared among the rounds */
const roundLoad: LoadOptions = { ...load, duration: load.duration / rounds, warmup: 0 };
const only = args.only ? new Set(args.only.split(',').map((k) => k.trim())) : null;
if (only) {
  const known = benchRoutes({ workspace: { officerWritableSample: [] } as unknown as ScaleWorkspace, calendarToken: '', calendarEtag: '' }).map((r) => r.key);
  const unknown = [...only].filter((k) => !known.includes(k));
  if (unknown.length) fail(`Unknown route ${unknown.join(', ')}: choose from ${known.join(', ')}.`);
}

// the product as `npm start` serves it: build the web app when it is missing or older than its sources
const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-if-stale.ts'], { stdio: 'inherit' });
if (built.status !== 0) fail('The web app could not be built (npm run build); the benchmark needs it.');

/** the engine measured (--engine): where its workspaces live and, for PostgreSQL, its server (engine.ts) */
const engine: BenchEngine = await benchEngine({ engine: args.engine, postgresUrl: args['postgres-url'], keep: Boolean(args.workspaces) }).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error))
);
/** where the figures go: one file per engine, so the next run compares like with like */
const outFile = args.out ?? (engine.name === 'sqlite' ? '.vitest/bench-scale.json' : `.vitest/bench-scale-${engine.name}.json`);

/** The built workspace of this size on the engine measured (always built on SQLite first). */
const workspaceFor = (size: SizeName, dir: string) => engine.workspaceFor(size, dir, () => sqliteWorkspaceFor(size, dir));

/** the files that generate a workspace (not those that measure it) */
const GENERATOR = ['workspace.ts', 'cast.ts', 'ids.ts', 'names.ts', 'words.ts'];

/** What the kept workspaces were built with: the migrations and the generator's own source (a changed generator builds anew). */
function buildRecipe(): { migrations: string[]; generator: string } {
  const here = dirname(new URL(import.meta.url).pathname);
  const hash = createHash('sha256');
  for (const name of GENERATOR) hash.update(name).update(readFileSync(join(here, name)));
  return { migrations: migrationNames(), generator: hash.digest('hex').slice(0, 16) };
}

/** The built SQLite workspace of this size: reused from --workspaces when there, else built (into a temporary folder without --workspaces). */
async function sqliteWorkspaceFor(size: SizeName, dir: string): Promise<{ workspace: ScaleWorkspace; reused: boolean }> {
  const file = join(dir, `scale-${size}.db`);
  const manifest = `${file}.json`;
  if (existsSync(file) && existsSync(manifest)) {
    const kept = JSON.parse(readFileSync(manifest, 'utf8')) as ScaleWorkspace & { migrations?: string[]; generator?: string };
    // a workspace built before a new migration or by another generator is built again, not migrated in place (the run measures what a fresh build gives)
    const recipe = buildRecipe();
    if (JSON.stringify(kept.migrations) === JSON.stringify(recipe.migrations) && kept.generator === recipe.generator) return { workspace: kept, reused: true };
    console.log(`the kept ${size} workspace predates the current migrations or generator: building it again`);
  }
  rmSync(file, { force: true });
  console.log(`building the ${size} workspace (${SIZES[size].organisations.toLocaleString('en')} organisations, ${SIZES[size].interactions.toLocaleString('en')} interactions, ${SIZES[size].calls.toLocaleString('en')} calls)…`);
  const workspace = await buildScaleWorkspace(file, SIZES[size]);
  writeFileSync(manifest, JSON.stringify({ ...workspace, ...buildRecipe() }, null, 2));
  console.log(`  built in ${workspace.seconds.toFixed(1)} s: ${file}`);
  return { workspace, reused: false };
}

async function signIn(server: ProductServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, password })
  });
  const cookie = response.headers.getSetCookie().find((c) => c.includes('='))?.split(';')[0];
  if (!response.ok || !cookie) fail(`Signing in as ${email} answered ${response.status}: ${await response.text()}`);
  return cookie;
}

/** A fresh personal calendar feed of the signed-in user (older ones revoked: a user has at most 10), and its ETag now. */
async function calendarFeed(server: ProductServer, cookie: string): Promise<{ token: string; etag: string; writtenMs: number }> {
  const headers = { Cookie: cookie, Origin: server.url };
  const feeds = (await (await fetch(`${server.url}/api/calendar/feeds`, { headers })).json()) as { items: { id: string; revokedAt: string | null }[] };
  for (const feed of feeds.items.filter((f) => f.revokedAt === null)) await fetch(`${server.url}/api/calendar/feeds/${feed.id}`, { method: 'DELETE', headers });
  const response = await fetch(`${server.url}/api/calendar/feeds`, { method: 'POST', headers });
  if (response.status !== 201) fail(`Creating a calendar feed answered ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  // the first download writes the feed (as a calendar's first fetch after a change would)
  const started = performance.now();
  const feed = await fetch(`${server.url}/api/calendar.ics?token=${encodeURIComponent(token)}`, { headers: { 'accept-encoding': 'gzip' } });
  await feed.arrayBuffer();
  const writtenMs = performance.now() - started;
  const etag = feed.headers.get('etag');
  if (!feed.ok || !etag) fail(`The calendar feed answered ${feed.status}${etag ? '' : ' without an ETag'}.`);
  return { token, etag, writtenMs };
}

/** The slowest of a few downloads one after the other, ms: how long one calendar waits for the whole feed. */
async function aloneMs(url: string, request: BenchRequest): Promise<number> {
  let slowest = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await (await fetch(url + request.path, { headers: request.headers })).arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}

/**
 * The product under test. A route so slow that the requests autocannon gave
 * up on would keep the server busy for long after (16 × the time of one)
 * gets the server restarted instead, on the same database (sessions stay), so
 * the whole run stays within minutes; its memory is read before it stops.
 */
interface Product {
  server: ProductServer;
  file: string;
  restarts: number;
  /** the highest VmRSS read before a restart, MB */
  peakRssMb: number | null;
}

/** how long a server may stay busy after a route before it is restarted (--settle) */
const SETTLE_SECONDS = Number(args.settle) || 15;

/** Load on the route for the warm-up seconds, not measured (a route slower than a second alone is skipped: its warm-up would only pile up requests). */
async function warmRoute(product: Product, route: BenchRoute, cookie: string | null): Promise<void> {
  if (load.warmup <= 0) return;
  const headers: Record<string, string> = {};
  if (route.signedIn && cookie) headers.cookie = cookie;
  if (route.requests.some((r) => r.method !== 'GET')) headers.origin = product.server.url;
  if ((await probe(product.server.url, route.requests[0]!, headers)).ms > 1000) return;
  await measure(product.server.url, route.requests, headers, { ...load, duration: load.warmup, warmup: 0 }, route.status);
}

async function measureRoute(product: Product, route: BenchRoute, user: string, cookie: string | null, options: LoadOptions = load): Promise<Row> {
  const server = product.server;
  const headers: Record<string, string> = {};
  if (route.signedIn && cookie) headers.cookie = cookie;
  if (route.requests.some((r) => r.method !== 'GET')) headers.origin = server.url;
  const first = await probe(server.url, route.requests[0]!, headers);
  // a route slower than a second alone is warm after the probe; its warm-up would only pile up requests
  const beside = route.kind === 'feed' ? probeHealthBeside(server.url) : null;
  const measured = await measure(server.url, route.requests, headers, { ...options, warmup: first.ms > 1000 ? 0 : options.warmup }, route.status);
  const healthBeside = beside ? await beside.stop() : undefined;
  const alone = route.kind === 'feed' ? await aloneMs(server.url, route.requests[0]!) : undefined;
  const firstProblem = expectedStatus(first.status, route.status) ? measured.firstProblem : `${first.status} ${first.body.slice(0, 200)}`;
  const { seconds, settled } = await settle(server.url, SETTLE_SECONDS);
  let after = seconds > 1 ? `  (the server needed ${seconds.toFixed(0)} s to finish what was left)` : '';
  if (!settled) {
    const rss = server.rssMb();
    if (rss !== null) product.peakRssMb = Math.max(product.peakRssMb ?? 0, rss);
    await server.kill();
    product.server = await startProductServer(product.file, serverEnv);
    product.restarts++;
    after = `  (still busy ${SETTLE_SECONDS} s later: restarted the server)`;
  }
  const row: Row = { ...measured, firstProblem, route: route.key, label: route.label, kind: route.kind, user, ofHealth: null, healthBeside, aloneMs: alone, firstMs: route.coldMs ?? first.ms };
  console.log(
    `  ${route.key.padEnd(20)} ${user.padEnd(8)} ${row.rps.toFixed(1).padStart(8)} req/s  p50 ${String(row.p50 ?? `>${options.duration * 1000}`).padStart(6)} ms  p99 ${String(row.p99 ?? `>${options.duration * 1000}`).padStart(6)} ms` +
      `${row.unexpected ? `  ${row.unexpected} unexpected` : ''}` +
      `${healthBeside ? `  (/api/health beside it: p99 ${healthBeside.p99?.toFixed(0)} ms; the first download, written then, ${(route.coldMs ?? first.ms).toFixed(0)} ms; one alone after ${alone?.toFixed(0)} ms)` : ''}${after}`
  );
  return row;
}

/**
 * The round with the median req/s (the upper one of an even count), standing
 * for all: its req/s and latencies; the counts of unexpected answers and
 * errors are those of every round.
 */
function medianRound(measured: Row[]): Row {
  const sorted = [...measured].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const sum = (pick: (r: Row) => number) => measured.reduce((total, r) => total + pick(r), 0);
  return { ...median, completed: sum((r) => r.completed), unexpected: sum((r) => r.unexpected), errors: sum((r) => r.errors), firstProblem: measured.find((r) => r.firstProblem)?.firstProblem ?? null };
}

async function runSize(size: SizeName, dir: string): Promise<SizeResult> {
  const { workspace } = await workspaceFor(size, dir);
  const product: Product = { server: await startProductServer(workspace.file, serverEnv), file: workspace.file, restarts: 0, peakRssMb: null };
  try {
    const sessions = new Map<string, { cookie: string; routes: BenchRoute[] }>();
    for (const user of users) {
      const account = workspace.users[user];
      if (!account) fail(`No user "${user}" in the workspace: choose from ${Object.keys(workspace.users).join(', ')}.`);
      const cookie = await signIn(product.server, account.email, workspace.password);
      const feed = await calendarFeed(product.server, cookie);
      const routes = benchRoutes({ workspace, calendarToken: feed.token, calendarEtag: feed.etag, calendarWrittenMs: feed.writtenMs }).filter((r) => r.kind !== 'baseline' && (!only || only.has(r.key)));
      sessions.set(user, { cookie, routes });
    }
    console.log(`measuring ${size} at ${load.connections} connections, ${load.duration} s each after ${load.warmup} s warm-up, in ${rounds} rounds of ${roundLoad.duration.toFixed(1)} s turn about with /api/health`);
    const health = benchRoutes({ workspace, calendarToken: '', calendarEtag: '' }).find((r) => r.kind === 'baseline')!;
    await warmRoute(product, health, null);
    const healthRounds: Row[] = [];
    const rows: Row[] = [];
    const routeKeys = [...new Set([...sessions.values()].flatMap((s) => s.routes.map((r) => r.key)))];
    for (const key of routeKeys) {
      // every user warms the route before anyone is measured: the first user measured would otherwise pay for the JIT and the page cache alone
      for (const session of sessions.values()) await warmRoute(product, session.routes.find((r) => r.key === key)!, session.cookie);
      const healthHere: Row[] = [];
      const byUser = new Map<string, Row[]>();
      for (let round = 0; round < rounds; round++) {
        healthHere.push(await measureRoute(product, health, '-', null, roundLoad));
        for (const [user, session] of sessions) {
          const measured = await measureRoute(product, session.routes.find((r) => r.key === key)!, user, session.cookie, roundLoad);
          byUser.set(user, [...(byUser.get(user) ?? []), measured]);
        }
      }
      healthRounds.push(...healthHere);
      const healthRps = medianRound(healthHere).rps;
      for (const measured of byUser.values()) {
        const row = medianRound(measured);
        rows.push({ ...row, ofHealth: healthRps > 0 ? row.rps / healthRps : null });
      }
    }
    // the health row: the median of every health round of the run
    const healthRow = medianRound(healthRounds);
    rows.unshift({ ...healthRow, ofHealth: 1 });
    const rssMb = product.server.rssMb();
    return {
      size,
      processes: product.server.processes(),
      ...workspace.size,
      buildSeconds: workspace.seconds,
      durationSeconds: roundLoad.duration,
      officerVisibleOrganisations: workspace.officerVisibleOrganisations,
      rssMb,
      peakRssMb: product.peakRssMb,
      restarts: product.restarts,
      rows
    };
  } catch (error) {
    console.error(product.server.output().slice(-4000));
    throw error;
  } finally {
    await product.server.stop();
  }
}

function commit(): string | null {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The previous run's req/s beside this run's, route by route. */
function printComparison(previous: { at: string; commit: string | null; sizes: SizeResult[] }, results: SizeResult[]): void {
  const lines: string[] = [];
  for (const s of results) {
    const before = previous.sizes.find((p) => p.size === s.size);
    for (const r of s.rows) {
      const old = before?.rows.find((p) => p.route === r.route && p.user === r.user);
      if (old) lines.push(`  ${s.size.padEnd(6)} ${r.route.padEnd(20)} ${r.user.padEnd(8)} ${old.rps.toFixed(1).padStart(8)} → ${r.rps.toFixed(1).padStart(8)} req/s  (${old.rps > 0 ? (r.rps / old.rps).toFixed(2) : '—'}×)`);
    }
  }
  if (lines.length) console.log(`\ncompared with the previous run (${previous.at}, commit ${previous.commit ?? '?'})\n${lines.join('\n')}`);
}

const results: SizeResult[] = [];
console.log(`engine: ${engine.where}`);
try {
  for (const size of sizes) {
    const dir = args.workspaces ?? mkdtempSync(join(tmpdir(), 'regiodesk-scale-'));
    mkdirSync(dir, { recursive: true });
    try {
      results.push({ ...(await runSize(size, dir)), engine: engine.name });
    } finally {
      if (!args.workspaces) rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await engine.stop();
}

for (const result of results) printSize(result);
const small = results.find((r) => r.size === 'small');
const large = results.find((r) => r.size === 'large');
const growth = small && large ? growthOf(small, large) : [];
if (growth.length) printGrowth(growth);
const met = printTargets(results, growth);
console.log(`\n${met ? 'every measured target is met' : 'some targets are not met yet (see ✘ above)'}`);

const report = { at: new Date().toISOString(), commit: commit(), node: process.version, cpus: cpus().length, engine: engine.name, load, sizes: results, growth };
const previous = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as typeof report) : null;
if (previous) printComparison(previous, results);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2));
console.log(`\nfigures written to ${outFile}`);
