/**
 * What erasing a person does to words and snapshots (pure functions).
 *
 * - In free text, the person's full name, each word of it with three or more
 *   letters (as a whole word, any case: "Dr. Müller called" also goes), each
 *   email address and each phone number (as typed, and by its digits with
 *   any separators) become the marker `[erased]`.
 * - In a snapshot (JSON of an audit event or a frozen revision), an object
 *   that is the person or points at them (`id` or any `…Id` equal to the
 *   person's id, e.g. a participant's `personId`) loses the person's fields:
 *   name, function, emails, phones, languages, consent source and date (and
 *   the `person…`/`contactPerson…`/`responsiblePerson…` name, function,
 *   email and phone fields); lists become one marker each. Every string
 *   anywhere is scrubbed as free text. Ids, the lawful basis, organisations,
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

/** The strings a search for the person looks for in stored text (exact, for SQL instr): id, name, emails, phones. */
export function needlesOf(identity: Identity): string[] {
  return [identity.id, identity.name, ...identity.emails, ...identity.phones].filter((n) => n.trim().length >= MIN_WORD);
}

/** One expression matching everything of the person that free text may quote, longest first. */
export function identityPattern(identity: Identity): RegExp | null {
  const words = identity.name.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => [...w].length >= MIN_WORD);
  const parts = [
    ...identity.emails.map(escape),
    ...identity.phones.map(phonePattern).filter((p): p is string => p !== null),
    escape(identity.name.trim()),
    ...words.map(escape)
  ]
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
  if (!parts.length) return null;
  return new RegExp(parts.map(whole).join('|'), 'giu');
}

/** The text with every quote of the person replaced by the marker. */
export function scrubText(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, ERASED) : text;
}

export function scrubNullable(text: string | null, pattern: RegExp | null): string | null {
  return text === null ? null : scrubText(text, pattern);
}

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
export function scrubSnapshot(value: unknown, identity: Identity, pattern: RegExp | null = identityPattern(identity)): unknown {
  if (typeof value === 'string') return scrubText(value, pattern);
  if (Array.isArray(value)) return value.map((item) => scrubSnapshot(item, identity, pattern));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const isThem = pointsAt(record, identity.id);
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [key, isThem && PERSONAL.test(key) ? erasedValue(item) : scrubSnapshot(item, identity, pattern)])
  );
}

/** A stored JSON text scrubbed (null stays null). */
export function scrubJson(text: string | null, identity: Identity, pattern: RegExp | null = identityPattern(identity)): string | null {
  return text === null ? null : JSON.stringify(scrubSnapshot(JSON.parse(text), identity, pattern));
}
