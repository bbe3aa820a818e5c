/**
 * POST /api/calls/import: HTTP only; the rules live in services/call-import.ts.
 *
 * The body is the portal file itself (`Content-Type: application/json`),
 * read as a stream: app.ts keeps the general body limit off this path and
 * the service counts the bytes against REGIODESK_MAX_IMPORT_BYTES instead.
 *
 * Progress: with `Accept: application/x-ndjson` the answer is a stream of
 * JSON lines — `{"type":"progress","phase":…,"processed":n,"bytes":b}` while
 * the file is read and written, then `{"type":"summary","summary":{…}}`
 * (the plain answer's body), or `{"type":"problem","problem":{…}}` (the
 * problem+json body) when the file turns out to be unreadable half-way —
 * the status is 200 by then. Refusals known before reading (401, 403, 413
 * by Content-Length, 400 for the query) stay plain problem+json. A browser
 * shows the upload itself with XMLHttpRequest's upload progress events and
 * the server's part with these lines.
 */
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { describeRoute, resolver } from 'hono-openapi';
import type { FundingEnv } from '../services/index.js';
import { summaryIn } from '../services/call-import.js';
import { describe, problemOf, readerLanguage, validate, words } from '../../platform/index.js';
import { CallImportProgress, CallImportQuery, CallImportSummary } from '../schemas/call-import.js';

const tag = 'Calls';

/** What became of the work when an import fails unforeseen half-way: the batches written so far stay (10 ms transactions). */
const INTERRUPTED = words('problems_importInterrupted');

export const callImportRoutes = new Hono<FundingEnv>().post(
  '/import',
  describe({
    tag,
    summary: 'Import calls from a file of the EU Funding & Tenders Portal (the body), or preview the import with ?dryRun=true',
    description:
      'The body is the portal file as downloaded, sent as application/json: the bulk grantsTenders.json (fundingData.GrantTenderObj) or a search API response (results[].metadata). ' +
      'Grant topics are upserted by identifier; tenders and other records are skipped with a reason; broken records are listed as invalid with their path in the file. ' +
      'A dry run writes nothing. With `Accept: application/x-ndjson` the answer streams CallImportProgress lines and ends with `{"type":"summary","summary":…}` or `{"type":"problem","problem":…}`.',
    body: CallImportSummary,
    also: { 413: 'The file is larger than REGIODESK_MAX_IMPORT_BYTES' }
  }),
  // what `describe` has no words for: the file as the body, and the NDJSON form of the answer
  describeRoute({
    requestBody: {
      required: true,
      description: 'The portal file as downloaded: grantsTenders.json ({"fundingData":{"GrantTenderObj":[…]}}) or a search API response ({"results":[{"metadata":{…}}],…})',
      content: { 'application/json': { schema: { type: 'object' } } }
    },
    responses: {
      200: {
        description: 'The summary; with Accept: application/x-ndjson, progress lines and then {"type":"summary","summary":…}',
        content: {
          'application/json': { schema: resolver(CallImportSummary) },
          'application/x-ndjson': { schema: resolver(CallImportProgress) }
        }
      }
    }
  }),
  validate('query', CallImportQuery),
  async (c) => {
    const declared = Number(c.req.header('Content-Length'));
    const run = c.var.services.callImports.prepare(c.var.caller, {
      dryRun: c.req.valid('query').dryRun,
      declaredBytes: Number.isFinite(declared) && declared >= 0 && c.req.header('Content-Length') ? declared : null
    });
    const body = c.req.raw.body;
    const locale = readerLanguage(c);
    if (!/application\/x-ndjson/i.test(c.req.header('Accept') ?? '')) return c.json(summaryIn(await run(body), locale), 200);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return stream(
      c,
      async (out) => {
        const summary = await run(body, (progress) => out.writeln(JSON.stringify(progress)));
        await out.writeln(JSON.stringify({ type: 'summary', summary: summaryIn(summary, locale) }));
      },
      async (error, out) => {
        await out.writeln(JSON.stringify({ type: 'problem', problem: problemOf(error, INTERRUPTED).toJSON(locale) }));
      }
    );
  }
);
