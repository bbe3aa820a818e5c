/**
 * The API's bounded contexts keep their boundaries (README, "What each folder
 * holds"): a context imports another only through its face
 * (api/<context>/index.ts) or its schemas (the published language), only the
 * contexts it builds on, and no file imports itself back through a circle.
 * Read from the source files' own import lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Each context and the contexts it may import, as the README's table says. */
const BUILDS_ON: Record<string, string[]> = {
  platform: [],
  crm: ['platform'],
  activities: ['crm', 'platform'],
  funding: ['crm', 'platform'],
  proposals: ['funding', 'activities', 'crm', 'platform'],
  deadlines: ['proposals', 'funding', 'platform'],
  cycle: ['proposals', 'activities', 'crm', 'platform'],
  privacy: ['activities', 'crm', 'platform'],
  overview: ['deadlines', 'cycle', 'funding', 'activities', 'crm', 'platform']
};

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

/** The repository files a source file imports (relative imports only), resolved as TypeScript resolves them. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) {
    const base = relative(root, resolve(root, dirname(file), m[1]!));
    const target = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(join(root, c)) && statSync(join(root, c)).isFile());
    if (target) found.push(target);
  }
  return found;
}

const contextOf = (path: string) => /^api\/([^/]+)\//.exec(path)?.[1] ?? null;
const sources = [...filesUnder('api'), ...filesUnder('db')];
const graph = new Map(sources.map((file) => [file, importsOf(file)]));

describe('the bounded contexts', () => {
  it('are the folders of api/ that the table names, each with a face', () => {
    const folders = readdirSync(join(root, 'api')).filter((name) => statSync(join(root, 'api', name)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(BUILDS_ON).sort());
    for (const context of folders) expect(existsSync(join(root, 'api', context, 'index.ts')), context).toBe(true);
  });

  it('import another context only through its face or its schemas, and only one they build on', () => {
    const crossings = [...graph].flatMap(([file, targets]) => targets.map((target) => ({ file, target, from: contextOf(file), to: contextOf(target) })));
    const across = crossings.filter((c) => c.from && c.to && c.from !== c.to);
    // the check has something to check: the contexts do use each other
    expect(across.length).toBeGreaterThan(50);
    const wrongDoor = across.filter((c) => c.target !== `api/${c.to}/index.ts` && !c.target.startsWith(`api/${c.to}/schemas/`));
    expect(wrongDoor.map((c) => `${c.file} -> ${c.target}`)).toEqual([]);
    const upward = across.filter((c) => !BUILDS_ON[c.from!]!.includes(c.to!));
    expect(upward.map((c) => `${c.file} (${c.from}) -> ${c.target} (${c.to})`)).toEqual([]);
  });

  it('keep the database below them: db/ imports no context but their schemas', () => {
    const fromDb = [...graph].filter(([file]) => file.startsWith('db/')).flatMap(([file, targets]) => targets.filter((t) => t.startsWith('api/')).map((t) => `${file} -> ${t}`));
    expect(fromDb.filter((line) => !/ -> api\/[^/]+\/schemas\//.test(line))).toEqual([]);
  });

  it('hold no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});
