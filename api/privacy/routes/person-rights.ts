/**
 * A person's rights under /api/people/{id}: the access log, what the caller
 * may do, the export as JSON and as a Word document, and the erasure
 * (DELETE /api/people/{id}). HTTP only; the rules live in
 * services/person-rights.ts.
 */
import { Hono } from 'hono';
import type { PrivacyEnv } from '../services/index.js';
import { describe, expectedVersion, validate } from '../../platform/index.js';
import { IdParam } from '../../platform/schemas/common.js';
import { PersonExport, PersonExportQuery, PersonReads, PersonRights } from '../schemas/person-rights.js';

const tag = 'People';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `attachment` with an ASCII name and the exact one (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const personRightsRoutes = new Hono<PrivacyEnv>()
  .get(
    '/:id/reads',
    describe({ tag, summary: 'Who read the person’s record and when, newest first (system administrators)', body: PersonReads }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.personRights.reads(c.var.caller, c.req.valid('param').id), 200, { 'Cache-Control': 'private, no-store' })
  )
  .get(
    '/:id/rights',
    describe({ tag, summary: 'What the caller may do with the person’s data: export, erase, read the access log', body: PersonRights }),
    validate('param', IdParam),
    async (c) => c.json(await c.var.services.personRights.rights(c.var.caller, c.req.valid('param').id))
  )
  .get(
    '/:id/export',
    describe({ tag, summary: 'Everything held about the person, as a JSON file (GDPR Art. 15 and 20); audited', body: PersonExport }),
    validate('param', IdParam),
    async (c) => {
      const { data, filename } = await c.var.services.personRights.export(c.var.caller, c.req.valid('param').id);
      return c.json(data, 200, { 'Content-Disposition': attachment(filename), 'Cache-Control': 'private, no-store' });
    }
  )
  .get(
    '/:id/export.docx',
    describe({ tag, summary: 'Everything held about the person, as a Word document in the reader’s language; audited', file: DOCX }),
    validate('param', IdParam),
    validate('query', PersonExportQuery),
    async (c) => {
      const file = await c.var.services.personRights.exportDocx(c.var.caller, c.req.valid('param').id, c.req.valid('query').lang);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': DOCX, 'Content-Disposition': attachment(file.filename), 'Cache-Control': 'private, no-store' });
    }
  )
  .delete(
    '/:id',
    describe({
      tag,
      summary: 'Erase a person (GDPR Art. 17): the record goes and every trace of them is scrubbed; participations and interactions stay, anonymous, so figures stay true',
      also: { 409: 'Contact person of a partnership party', 412: 'Stale If-Match' }
    }),
    validate('param', IdParam),
    async (c) => {
      await c.var.services.personRights.erase(c.var.caller, c.req.valid('param').id, expectedVersion(c.req.header('If-Match')));
      return c.body(null, 204);
    }
  );
