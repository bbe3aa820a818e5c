/**
 * The web's i18next catalogues as they were (web/lib/i18n/messages/<feature>.json:
 * `{ en: {…}, de: {…}, nl: {…} }`, nested keys, `{{x}}` placeholders,
 * `_zero/_one/_other` plurals) and the new key of each old one: what
 * convert-catalogues.ts writes and codemod-messages.ts rewrites calls to.
 *
 * New keys: the feature and the nested path joined by `_`, a `-` inside a
 * key becoming `_` too: `organisations.title` → `organisations_title`,
 * `calls.import.formats.grants-tenders` → `calls_import_formats_grants_tenders`.
 * A plural's forms (`daysOverdue_one`, `daysOverdue_other`) are one message
 * (`tasks_daysOverdue`), as they were one key to `t()`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const OLD = join(root, 'web/lib/i18n/messages');
export const PLURAL_FORM = /^(.*)_(zero|one|two|few|many|other)$/;

export type Nested = { [key: string]: string | Nested };

/** Every leaf of a nested catalogue as [path, text]. */
export function leaves(tree: Nested, path: string[] = []): [string[], string][] {
  return Object.entries(tree).flatMap(([key, value]): [string[], string][] => {
    if (typeof value === 'string') return [[[...path, key], value]];
    if (value && typeof value === 'object') return leaves(value, [...path, key]);
    throw new Error(`${[...path, key].join('.')}: a text must be a string, not ${JSON.stringify(value)}`);
  });
}

export const newKey = (feature: string, path: string[]) => [feature, ...path].map((part) => part.replaceAll('-', '_')).join('_');

export function oldFeatures(): string[] {
  return readdirSync(OLD)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function readOld(feature: string): Record<string, Nested> {
  return JSON.parse(readFileSync(join(OLD, `${feature}.json`), 'utf8')) as Record<string, Nested>;
}

/** The paths (dot-joined, without the feature) that are plurals: English has their `_other` form. */
export function pluralPaths(english: Nested): Set<string> {
  return new Set(leaves(english).flatMap(([path]) => (path.at(-1)!.endsWith('_other') ? [[...path.slice(0, -1), path.at(-1)!.slice(0, -'_other'.length)].join('.')] : [])));
}

/** The path a leaf belongs to as `t()` knew it: a plural form's base, else itself. */
export function keyPath(path: string[], plurals: Set<string>): { path: string[]; form: string | null } {
  const plural = PLURAL_FORM.exec(path.at(-1)!);
  if (plural) {
    const base = [...path.slice(0, -1), plural[1]!];
    if (plurals.has(base.join('.'))) return { path: base, form: plural[2]! };
  }
  return { path, form: null };
}

/** Old key (`tasks.daysOverdue`) → new key (`tasks_daysOverdue`), from the English blocks. */
export function keyMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const feature of oldFeatures()) {
    const english = readOld(feature).en;
    if (!english) throw new Error(`${feature}.json has no "en" block`);
    const plurals = pluralPaths(english);
    for (const [leaf] of leaves(english)) {
      const { path } = keyPath(leaf, plurals);
      map.set(`${feature}.${path.join('.')}`, newKey(feature, path));
    }
  }
  return map;
}
