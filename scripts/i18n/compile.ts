/**
 * Compiles the catalogue into Paraglide's typed message functions
 * (i18n/paraglide/ for the pages, one module per message so a page ships
 * only the words it uses; i18n/paraglide-server/ for the API, one module per
 * language, the same functions) unless they are already compiled from exactly these
 * files: `npm run check`, the tests (test/support/global-setup.ts) and
 * `npm start` (scripts/build-if-stale.ts) run it first; `vite dev` and
 * `vite build` compile through the Vite plugin with the same options.
 *
 * Fails (exit 1) when the compiled output lacks a message of the catalogue:
 * Paraglide only warns when the inlang project cannot load its storage
 * plugin and then compiles no message at all.
 *
 * `npx tsx scripts/i18n/compile.ts [--force]`
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { paraglideOptions, SERVER_OUTDIR } from '../../i18n/paraglide-options.js';

const root = resolve(import.meta.dirname, '../..');
const project = join(root, paraglideOptions.project);
const outdir = join(root, paraglideOptions.outdir);
const serverOutdir = join(root, SERVER_OUTDIR);
const stamp = join(outdir, '.compiled-from');

function catalogueFiles(): string[] {
  const settings = JSON.parse(readFileSync(join(project, 'settings.json'), 'utf8'));
  const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
  return patterns.flatMap((pattern: string) =>
    (settings.locales as string[]).map((locale) => resolve(root, 'i18n', pattern.replace('{locale}', locale))).filter((file) => existsSync(file))
  );
}

/** What the output is made from: the project, every catalogue file, the options and the compiler's and plugin's versions. */
function inputsDigest(files: string[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(paraglideOptions));
  for (const pkg of ['@inlang/paraglide-js', '@inlang/plugin-message-format']) hash.update(JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version);
  for (const file of [join(project, 'settings.json'), ...files]) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The message keys of the base locale's catalogue files. */
function baseKeys(files: string[]): string[] {
  return files.filter((file) => file.endsWith('/en.json')).flatMap((file) => Object.keys(JSON.parse(readFileSync(file, 'utf8'))).filter((key) => key !== '$schema'));
}

export async function compileMessages(options: { force?: boolean; quiet?: boolean } = {}): Promise<'compiled' | 'unchanged'> {
  const files = catalogueFiles();
  const digest = inputsDigest(files);
  if (!options.force && existsSync(stamp) && existsSync(serverOutdir) && readFileSync(stamp, 'utf8') === digest) return 'unchanged';
  const started = Date.now();
  // Paraglide resolves the project's paths (plugin module, catalogue files) from the project folder's parent
  // loaded only when compiling: the SDK takes seconds to load
  const { compile } = await import('@inlang/paraglide-js');
  await compile({ ...paraglideOptions, project, outdir, outputStructure: 'message-modules', strategy: [...paraglideOptions.strategy] });
  // the API's copy: one module per language, which Node loads in a tenth of the time it takes to load a module per message
  await compile({ ...paraglideOptions, project, outdir: serverOutdir, outputStructure: 'locale-modules', strategy: [...paraglideOptions.strategy] });
  const compiled = readdirSync(join(outdir, 'messages')).filter((name) => name.endsWith('.js') && name !== '_index.js').length;
  const expected = baseKeys(files).length;
  if (compiled !== expected) throw new Error(`Paraglide compiled ${compiled} messages of the catalogue's ${expected}: did the inlang project load its storage plugin (i18n/project.inlang/settings.json "modules")?`);
  writeFileSync(stamp, digest);
  if (!options.quiet) console.log(`i18n: compiled ${compiled} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'compiled';
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/i18n/compile.ts')) {
  try {
    await compileMessages({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
