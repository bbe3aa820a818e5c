/**
 * OpenAPI descriptions built from the same zod schemas that validate:
 * `describe(...)` documents one route with its success body and the
 * problem+json answers every route shares.
 */
import { describeRoute, resolver } from 'hono-openapi';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { ProblemSchema } from '../schemas/common.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: resolver(ProblemSchema) } }
});

export const problemResponses = {
  400: problem('Invalid input: `errors` lists each field with a message'),
  401: problem('Not signed in'),
  403: problem('Signed in, but the role does not allow this'),
  404: problem('Does not exist, or is not visible to the caller'),
  503: problem('The database cannot take the write (disk full, read-only database, failing disk): nothing was saved, reads still work; `storage` names the fault, Retry-After when waiting helps')
};

interface Describe {
  tag: string;
  summary: string;
  description?: string;
  /** the success body; omit for 204 */
  body?: StandardSchemaV1;
  /** 302: the answer sends the browser elsewhere (Location) */
  status?: 200 | 201 | 204 | 302;
  /** extra answers worth naming, e.g. 409 or 412 */
  also?: Partial<Record<409 | 410 | 412 | 413 | 428 | 429, string>>;
  public?: boolean;
  /** the success body is a file of this media type (e.g. text/csv), not JSON */
  file?: string;
}

export function describe(d: Describe) {
  const status = d.status ?? (d.body || d.file ? 200 : 204);
  const responses: Record<string, unknown> = {
    [status]: d.file
      ? { description: d.summary, content: { [d.file]: { schema: { type: 'string', format: 'binary' } } } }
      : d.body
        ? { description: d.summary, content: { 'application/json': { schema: resolver(d.body) } } }
        : { description: d.summary },
    ...problemResponses
  };
  for (const [code, text] of Object.entries(d.also ?? {})) responses[code] = problem(text as string);
  return describeRoute({
    tags: [d.tag],
    summary: d.summary,
    description: d.description,
    security: d.public ? [] : [{ session: [] }, { bearer: [] }],
    responses: responses as never
  });
}
