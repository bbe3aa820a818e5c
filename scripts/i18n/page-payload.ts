/**
 * The JavaScript a page makes the browser load, from the built app: the
 * client's start (SvelteKit's entry and its chunks) plus the chunks of each
 * layout and of the page itself, as SvelteKit's build lists them for the
 * page's <link rel="modulepreload"> (.svelte-kit/output/server: the routes'
 * nodes in manifest.js, each node's `imports` in nodes/<n>.js). Bytes as
 * built and gzipped (what a server compressing its answers sends). Chunks a
 * page imports later, on demand (`import()`), are not counted.
 *
 * `npm run build && npx tsx scripts/i18n/page-payload.ts [route id …] [--root <built project>]`
 * Default routes: the organisations list and an activity's page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args.splice(rootAt, 2)[1]! : resolve(import.meta.dirname, '../..'));
const routes = args.length ? args : ['/(app)/organisations', '/(app)/activities/[id]'];
const server = join(root, '.svelte-kit/output/server');
const client = join(root, '.svelte-kit/output/client');

const manifest = readFileSync(join(server, 'manifest.js'), 'utf8');
const start = JSON.parse(/client: \{.*?imports:(\[[^\]]*\])/s.exec(manifest)?.[1] ?? 'null') as string[] | null;
if (!start) throw new Error(`no client entry in ${join(server, 'manifest.js')}: build first (npm run build)`);

function nodesOf(route: string): number[] {
  const at = manifest.indexOf(`id: ${JSON.stringify(route)},`);
  if (at < 0) throw new Error(`no route ${route} in the build`);
  const page = /page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/.exec(manifest.slice(at, at + 600));
  if (!page) throw new Error(`${route} is not a page`);
  return [...page[1]!.split(',').filter((n) => n.trim() !== '').map(Number), Number(page[2])];
}

function importsOf(node: number): string[] {
  const text = readFileSync(join(server, 'nodes', `${node}.js`), 'utf8');
  return JSON.parse(/export const imports = (\[[^\]]*\]);/.exec(text)?.[1] ?? '[]') as string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const route of routes) {
  const files = [...new Set([...start, ...nodesOf(route).flatMap(importsOf)])];
  let raw = 0;
  let gzip = 0;
  let largest = { file: '', bytes: 0 };
  for (const file of files) {
    const content = readFileSync(join(client, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    if (content.length > largest.bytes) largest = { file, bytes: content.length };
  }
  console.log(`${route}: ${files.length} JS files, ${kb(raw)} (${raw} bytes), gzip ${kb(gzip)}; largest ${largest.file} ${kb(largest.bytes)}`);
}
