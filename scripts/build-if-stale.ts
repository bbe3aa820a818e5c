/**
 * Part of `npm start`: compiles the words (i18n/) when they changed, then
 * builds the web app when the build is missing or older than its sources.
 * The start script then execs server.ts (which migrates, seeds and serves),
 * so SIGTERM reaches the server itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessages } from './i18n/compile.js';

const stamp = join('build', 'handler.js');

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestIn(join(path, name))), stat.mtimeMs);
}

// the web imports the API's schemas: each context's schemas/ folder
const schemas = readdirSync('api', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('api', entry.name, 'schemas')))
  .map((entry) => join('api', entry.name, 'schemas'));
const sources = ['web', 'i18n/catalogue', 'i18n/project.inlang/settings.json', 'i18n/locales.ts', 'i18n/paraglide-options.ts', ...schemas, 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
// the words, which server.ts imports too (the build compiles them as well, through the Vite plugin)
await compileMessages();
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built < Math.max(...sources.map(newestIn))) {
  console.log('Building the web app…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
