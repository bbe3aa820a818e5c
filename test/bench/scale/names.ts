/** Names of organisations, people and calls from the word lists, in the region's language. */
import type { Random } from '../../support/random.js';
import { BRANCHES, FIELDS, FUNCTIONS, GIVEN_NAMES, type Language, NAME_PATTERNS, SURNAMES } from './words.js';

function fill(template: string, random: Random, language: Language, place: string): string {
  return template
    .replace('{place}', place)
    .replace('{field}', () => random.weighted(FIELDS[language]))
    .replace('{surname}', () => random.pick(SURNAMES[language]))
    .replace('{surname2}', () => random.pick(SURNAMES[language]));
}

/** The capitals of a name's words, for a short name like "THM" (only for longer names). */
function acronymOf(name: string): string | null {
  const capitals = name
    .split(/[\s-]+/)
    .map((word) => word[0] ?? '')
    .filter((c) => /\p{Lu}/u.test(c))
    .join('');
  return capitals.length >= 3 ? capitals : null;
}

/**
 * A new organisation's name. `taken` counts the names given so far: a name
 * already given gets a branch ("Hochschule Mannheim – Campus Weinheim"), and
 * when even that is taken, a number.
 */
export function organisationName(
  random: Random,
  kind: string,
  language: Language,
  places: readonly (readonly [string, number])[],
  taken: Map<string, number>
): { name: string; shortName: string | null } {
  let name = fill(random.weighted(NAME_PATTERNS[kind]![language]), random, language, random.weighted(places));
  const shortName = random.chance(0.3) ? acronymOf(name) : null;
  if (taken.has(name)) name = `${name} – ${random.pick(BRANCHES[language])} ${random.weighted(places)}`;
  const seen = taken.get(name) ?? 0;
  taken.set(name, seen + 1);
  if (seen > 0) name = `${name} ${seen + 1}`;
  return { name, shortName };
}

export function personName(random: Random, language: Language): string {
  return `${random.pick(GIVEN_NAMES[language])} ${random.pick(SURNAMES[language])}`;
}

export function personFunction(random: Random, language: Language): string {
  return random.pick(FUNCTIONS[language]);
}

export function fieldOf(random: Random, language: Language): string {
  return random.weighted(FIELDS[language]);
}

/** A web address from the name: lower-case letters and digits only. */
export function websiteOf(name: string, country: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `https://www.${slug || 'org'}.${country.toLowerCase()}`;
}
