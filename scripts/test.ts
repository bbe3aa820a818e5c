/**
 * `npm test`: every check the project has, in order —
 *   1. the type check (svelte-check over web/, api/, db/, fixtures/, test/),
 *   2. the production build (the browser tests drive the built app),
 *   3. every vitest suite: unit, API and end-to-end in Chromium.
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
const report = '.vitest/results.json';
rmSync(report, { force: true });
const tested = step('tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: { status: string; message?: string; name: string }[] };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // a test file that fails to load has no failed test but is a failure all the same
  for (const file of results.testResults) if (file.status === 'failed' && results.numFailedTests === 0) failed++;
} else if (!tested) {
  failed++;
}
if (!tested && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
