/**
 * Request validation at the edge: zod schemas through hono-openapi's
 * validator (so each one lands in the OpenAPI document), with failures
 * turned into problem+json `errors: [{ path, message }]`.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
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

export function validate<Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(target: Target, schema: Schema) {
  return validator(target, schema, (result) => {
    if (!result.success) throw new ValidationFailed(fieldErrors(result.error, target === 'json' ? '' : target));
  });
}
