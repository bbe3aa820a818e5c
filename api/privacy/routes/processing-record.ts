/** /api/processing-record: HTTP only; services/processing-record.ts generates the record. */
import { Hono } from 'hono';
import type { PrivacyEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { ProcessingRecord, ProcessingRecordQuery } from '../schemas/processing-record.js';

const tag = 'Privacy';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const processingRecordRoutes = new Hono<PrivacyEnv>()
  .get('/', describe({ tag, summary: 'The record of processing activities (GDPR Art. 30), from the data model, the data and the settings', body: ProcessingRecord }), async (c) =>
    c.json(await c.var.services.processingRecord.get(c.var.caller))
  )
  .get(
    '/document.docx',
    describe({ tag, summary: 'The record of processing activities as a Word file in the reader’s language', file: DOCX }),
    validate('query', ProcessingRecordQuery),
    async (c) => {
      const file = await c.var.services.processingRecord.docx(c.var.caller, c.req.valid('query').lang);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': DOCX,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'private, no-store'
      });
    }
  );
