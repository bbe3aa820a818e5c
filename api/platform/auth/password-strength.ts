/**
 * Whether a password someone sets is good enough (OWASP ASVS 2.1.7): at
 * least zxcvbn's score 3 ("safely unguessable", about 10^8 guesses and more)
 * measured against the common and breached password lists, English, German
 * and Flemish words and names, keyboard patterns, dates and sequences, the
 * person's own name and e-mail address, and RegioDesk's own published
 * passwords. The minimum length stays in the schema (api/platform/schemas/auth.ts).
 *
 * The dictionaries (about 9 MB of JavaScript) are loaded on the first check
 * and kept: a server that never sets a password never loads them.
 * @zxcvbn-ts/language-de and -nl-be are still at version 3; their
 * dictionaries load into core 4 under names of their own (`-de`, `-nlbe`),
 * so their lists do not overwrite each other's.
 */
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { DEMO_PASSWORD } from '../../../fixtures/users.js';
import { ValidationFailed } from '../http/errors.js';
import { type InEachLanguage, type Words, words } from '../http/problem-words.js';

/** zxcvbn's scale: 0 too guessable … 4 very unguessable. */
export const MINIMUM_SCORE = 3;

/** Passwords RegioDesk itself publishes (README, start-up output, benchmarks): never anyone's own. */
const PUBLISHED = 'passwords-regiodesk';
const PUBLISHED_PASSWORDS = [DEMO_PASSWORD, 'regiodesk-scale-bench', 'regiodesk'];

type Dictionary = Record<string, string[]>;

function named(dictionary: Dictionary, suffix: string): Dictionary {
  return Object.fromEntries(Object.entries(dictionary).map(([name, words]) => [`${name}-${suffix}`, words]));
}

async function build(): Promise<ZxcvbnFactory> {
  const [core, common, en, de, nl] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-de'),
    import('@zxcvbn-ts/language-nl-be')
  ]);
  return new core.ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...en.dictionary,
      ...named(de.dictionary, 'de'),
      ...named(nl.dictionary, 'nlbe'),
      [PUBLISHED]: PUBLISHED_PASSWORDS
    },
    // no translations: the feedback names its warning by key, worded per reader below from the language packs
    graphs: common.adjacencyGraphs
  });
}

type Warnings = Record<string, string>;
let warningTexts: Promise<{ en: Warnings; de: Warnings; nl: Warnings }> | null = null;

/** zxcvbn's warnings as the language packs word them (the Flemish pack for Dutch). */
function warningsInEachLanguage() {
  warningTexts ??= Promise.all([import('@zxcvbn-ts/language-en'), import('@zxcvbn-ts/language-de'), import('@zxcvbn-ts/language-nl-be')]).then(([en, de, nl]) => ({
    en: en.translations.warnings,
    de: de.translations.warnings,
    nl: nl.translations.warnings
  }));
  return warningTexts;
}

let checker: Promise<ZxcvbnFactory> | null = null;

/** The checker with its dictionaries, built on first use and kept. */
export function passwordChecker(): Promise<ZxcvbnFactory> {
  checker ??= build().catch((error: unknown) => {
    checker = null;
    throw error;
  });
  return checker;
}

/** What a guesser knows about the person: the e-mail address, its parts and the name's words. */
export function personalWords(person: { email?: string | null; name?: string | null }): string[] {
  const words = new Set<string>();
  const email = person.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const [local = '', domain = ''] = email.split('@');
    words.add(local);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) words.add(part);
    for (const label of domain.split('.').slice(0, -1)) words.add(label);
  }
  const name = person.name?.trim().toLowerCase();
  if (name) {
    words.add(name);
    words.add(name.replace(/\s+/g, ''));
    for (const part of name.split(/[^\p{L}\p{N}]+/u)) words.add(part);
  }
  // one- and two-letter pieces (initials, "de", "eu") would match almost any password
  return [...words].filter((word) => word.length >= 3);
}

async function why(result: ZxcvbnResult, personal: Set<string>): Promise<Words> {
  const matched = result.sequence.filter((match) => match.pattern === 'dictionary');
  const dictionaries = matched.map((match) => String(match.dictionaryName));
  if (dictionaries.includes(PUBLISHED)) return words('problems_password_published');
  // a surname may be found in a list of names before the person's own words: either way it is theirs
  if (dictionaries.includes('userInputs') || matched.some((match) => personal.has(String(match.matchedWord)))) return words('problems_password_personal');
  if (dictionaries.some((name) => name.startsWith('passwords'))) return words('problems_password_common');
  const key = result.feedback.warning;
  const texts = await warningsInEachLanguage();
  if (!key || !texts.en[key]) return words('problems_password_guessable');
  const warning: InEachLanguage = { inEachLanguage: { en: texts.en[key]!, de: texts.de[key] ?? texts.en[key]!, nl: texts.nl[key] ?? texts.en[key]! } };
  // the warning's key beside it, for clients that word it themselves
  return { key: 'problems_password_guessableBecause', params: { warning, warningCode: key } } as unknown as Words;
}

/** Why the password is too weak for this person (a message of the catalogue), or null when it is strong enough. */
export async function passwordWeakness(password: string, person: { email?: string | null; name?: string | null }): Promise<Words | null> {
  const personal = personalWords(person);
  const result = (await passwordChecker()).check(password, personal);
  return result.score >= MINIMUM_SCORE ? null : why(result, new Set(personal));
}

/** A weak password is a 400 at the field `password`, saying why. */
export async function refuseWeakPassword(password: string, person: { email?: string | null; name?: string | null }): Promise<void> {
  const weakness = await passwordWeakness(password, person);
  if (weakness) throw new ValidationFailed([{ path: 'password', ...weakness }]);
}
