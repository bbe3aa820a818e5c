/**
 * Rewrites the web's i18next calls into Paraglide's typed message functions,
 * once (the move of issue 13; kept to show how the code was moved):
 *
 *   t('organisations.title')                 → m.organisations_title()
 *   i18n.current.t('tasks.dueOn', { date })   → m.tasks_dueOn({ date })
 *   t(ok ? 'common.yes' : 'common.no')        → (ok ? m.common_yes() : m.common_no())
 *   t(`tasks.kinds.${task.kind}`)             → tasksKinds[task.kind]()
 *
 * A key built from a template literal becomes a lookup in a map from the
 * domain value to its message function (web/lib/i18n/labels/<feature>.ts,
 * written here with every key under the prefix): a value without words fails
 * the type check where it is looked up. Values the message does not take
 * are dropped from the call (i18next ignored them). Calls it cannot read
 * (a key in a variable, a key built otherwise) are listed for a person.
 * `--again` runs over the rewritten files once more for the calls that sat in
 * another call's values. What it left was moved by hand, and the maps were
 * then typed with the API's unions (`Record<TaskKind, () => string>`) and
 * trimmed to the domain's values: it was run once, on the web as it was at
 * the move, and is kept to show how the code was moved.
 *
 * `npx tsx scripts/i18n/codemod-messages.ts [--dry] [--again]`
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keyMap, root } from './old-catalogues.js';

const dry = process.argv.includes('--dry');
/** a second pass over rewritten files: the calls nested in the values of calls rewritten in the first; the maps are there already */
const again = process.argv.includes('--again');
const keys = keyMap();
const catalogueInputs = new Map<string, Set<string>>();
// the values a message takes in any language (a translation may name one English leaves out)
for (const feature of readdirSync(join(root, 'i18n/catalogue'))) {
  for (const file of readdirSync(join(root, 'i18n/catalogue', feature))) {
    const catalogue = JSON.parse(readFileSync(join(root, 'i18n/catalogue', feature, file), 'utf8')) as Record<string, unknown>;
    for (const [key, message] of Object.entries(catalogue)) {
      if (key === '$schema') continue;
      const inputs = catalogueInputs.get(key) ?? new Set<string>();
      for (const m of JSON.stringify(message).matchAll(/(?<!\\)\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) inputs.add(m[1]!);
      if (typeof message !== 'string') inputs.add('count');
      catalogueInputs.set(key, inputs);
    }
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('lib/i18n') ? [] : files(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

/** From an opening bracket, the index after its closing one; strings, template literals and comments skipped. */
function closing(src: string, open: number): number {
  const stack: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      i = skipString(src, i);
      continue;
    }
    if (c === '`') {
      i = skipTemplate(src, i);
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i) + 1;
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]!);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} at ${i}`);
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`no closing bracket for ${open}`);
}

function skipString(src: string, at: number): number {
  const quote = src[at];
  for (let i = at + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === quote) return i;
  }
  throw new Error('unterminated string');
}

function skipTemplate(src: string, at: number): number {
  for (let i = at + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '`') return i;
    else if (src[i] === '$' && src[i + 1] === '{') i = closing(src, i + 1) - 1;
  }
  throw new Error('unterminated template');
}

/** The top-level comma-separated parts of `text`. */
function split(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') i = skipString(text, i);
    else if (c === '`') i = skipTemplate(text, i);
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const last = text.slice(start);
  if (last.trim()) parts.push(last);
  return parts.map((p) => p.trim());
}

const camel = (path: string) => path.split(/[._-]/).map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('');
const propertyKey = (key: string) => (/^([A-Za-z_$][\w$]*|[1-9]\d*)$/.test(key) ? key : JSON.stringify(key));

/** The values a message takes, from the call's second argument: properties it does not take are dropped. */
function values(key: string, arg: string | undefined, where: string, notes: string[]): string {
  const inputs = catalogueInputs.get(key)!;
  if (arg === undefined) {
    if (inputs.size) notes.push(`${where}: ${key} takes ${[...inputs].join(', ')} but the call gives none`);
    return '';
  }
  if (!arg.startsWith('{') || !arg.endsWith('}')) return arg;
  const props = split(arg.slice(1, -1));
  const kept = props.filter((prop) => {
    if (prop.startsWith('...')) return true;
    const name = /^([A-Za-z_$][\w$]*)\s*(:|$)/.exec(prop)?.[1] ?? /^['"]([^'"]+)['"]\s*:/.exec(prop)?.[1];
    if (!name) return true;
    if (inputs.has(name)) return true;
    notes.push(`${where}: ${key} does not take ${name}: dropped`);
    return false;
  });
  if (kept.length === 0) return '';
  return `{ ${kept.join(', ')} }`;
}

const maps = new Map<string, { feature: string; name: string; entries: [string, string][] }>();

/** The map from domain value to message function for a key prefix (`tasks.kinds`). */
function labelMap(prefix: string): string | null {
  const known = maps.get(prefix);
  if (known) return known.name;
  const entries: [string, string][] = [];
  for (const [old, key] of keys) {
    if (!old.startsWith(`${prefix}.`)) continue;
    const rest = old.slice(prefix.length + 1);
    if (rest.includes('.')) return null;
    entries.push([rest, key]);
  }
  if (!entries.length) return null;
  const name = camel(prefix);
  maps.set(prefix, { feature: prefix.split('.')[0]!, name, entries });
  return name;
}

const LITERAL = /^'([^'\\]*)'$|^"([^"\\]*)"$/;
const TERNARY = /^([\s\S]+?)\s*\?\s*('[^']*'|"[^"]*")\s*:\s*('[^']*'|"[^"]*")$/;
const BUILT = /^`([A-Za-z0-9_.-]+)\.\$\{([\s\S]+)\}`$/;
const WRAPPERS = [
  /^[ \t]*const t = \(key: string, values\?: Record<string, unknown>\) => i18n\.current\.t\(key, values\);\n/m,
  /^[ \t]*const t = \(key: string\) => i18n\.current\.t\(key\);\n/m
];

/**
 * Files that name a local `m` (a member, a month, a milestone…), which would
 * hide the messages' `m`: the local is renamed first, to a name the file does
 * not use yet.
 */
const RENAME_LOCAL_M: Record<string, string> = {
  'web/lib/partnerships/Members.svelte': 'one',
  'web/lib/partnerships/PartnershipForm.svelte': 'month',
  'web/lib/activities/extras/Matchmaking.svelte': 'month',
  'web/lib/scoring/ScoreSheet.svelte': 'choice',
  'web/lib/proposals/Milestones.svelte': 'item',
  'web/lib/proposals/Consortium.svelte': 'other',
  'web/lib/cycle/CycleSettings.svelte': 'monthNo',
  'web/routes/(app)/admin/users/+page.svelte': 'held',
  'web/routes/(app)/account/+page.svelte': 'membership',
  'web/routes/(app)/partnerships/+page.svelte': 'membership',
  'web/routes/(app)/scoring/+page.svelte': 'choice',
  'web/routes/(app)/privacy/+page.svelte': 'measure'
};
const identifier = (name: string) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g');

const report: string[] = [];
let rewritten = 0;
let changedFiles = 0;
const usedMaps = new Map<string, Set<string>>();

for (const file of files(join(root, 'web'))) {
  const where = relative(root, file);
  let src = readFileSync(file, 'utf8');
  const rename = RENAME_LOCAL_M[where];
  if (rename && !again) {
    if (identifier(rename).test(src)) throw new Error(`${where} already uses ${rename}`);
    src = src.replace(identifier('m'), rename);
  }
  const hasWrapper = WRAPPERS.some((w) => w.test(src));
  let out = '';
  let last = 0;
  let changed = false;
  const notes: string[] = [];
  const mapsHere = new Set<string>();
  for (const match of src.matchAll(/(?<![\w$.])(i18n\.current\.t|i18n\.t|t)\(/g)) {
    if (match.index! < last) continue;
    if (match[1] === 't' && !hasWrapper) continue;
    const open = match.index! + match[0].length - 1;
    const end = closing(src, open);
    const args = split(src.slice(open + 1, end - 1));
    const line = src.slice(0, match.index).split('\n').length;
    const at = `${where}:${line}`;
    const [first, second, ...more] = args;
    // the wrappers' own bodies (const t = (key…) => i18n.current.t(key, values))
    if (first === 'key' && match[1] !== 't' && /const t = \(key[^\n]*$/.test(src.slice(src.lastIndexOf('\n', match.index) + 1, match.index))) continue;
    if (!first || more.length) {
      report.push(`${at}: ${src.slice(match.index, end)}`);
      continue;
    }
    let replacement: string | null = null;
    const literal = LITERAL.exec(first);
    const ternary = TERNARY.exec(first);
    const built = BUILT.exec(first);
    if (literal) {
      const key = keys.get(literal[1] ?? literal[2]!);
      if (key) replacement = `m.${key}(${values(key, second, at, notes)})`;
    } else if (ternary && LITERAL.test(ternary[2]!) && LITERAL.test(ternary[3]!)) {
      const [a, b] = [ternary[2]!, ternary[3]!].map((k) => keys.get(k.slice(1, -1)));
      if (a && b) replacement = `(${ternary[1]} ? m.${a}(${values(a, second, at, notes)}) : m.${b}(${values(b, second, at, notes)}))`;
    } else if (built && !built[2]!.includes('${')) {
      const name = labelMap(built[1]!);
      if (name) {
        const prefix = built[1]!;
        const inputs = maps.get(prefix)!.entries.map(([, key]) => key);
        const vals = second === undefined ? '' : values(inputs.find((k) => catalogueInputs.get(k)!.size) ?? inputs[0]!, second, at, notes);
        replacement = `${name}[${built[2]!.trim()}](${vals})`;
        mapsHere.add(prefix);
      }
    }
    if (!replacement) {
      report.push(`${at}: ${src.slice(match.index, end)}`);
      continue;
    }
    out += src.slice(last, match.index) + replacement;
    last = end;
    changed = true;
    rewritten++;
  }
  if (!changed) continue;
  out += src.slice(last);
  // the wrapper goes once no call needs it, and the translator once nothing else reads it
  if (!/(?<![\w$.])t\(/.test(out.replace(/const t = \(key[^\n]*\n/, ''))) for (const w of WRAPPERS) out = out.replace(w, '');
  if (!/\bi18n\.|\bi18n\b(?!\s*=\s*useI18n)/.test(out.replace(/^[ \t]*const i18n = useI18n\(\);\n/m, '').replace(/import \{ useI18n \} from '\$lib\/i18n\/context\.js';/, ''))) {
    out = out.replace(/^[ \t]*const i18n = useI18n\(\);\n/m, '').replace(/^[ \t]*import \{ useI18n \} from '\$lib\/i18n\/context\.js';\n/m, '');
  }
  const imports = [`import { m } from '$i18n/paraglide/messages.js';`];
  const byFeature = new Map<string, string[]>();
  for (const prefix of mapsHere) {
    const map = maps.get(prefix)!;
    byFeature.set(map.feature, [...(byFeature.get(map.feature) ?? []), map.name]);
    usedMaps.set(prefix, (usedMaps.get(prefix) ?? new Set()).add(where));
  }
  for (const [feature, names] of [...byFeature].sort()) imports.push(`import { ${names.sort().join(', ')} } from '$lib/i18n/labels/${feature}.js';`);
  if (!/\bm\.\w+\(/.test(out)) imports.shift();
  out = addImports(out, imports.filter((line) => !out.includes(line)), file.endsWith('.svelte'));
  if (!dry) writeFileSync(file, out);
  changedFiles++;
  report.push(...notes);
}

function addImports(src: string, imports: string[], svelte: boolean): string {
  if (!imports.length) return src;
  if (svelte) {
    const script = /<script lang="ts"[^>]*>\n/.exec(src);
    if (!script) throw new Error('a component without an instance <script lang="ts">');
    const start = script.index + script[0].length;
    const body = src.slice(start, src.indexOf('</script>', start));
    const lastImport = [...body.matchAll(/^[ \t]*import [^;]+;\n/gm)].at(-1);
    const at = lastImport ? start + lastImport.index! + lastImport[0].length : start;
    return src.slice(0, at) + imports.map((i) => `  ${i}\n`).join('') + src.slice(at);
  }
  const lastImport = [...src.matchAll(/^import [^;]+;\n/gm)].at(-1);
  const at = lastImport ? lastImport.index! + lastImport[0].length : 0;
  return src.slice(0, at) + imports.map((i) => `${i}\n`).join('') + src.slice(at);
}

// the history (ui/AuditTrail.svelte) labels a changed field by its record's feature: every feature's fields
const AUDITED = ['organisations', 'people', 'partnerships', 'interactions', 'users', 'activities', 'programmes', 'calls', 'proposals', 'scoring'];
for (const feature of AUDITED) if (!labelMap(`${feature}.fields`)) throw new Error(`no ${feature}.fields`);

// one module of maps per feature
const features = new Map<string, string[]>();
for (const [prefix, map] of [...maps].sort(([a], [b]) => a.localeCompare(b))) {
  const body = map.entries.map(([value, key]) => `  ${propertyKey(value)}: m.${key}`).join(',\n');
  const users = [...(usedMaps.get(prefix) ?? [])].sort().join(', ');
  features.set(map.feature, [...(features.get(map.feature) ?? []), `/** ${prefix}.* (${users}) */\nexport const ${map.name} = {\n${body}\n};\n`]);
}
if (again) {
  // maps first needed now are added to their feature's module
  for (const [prefix, map] of maps) {
    const module = join(root, `web/lib/i18n/labels/${map.feature}.ts`);
    const text = readFileSync(module, 'utf8');
    if (text.includes(`export const ${map.name} =`)) continue;
    const body = map.entries.map(([value, key]) => `  ${propertyKey(value)}: m.${key}`).join(',\n');
    writeFileSync(module, `${text}\n/** ${prefix}.* (${[...(usedMaps.get(prefix) ?? [])].sort().join(', ')}) */\nexport const ${map.name} = {\n${body}\n};\n`);
  }
} else if (!dry) {
  mkdirSync(join(root, 'web/lib/i18n/labels'), { recursive: true });
  for (const [feature, blocks] of features) {
    const header = `/** The words for ${feature}' domain values, by value: look one up with the value (a value without words fails the type check). */\nimport { m } from '$i18n/paraglide/messages.js';\n\n`;
    writeFileSync(join(root, `web/lib/i18n/labels/${feature}.ts`), header + blocks.join('\n'));
  }
}
console.log(report.join('\n'));
console.log(`\n${rewritten} calls rewritten in ${changedFiles} files; ${maps.size} maps; ${report.length} notes`);
