/**
 * `npm test`: every check the project has, in order —
 *   1. the type check (svelte-check over web/, api/, db/, fixtures/, test/),
 *   2. the production build (the browser tests drive the built app),
 *   3. every vitest suite on SQLite, on the Node that runs npm (20): unit,
 *      API and end-to-end in Chromium,
 *   4. the unit and API suites again on PostgreSQL
 *      (REGIODESK_TEST_ENGINE=postgres: test/support/global-setup.ts starts
 *      a throwaway cluster as the `postgres` OS user, or uses
 *      REGIODESK_TEST_POSTGRES_URL, and each test file gets a database
 *      copied from a migrated template), on the second Node major (22; the
 *      Node itself is fetched from the npm registry the first time,
 *      scripts/second-node/run.ts).
 * Ends with one plain line `N passed, N failed` that sums every pass
 * (the type check and the build count as one check each).
 *
 * Why the PostgreSQL pass runs on Node 22, in one pass after the first:
 * the issue asks for every unit and API test on both engines and for at
 * least the API tests on a second Node major, within 30 minutes of CI on
 * this 2-core machine. Measured (2 cores, shared; figures in the branch
 * pg-suite's report): the unit and API tests take about 4–6 minutes per
 * pass on either engine (PostgreSQL about a tenth slower, its server
 * sharing the cores), the whole first pass with the browser tests about 8,
 * type check and build about 3–4. A third pass (SQLite on Node 22 as well)
 * would bring CI to 23–33 minutes; running the PostgreSQL pass beside the
 * first gains nothing on two cores (both already use every core) and makes
 * the browser tests' timings race. So the second engine and the second
 * major share one pass: Node 22 runs every API test (on PostgreSQL) and,
 * through the tests that work on SQLite files whatever the engine
 * (backups, storage faults, the scale workspace, SQLite's plans are left
 * out), better-sqlite3 built for it.
 * Each engine's plan tests run only in its pass (vitest.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}: ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

const checked = step('type check', 'npm', ['run', '--silent', 'check']);
checked ? passed++ : failed++;
const built = step('build', 'npm', ['run', '--silent', 'build']);
built ? passed++ : failed++;

mkdirSync('.vitest', { recursive: true });

/** Runs a vitest suite that writes a JSON report, and adds its tests to the sums. */
function suite(name: string, report: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  rmSync(report, { force: true });
  const before = failed;
  const tested = step(name, command, args, env);
  if (existsSync(report)) {
    const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: { status: string }[] };
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // a test file that fails to load has no failed test but is a failure all the same
    if (results.numFailedTests === 0) failed += results.testResults.filter((file) => file.status === 'failed').length;
  }
  if (!tested && failed === before) failed++;
}

const report = '.vitest/results.json';
// the first pass on SQLite whatever the caller's environment says
suite('tests on SQLite', report, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { REGIODESK_TEST_ENGINE: 'sqlite' });
const postgresReport = '.vitest/results-postgres-node-22.json';
// a worker per core (vitest's default leaves one core out): each waits on the PostgreSQL server about half the time
const workers = `--maxWorkers=${availableParallelism()}`;
suite('unit and API tests on PostgreSQL, on Node 22', postgresReport, 'npx', ['tsx', 'scripts/second-node/run.ts', postgresReport, workers, 'test/unit', 'test/api'], { REGIODESK_TEST_ENGINE: 'postgres' });

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
