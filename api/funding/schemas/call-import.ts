/**
 * POST /api/calls/import: the request's query, the summary it answers, and
 * the progress lines it streams when asked for `application/x-ndjson`.
 *
 * The body itself is the portal file as downloaded (either form, sent as
 * `application/json`); it is read as a stream, so it has no zod schema.
 */
import { z } from 'zod';
import { says } from '../../platform/schemas/common.js';

export const CallImportQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false', '1', '0'], says('problems_funding_field_dryRun'))
    .optional()
    .transform((v) => v === 'true' || v === '1')
});
export type CallImportQuery = z.infer<typeof CallImportQuery>;

export const PortalFileFormat = z.enum(['grants-tenders', 'search-api']).meta({
  description: '`grants-tenders`: the bulk grantsTenders.json (fundingData.GrantTenderObj); `search-api`: a search API response (results[].metadata)'
});

export const CallImportCounts = z
  .object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
    skipped: z.number().int()
  })
  .meta({ description: 'Records of the file by what the import does (or, in a dry run, would do) with them' });
export type CallImportCounts = z.infer<typeof CallImportCounts>;

export const CallImportIssue = z.object({
  index: z.number().int().meta({ description: 'Position of the record in the file’s list' }),
  identifier: z.string().nullable(),
  path: z.string().meta({ description: 'Where in the file, e.g. `results.3.metadata.deadlineDate.0`' }),
  code: z.string().meta({ description: 'What is wrong, stable for programs: the catalogue key of `message`, e.g. `problems_funding_import_noTitle`' }),
  params: z.record(z.string(), z.unknown()).meta({ description: 'The values `message` is made with' }),
  message: z.string().meta({ description: 'What is wrong, in the reader’s language' })
});
export type CallImportIssue = z.infer<typeof CallImportIssue>;

export const CallImportChange = z.object({
  identifier: z.string(),
  title: z.string(),
  outcome: z.enum(['new', 'changed']),
  /** the call's id; null in a dry run for a call not yet recorded */
  callId: z.string().nullable(),
  /** fields that change, e.g. `title`, `budget`, `deadlines` */
  fields: z.array(z.string()),
  deadlineChanged: z.boolean().meta({ description: 'A deadline moved, came or went: recorded and told to the call’s watchers' })
});
export type CallImportChange = z.infer<typeof CallImportChange>;

export const CallImportSummary = z
  .object({
    /** the call_imports record; null in a dry run */
    id: z.string().nullable(),
    dryRun: z.boolean(),
    format: PortalFileFormat,
    bytes: z.number().int(),
    records: z.number().int(),
    counts: CallImportCounts,
    /** calls that are (or would be) new or changed; the first `listLimit` */
    calls: z.array(CallImportChange),
    invalid: z.array(CallImportIssue),
    skipped: z.array(CallImportIssue),
    /** imported, with something worth a look (unknown programme, unreadable budget, …) */
    warnings: z.array(CallImportIssue),
    /** calls whose deadlines changed (recorded, watchers told) */
    deadlineChanges: z.number().int(),
    /** in-app notifications written for watchers */
    notified: z.number().int(),
    /** each list holds at most this many entries; the counts are always complete */
    listLimit: z.number().int(),
    truncated: z.boolean()
  })
  .meta({ id: 'CallImportSummary' });
export type CallImportSummary = z.infer<typeof CallImportSummary>;

export const CallImportProgress = z
  .object({
    type: z.literal('progress'),
    phase: z.enum(['receiving', 'reading', 'writing']).meta({
      description: '`receiving`: the upload is checked and kept aside (import); `reading`: records are compared (dry run); `writing`: records are written in batches'
    }),
    /** records handled so far in this phase */
    processed: z.number().int(),
    /** bytes of the file read so far in this phase */
    bytes: z.number().int()
  })
  .meta({ id: 'CallImportProgress' });
export type CallImportProgress = z.infer<typeof CallImportProgress>;
