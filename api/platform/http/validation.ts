/**
 * Request validation at the edge: zod schemas through hono-openapi's
 * validator (so each one lands in the OpenAPI document), with failures
 * turned into problem+json `errors: [{ path, message }]`.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import { controlCharacterErrors } from './control-characters.js';
import { type FieldError, ValidationFailed } from './errors.js';

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
    .join('.');
}

export function fieldErrors(issues: readonly StandardSchemaV1.Issue[], prefix = ''): FieldError[] {
  const join = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path);
  return issues.flatMap((issue) => {
    const path = pathOf(issue);
    // zod reports unknown fields as one issue on the object; name each field instead
    const keys = (issue as { keys?: unknown }).keys;
    if (Array.isArray(keys)) return keys.map((key) => ({ path: join(path ? `${path}.${key}` : String(key)), message: 'Unknown field.' }));
    return [{ path: join(path), message: issue.message }];
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
