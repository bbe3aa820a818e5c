/**
 * Request validation at the edge: zod schemas through hono-openapi's
 * validator (so each one lands in the OpenAPI document), with failures
 * turned into problem+json `errors: [{ path, message }]`.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import { z } from 'zod';
import { controlCharacterErrors } from './control-characters.js';
import { ValidationFailed } from './errors.js';
import { type FieldProblem, type Words, isProblemKey, words } from './problem-words.js';

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
    .join('.');
}

/** a zod issue as it reaches us: its code and the values of that code */
interface ZodIssue extends StandardSchemaV1.Issue {
  code?: string;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: unknown[];
  divisor?: number;
  params?: Record<string, unknown>;
}

const zodEnglish = z.locales.en().localeError;

/** Whether zod wrote the issue's message itself (its English default) rather than the schema (a catalogue key or, not yet converted, an English sentence). */
function zodDefault(issue: ZodIssue): boolean {
  if (issue.code === 'invalid_type') return issue.message.startsWith('Invalid input: expected');
  const made = zodEnglish(issue as never);
  return (typeof made === 'string' ? made : made?.message) === issue.message;
}

const FORMATS: Record<string, Words> = {
  email: words('problems_field_email'),
  url: words('problems_field_url'),
  date: words('problems_field_isoDate'),
  datetime: words('problems_field_isoDateTime'),
  time: words('problems_field_isoTime'),
  regex: words('problems_field_pattern'),
  uuid: words('problems_field_id'),
  guid: words('problems_field_id'),
  ulid: words('problems_field_id'),
  cuid: words('problems_field_id'),
  cuid2: words('problems_field_id'),
  nanoid: words('problems_field_id')
};

const numeric = (value: number | bigint | undefined) => Number(value ?? 0);

/**
 * zod 4's issue codes as catalogue messages with their values: what zod
 * says in English ("Too small: expected string to have >=2 characters")
 * becomes "Use at least 2 characters." in the reader's language.
 */
function zodWords(issue: ZodIssue): Words {
  const count = numeric(issue.minimum ?? issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? words('problems_field_required') : words('problems_field_wrongType', { expected: issue.expected ?? '?' });
    case 'too_small':
      if (issue.origin === 'string') return count <= 1 ? words('problems_field_required') : words('problems_field_tooShort', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return words('problems_field_tooFew', { count });
      return issue.inclusive === false ? words('problems_field_above', { minimum: count }) : words('problems_field_atLeast', { minimum: count });
    case 'too_big':
      if (issue.origin === 'string') return words('problems_field_tooLong', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return words('problems_field_tooMany', { count });
      return issue.inclusive === false ? words('problems_field_below', { maximum: count }) : words('problems_field_atMost', { maximum: count });
    case 'invalid_format':
      return FORMATS[issue.format ?? ''] ?? words('problems_field_format', { format: issue.format ?? '?' });
    case 'invalid_value':
      return words('problems_field_oneOf', { options: (issue.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') });
    case 'not_multiple_of':
      return words('problems_field_multipleOf', { divisor: issue.divisor ?? 1 });
    default:
      return words('problems_field_invalid');
  }
}

/**
 * A schema's issues as field errors: a catalogue key the schema gave
 * (`{ error: 'problems_…' }`, a refinement's `params` as its values, the
 * issue's own bounds besides), else zod's own code as a catalogue message.
 */
export function fieldErrors(issues: readonly StandardSchemaV1.Issue[], prefix = ''): FieldProblem[] {
  const join = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path);
  return issues.flatMap((issue: ZodIssue): FieldProblem[] => {
    const path = pathOf(issue);
    // zod reports unknown fields as one issue on the object; name each field instead
    const keys = (issue as { keys?: unknown }).keys;
    if (Array.isArray(keys)) return keys.map((key) => ({ path: join(path ? `${path}.${key}` : String(key)), ...words('problems_field_unknownField') }));
    if (isProblemKey(issue.message)) {
      const bounds = { ...(issue.minimum !== undefined ? { minimum: numeric(issue.minimum) } : {}), ...(issue.maximum !== undefined ? { maximum: numeric(issue.maximum) } : {}) };
      return [{ path: join(path), key: issue.message, params: { ...bounds, ...issue.params } } as FieldProblem];
    }
    // no catalogue key and no zod check of its own (a refinement that forgot `says(…)`): the catalogue's general words, never its English message
    if (!issue.code || !zodDefault(issue)) return [{ path: join(path), ...words('problems_field_invalid') }];
    return [{ path: join(path), ...zodWords(issue) }];
  });
}

/**
 * Validates one part of the request. Every string the client sent in it is
 * first checked for control characters (control-characters.ts), whatever the
 * schema says, so no route lets NUL through to the database or to search;
 * only bodies may hold tabs and line breaks. Both kinds of error are
 * reported together, a control character first at its field.
 */
export function validate<Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(target: Target, schema: Schema) {
  const prefix = target === 'json' ? '' : target;
  const multiLine = target === 'json' || target === 'form';
  return validator(target, schema, (result) => {
    // `data` is what the client sent (before the schema), also on success
    const unsafe = target === 'header' || target === 'cookie' ? [] : controlCharacterErrors(result.data, { multiLine, prefix });
    const invalid = result.success ? [] : fieldErrors(result.error, prefix);
    const flagged = new Set(unsafe.map((e) => e.path));
    const errors = [...unsafe, ...invalid.filter((e) => !flagged.has(e.path))];
    if (errors.length) throw new ValidationFailed(errors);
  });
}
