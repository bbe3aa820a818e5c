/**
 * `npm test`: every check the project has, in order —
 *   1. the type check (svelte-check over web/, api/, db/, fixtures/, test/),
 *   2. the production build (the browser tests drive the built app),
 *   3. every vitest suite: unit, API and end-to-end in Chromium,
 *   4. the unit and API suites again on a second Node major (22; the
 *      Node itself is fetched from the npm registry the first time,
 *      scripts/second-node/run.ts).
 * Ends with one plain line `N passed, N failed` that sums them all
 * (the type check and the build count as one check each).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
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
function suite(name: string, report: string, command: string, args: string[]): void {
  rmSync(report, { force: true });
  const before = failed;
  const tested = step(name, command, args);
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
suite('tests', report, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
const secondReport = '.vitest/results-node-22.json';
suite('unit and API tests on Node 22', secondReport, 'npx', ['tsx', 'scripts/second-node/run.ts', secondReport, 'test/unit', 'test/api']);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
