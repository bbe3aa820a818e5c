/**
 * English sentences of the catalogue shown on a page read in German or
 * Dutch. Every text of i18n/catalogue/<feature>/en.json (each plural
 * variant too) becomes a pattern, its `{placeholders}` wildcards; a text
 * the page's language writes the same (the same key's text, or any text
 * of that language: "OK", "Status", "E-mail", names) is left out, and so
 * is a text with fewer than three letters of its own per placeholder (the
 * glue "{a} and {b}" would match any English name with an "and" in it). A
 * page's visible
 * text is read as segments (the lines and table cells of
 * document.body.innerText, the document's title and every placeholder,
 * title and aria-label attribute); an English text matches a segment that
 * it is whole, or — a text of three words or more — that holds it between
 * word boundaries (so an English sentence leaks even inside a German
 * line, while a single English word in someone's English data — a call's
 * title — is not taken for the catalogue's). A text written as a name
 * (every word capitalised: "Single Market Programme") counts only as a
 * whole segment, and a segment that is a name the API holds as data (a
 * programme's official name, "Horizon Europe") is not a leak. Beside the
 * catalogue, a segment that is a raw code (`descriptions_due`,
 * `committee_decision`: lower case words joined by underscores) is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Locale } from '../../../i18n/locales.js';

export interface EnglishText {
  key: string;
  text: string;
  /** the text as a whole segment */
  whole: RegExp;
  /** the text inside a segment, for texts of three words or more */
  inside: RegExp | null;
}

export interface Leak {
  /** the page's path and what was done on it (`/activities/new, submitted empty`) */
  where: string;
  key: string;
  english: string;
  /** the segment it was found in */
  shown: string;
}

type Message = string | { match?: Record<string, string> }[];

const CATALOGUE = 'i18n/catalogue';
const PLACEHOLDER = /\{[^{}]*\}/g;
const normal = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** A message's texts: the string, or each variant of a plural/select message. */
function variants(message: Message | undefined): string[] {
  if (message === undefined) return [];
  if (typeof message === 'string') return [normal(message)];
  return message.flatMap((part) => Object.values(part.match ?? {}).map(normal));
}

function catalogue(locale: string): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const feature of readdirSync(CATALOGUE)) {
    let file: Record<string, Message>;
    try {
      file = JSON.parse(readFileSync(`${CATALOGUE}/${feature}/${locale}.json`, 'utf8')) as Record<string, Message>;
    } catch {
      continue;
    }
    for (const [key, message] of Object.entries(file)) if (key !== '$schema') texts.set(key, variants(message));
  }
  return texts;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalogue's English texts that the language `locale` words otherwise, as patterns. */
export function englishTexts(locale: Exclude<Locale, 'en'>): EnglishText[] {
  const english = catalogue('en');
  const theirs = catalogue(locale);
  const theirTexts = new Set([...theirs.values()].flat());
  const result: EnglishText[] = [];
  for (const [key, texts] of english) {
    const same = new Set(theirs.get(key) ?? []);
    for (const text of new Set(texts)) {
      if (same.has(text) || theirTexts.has(text)) continue;
      const literal = text.replace(PLACEHOLDER, ' ');
      const placeholders = text.match(PLACEHOLDER)?.length ?? 0;
      if ((literal.match(/\p{L}/gu) ?? []).length < 3 * Math.max(1, placeholders)) continue;
      const body = text
        .split(PLACEHOLDER)
        .map(escape)
        .join('.*?');
      const words = literal.split(/\s+/).filter((word) => /\p{L}/u.test(word));
      const name = words.every((word) => /^\P{L}*\p{Lu}/u.test(word));
      result.push({
        key,
        text,
        whole: new RegExp(`^${body}$`, 'u'),
        inside: words.length >= 3 && !name ? new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u') : null
      });
    }
  }
  return result;
}

/** What a page shows: its lines and cells, its title, and its placeholder, title and aria-label attributes. */
export async function visibleSegments(page: Page): Promise<string[]> {
  const segments = await page.evaluate(() => {
    const attributes = ['placeholder', 'title', 'aria-label'];
    const shown = [...document.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))].flatMap((element) =>
      attributes.map((a) => element.getAttribute(a) ?? '')
    );
    return [document.title, ...document.body.innerText.split(/[\n\t]/), ...shown];
  });
  return [...new Set(segments.map(normal).filter(Boolean))];
}

/** a code as the API stores it, shown as it is */
const RAW_CODE = /(?<![\p{L}\p{N}_/.-])[a-z]+(?:_[a-z]+)+(?![\p{L}\p{N}_/.-])/u;

/** The English texts and raw codes among the segments; `data` are names the API holds as data (shown as they are, in any language). */
export function leaksIn(segments: string[], texts: EnglishText[], where: string, data: ReadonlySet<string> = new Set()): Leak[] {
  const leaks: Leak[] = [];
  for (const shown of segments) {
    if (data.has(shown)) continue;
    for (const text of texts) if (text.whole.test(shown) || text.inside?.test(shown)) leaks.push({ where, key: text.key, english: text.text, shown });
    const code = RAW_CODE.exec(shown);
    if (code) leaks.push({ where, key: '(raw code)', english: code[0], shown });
  }
  return leaks;
}

/** The leaks as lines, for a failure message. */
export function describeLeaks(leaks: Leak[]): string {
  return leaks.map((leak) => `${leak.where}: ${leak.key} "${leak.english}" in "${leak.shown.slice(0, 160)}"`).join('\n');
}
