/**
 * What erasing a person does to words and snapshots (pure functions).
 *
 * - In free text, the person's full name, each email address and each phone
 *   number (as typed, and by its digits with any separators) become the
 *   marker `[erased]`, as whole words in any case; in records about the
 *   person (theirs, or pointing at their id) so does each word of their name
 *   with three or more letters ("Dr. Müller called").
 * - In a snapshot (JSON of an audit event or a frozen revision), an object
 *   that is the person or points at them (`id` or any `…Id` equal to the
 *   person's id, e.g. a participant's `personId`) loses the person's fields:
 *   name, function, emails, phones, languages, consent source and date (and
 *   the `person…`/`contactPerson…`/`responsiblePerson…` name, function,
 *   email and phone fields); lists become one marker each. Every other
 *   string is scrubbed as free text, except the names of other records
 *   (`name`, `…Name`), where only the full name, emails and phones count, so
 *   a namesake ("Thomas Müller" when "Anna Müller" is erased) or an
 *   organisation keeps its name. Ids, the lawful basis, organisations,
 *   roles, attendance and numbers stay.
 */
export const ERASED = '[erased]';

export interface Identity {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
}

const MIN_WORD = 3;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a whole word: not touching another letter or digit */
const whole = (pattern: string) => `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`;

/** The phone's digits with anything but digits between them ("+32 16 26 70 00" also as "+32-16-267000"). */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return null;
  return `\\+?${digits.split('').join('[^\\p{L}\\p{N}]{0,2}')}`;
}

/** The words of the name long enough to stand for the person ("Anna-Lena", "Müller"). */
function nameWords(name: string): string[] {
  return name.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => [...w].length >= MIN_WORD);
}

/** The strings stored text is searched for (exact, for SQL instr) to find what names the person: id, full name, emails, phones. */
export function needlesOf(identity: Identity): string[] {
  const needles = [identity.id, identity.name.trim(), ...identity.emails, ...identity.phones].filter((n) => [...n.trim()].length >= MIN_WORD);
  return [...new Set(needles)];
}

function patternOf(parts: string[]): RegExp | null {
  const sorted = parts.filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  return sorted.length ? new RegExp(sorted.map(whole).join('|'), 'giu') : null;
}

/** The full name, emails and phones: what identifies the person even in another record's name. */
export function exactPattern(identity: Identity): RegExp | null {
  return patternOf([...identity.emails.map(escape), ...identity.phones.map(phonePattern).filter((p): p is string => p !== null), escape(identity.name.trim())]);
}

/** Everything of the person that free text may quote: the exact pattern and each word of the name. */
export function identityPattern(identity: Identity): RegExp | null {
  return patternOf([...identity.emails.map(escape), ...identity.phones.map(phonePattern).filter((p): p is string => p !== null), escape(identity.name.trim()), ...nameWords(identity.name).map(escape)]);
}

export interface Patterns {
  /** free text */
  text: RegExp | null;
  /** names of other records */
  names: RegExp | null;
}

/**
 * How to scrub a record: one about the person (theirs, or pointing at their
 * id) loses every word of their name from its free text; one that merely
 * quotes them (found by their full name, email or phone) loses only those,
 * so a namesake mentioned elsewhere keeps their name.
 */
export function patternsOf(identity: Identity, about = true): Patterns {
  const exact = exactPattern(identity);
  return { text: about ? identityPattern(identity) : exact, names: exact };
}

/** The text with every quote of the person replaced by the marker. */
export function scrubText(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, ERASED) : text;
}

export function scrubNullable(text: string | null, pattern: RegExp | null): string | null {
  return text === null ? null : scrubText(text, pattern);
}

const NAME_KEY = /(?:^n|N)ame$/;
const PERSONAL = /^(?:name|function|emails?|phones?|languages|consentSource|consentDate|(?:person|contactPerson|responsiblePerson)(?:Name|Function|Emails?|Phones?))$/;

function pointsAt(record: Record<string, unknown>, id: string): boolean {
  return Object.entries(record).some(([key, value]) => value === id && (key === 'id' || key.endsWith('Id')));
}

function erasedValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(() => ERASED);
  return ERASED;
}

/** A snapshot with the person scrubbed out (see the module comment). */
export function scrubSnapshot(value: unknown, identity: Identity, patterns: Patterns = patternsOf(identity)): unknown {
  if (typeof value === 'string') return scrubText(value, patterns.text);
  if (Array.isArray(value)) return value.map((item) => scrubSnapshot(item, identity, patterns));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const isThem = pointsAt(record, identity.id);
  const scrubbed = (key: string, item: unknown) => {
    if (isThem && PERSONAL.test(key)) return erasedValue(item);
    if (typeof item === 'string' && NAME_KEY.test(key)) return scrubText(item, patterns.names);
    return scrubSnapshot(item, identity, patterns);
  };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, scrubbed(key, item)]));
}

/** Whether any text in the value (a snapshot, at any depth) holds `needle`, e.g. the person's id. */
export function holdsText(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((item) => holdsText(item, needle));
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes(needle) || holdsText(item, needle));
  return false;
}
