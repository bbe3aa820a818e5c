/**
 * The unit and API tests again on a second Node major (`npm test` runs this
 * after the suite on the Node that runs npm): RegioDesk supports Node 20, 22
 * and 24 (package.json `engines`). The other Node comes from the npm
 * registry (`node-<platform>-<arch>@22`, the official build with its
 * headers) into `.vitest/node-22/`, kept for the next run. better-sqlite3 is
 * the one native module built against one Node's ABI (the others are
 * N-API): a copy is built from its sources for that Node beside it (about a
 * minute, once), and `sqlite-binding.mjs` points the tests' imports at it.
 *
 * Usage: tsx scripts/second-node/run.ts <json report> [vitest filters…]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAJOR = '22';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const home = join(root, '.vitest', `node-${MAJOR}`);
const [report, ...filters] = process.argv.slice(2);
if (!report) throw new Error('Usage: tsx scripts/second-node/run.ts <json report> [vitest filters…]');

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): void {
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} ended with ${result.status ?? result.signal}`);
}

/** The Node binary of the second major, fetched from the registry when not there yet. */
function secondNode(): string {
  const node = join(home, 'package', 'bin', 'node');
  if (existsSync(node)) return node;
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  console.log(`fetching Node ${MAJOR} (node-${process.platform}-${process.arch}) from the npm registry`);
  run('npm', ['pack', `node-${process.platform}-${process.arch}@${MAJOR}`, '--pack-destination', home, '--silent'], { quiet: true });
  const tarball = readdirSync(home).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no tarball in ${home}`);
  run('tar', ['-xzf', join(home, tarball), '-C', home]);
  rmSync(join(home, tarball));
  return node;
}

/** better-sqlite3 built for `node` (its version names the folder, so a newer Node builds anew). */
function sqliteFor(node: string): string {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const copy = join(home, `better-sqlite3-${version}`);
  if (existsSync(join(copy, 'build', 'Release', 'better_sqlite3.node'))) return copy;
  rmSync(copy, { recursive: true, force: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  for (const part of ['binding.gyp', 'deps', 'lib', 'src', 'package.json']) cpSync(join(source, part), join(copy, part), { recursive: true });
  const gyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const npmGyp = existsSync(gyp) ? gyp : join(spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  console.log(`building better-sqlite3 for Node ${version} (once)`);
  // npm hands its settings down as npm_config_* (a machine may set nodedir to the installed Node's headers): the build takes this Node's own
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  const headers = join(home, 'package');
  run(node, [npmGyp, 'rebuild', '--release', `--nodedir=${headers}`, '-j', 'max'], { cwd: copy, env: { ...env, npm_config_nodedir: headers, PATH: `${dirname(node)}:${process.env.PATH}` }, quiet: true });
  return copy;
}

const node = secondNode();
const sqlite = sqliteFor(node);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const env = {
  ...process.env,
  // child processes the tests start (the product, backups) run on the same Node
  PATH: `${dirname(node)}:${process.env.PATH}`,
  REGIODESK_SQLITE_PACKAGE: sqlite,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${join(root, 'scripts', 'second-node', 'sqlite-binding.mjs')}`.trim()
};
const result = spawnSync(node, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filters], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
