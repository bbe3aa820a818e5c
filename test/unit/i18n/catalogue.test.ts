/**
 * The catalogue (i18n/catalogue/<feature>/<locale>.json) is complete and
 * lean: every message has its German and Dutch text with the same values
 * as the English, and every message is used by the code. The code's own
 * calls are checked by the type check (a misspelled or missing message, a
 * missing value, a domain value without words all fail `npm run check`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, LOCALES } from '../../../i18n/locales.js';

const root = resolve(import.meta.dirname, '../../..');
const CATALOGUE = join(root, 'i18n/catalogue');

type Message = string | { declarations: string[]; selectors: string[]; match: Record<string, string> }[];

function catalogue(feature: string, locale: string): Record<string, Message> {
  const file = join(CATALOGUE, feature, `${locale}.json`);
  try {
    const { $schema: _, ...messages } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Message>;
    return messages;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

const features = readdirSync(CATALOGUE).filter((name) => statSync(join(CATALOGUE, name)).isDirectory());
const english = new Map(features.flatMap((feature) => Object.entries(catalogue(feature, BASE_LOCALE)).map(([key, message]) => [key, { feature, message }] as const)));

/** The texts of a message: its one pattern, or each variant's. */
const texts = (message: Message) => (typeof message === 'string' ? [message] : message.flatMap((part) => Object.values(part.match)));
/** The values a message shows ({name}), escaped braces left out. */
const placeholders = (message: Message) => new Set(texts(message).flatMap((text) => [...text.matchAll(/(?<!\\)\{([A-Za-z_]\w*)\}/g)].map((m) => m[1]!)));

describe('the catalogue', () => {
  it('has messages, each in one feature only', () => {
    expect(english.size).toBeGreaterThan(2000);
    const all = features.flatMap((feature) => Object.keys(catalogue(feature, BASE_LOCALE)));
    expect(all.length).toBe(english.size);
  });

  for (const locale of LOCALES.filter((l) => l !== BASE_LOCALE)) {
    it(`has a ${locale} text for every message, with the English one’s values`, () => {
      const missing: string[] = [];
      const strayValues: string[] = [];
      for (const feature of features) {
        const translated = catalogue(feature, locale);
        for (const [key, message] of Object.entries(catalogue(feature, BASE_LOCALE))) {
          const text = translated[key];
          if (text === undefined || texts(text).some((t) => t.trim() === '')) {
            missing.push(key);
            continue;
          }
          const known = placeholders(message);
          const stray = [...placeholders(text)].filter((name) => !known.has(name) && !(name === 'count' && typeof message !== 'string'));
          if (stray.length) strayValues.push(`${key}: ${stray.join(', ')}`);
        }
        for (const key of Object.keys(translated)) if (!english.has(key)) strayValues.push(`${key}: not an English message`);
      }
      const counts = new Map<string, number>();
      for (const key of missing) counts.set(english.get(key)!.feature, (counts.get(english.get(key)!.feature) ?? 0) + 1);
      const byFeature = [...counts].map(([feature, count]) => `${feature} (${count})`);
      expect(byFeature, `${missing.length} messages without a ${locale} text, by feature`).toEqual([]);
      expect(strayValues).toEqual([]);
    });
  }

  it('holds only messages the code uses', () => {
    const used = new Set<string>();
    const labelMaps = new Map<string, string>();
    const readers: string[] = [];
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        return statSync(join(root, path)).isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
      });
    for (const file of [...sources('web'), ...sources('api')]) {
      const text = readFileSync(join(root, file), 'utf8');
      // only where `m` (or the name the API imports it as: `m as words` where `m` is a milestone) is the messages (a local `m` elsewhere is a month, a member, …)
      const messages = /import \{ m(?: as (\w+))? \} from '[^']*paraglide(?:-server)?\/messages\.js'/.exec(text);
      if (messages) for (const [, key] of text.matchAll(new RegExp(`\\b${messages[1] ?? 'm'}\\.(\\w+)`, 'g'))) used.add(key!);
      // the API names its problems' messages by key (api/platform/http/problem-words.ts renders them in the reader's language)
      if (file.startsWith('api/')) for (const [, key] of text.matchAll(/'(problems_\w+)'/g)) used.add(key!);
      if (file.startsWith('web/lib/i18n/labels/')) for (const [, name] of text.matchAll(/export const (\w+)/g)) labelMaps.set(name!, relative('web/lib/i18n/labels', file));
      else readers.push(text);
    }
    // a map of words counts as use only when something looks values up in it
    const unread = [...labelMaps].filter(([name]) => !readers.some((text) => new RegExp(`\\b${name}\\b`).test(text)));
    expect(unread, 'maps of words nothing reads').toEqual([]);
    expect(used.size).toBeGreaterThan(1000);
    expect([...english.keys()].filter((key) => !used.has(key)), 'messages no code uses').toEqual([]);
  });
});
