/**
 * The work plan and the evaluation as Word documents:
 * GET /api/workplans/{id}.docx and GET /api/evaluations/{id}.docx.
 * Mounted before the documents' own routes, so `{id}.docx` is never read as
 * an id. HTTP only; services/reports.ts reads and builds.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { CycleEnv } from '../services/index.js';
import { describe, validate } from '../../platform/index.js';
import { says } from '../../platform/schemas/common.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** the id and `.docx`; ids are UUIDs, so letters, digits and dashes */
const PATH = '/:file{[\\w-]+\\.docx}';

const FileParam = z.strictObject({
  file: z
    .string()
    .regex(/^[\w-]+\.docx$/, says('problems_cycle_field_docxFile'))
    .meta({ description: 'The document id followed by `.docx`' })
});

const idOf = (file: string) => file.slice(0, -'.docx'.length);

/** `attachment` with an ASCII name and the exact one (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const headers = (filename: string) => ({ 'Content-Type': DOCX, 'Content-Disposition': attachment(filename), 'Cache-Control': 'private, no-store' });

export const workPlanDocumentRoutes = new Hono<CycleEnv>().get(
  PATH,
  describe({
    tag: 'Work plans',
    summary: 'The work plan as a Word document: headings in the partnership’s languages side by side, overview and item tables, approvals',
    file: DOCX
  }),
  validate('param', FileParam),
  async (c) => {
    const file = await c.var.services.reports.workPlanDocx(c.var.caller, idOf(c.req.valid('param').file));
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers(file.filename));
  }
);

export const evaluationDocumentRoutes = new Hono<CycleEnv>().get(
  PATH,
  describe({
    tag: 'Evaluations',
    summary: 'The evaluation as a Word document: headings in the partnership’s languages side by side, key figures, charts as images each with its table, assessments, sections, approvals',
    file: DOCX
  }),
  validate('param', FileParam),
  async (c) => {
    const file = await c.var.services.reports.evaluationDocx(c.var.caller, idOf(c.req.valid('param').file));
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers(file.filename));
  }
);
