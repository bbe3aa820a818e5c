/**
 * Import from the EU Funding & Tenders Portal (POST /api/calls/import): a
 * file a person downloaded — the bulk grantsTenders.json or a search API
 * response (portal-formats.ts reads both) — becomes calls with their
 * deadlines, upserted by identifier.
 *
 * Who: anyone with a writing role somewhere (as for recording a call by
 * hand); viewers get 403 before a byte of the body is read.
 *
 * Streaming and memory
 * - The body is never held whole: it is read chunk by chunk through
 *   stream-json (portal-stream.ts), one record assembled at a time. What
 *   grows with the file is only the set of identifiers already seen (to
 *   catch a topic listed twice) and the counts; the lists in the answer
 *   stop at LIST_LIMIT entries each (`truncated`), the counts never do.
 * - Larger than `REGIODESK_MAX_IMPORT_BYTES` (default 200 MB): 413, by the
 *   declared Content-Length before reading, or while counting the bytes of
 *   a chunked upload.
 *
 * A dry run (`?dryRun=true`) reads the file once and compares each topic
 * with what is stored: counts { new, changed, unchanged, invalid, skipped },
 * the calls that would change (and which fields), each invalid or skipped
 * record with its reason (identifier, path in the file, message), and the
 * warnings. It writes nothing — not even a call_imports row.
 *
 * A real import reads the file twice:
 * 1. `receiving`: the upload is checked to be a complete portal file while
 *    it is copied to a private temporary file. Broken JSON, a cut-off
 *    upload or a file of neither form is a 400 and nothing is written.
 * 2. `writing`: the temporary copy is read again and written in batches of
 *    at most BATCH_SIZE records, one transaction each, and a transaction
 *    ends once it has held the event loop for its share (time-slice.ts,
 *    about 10 ms). A call is always written whole — its row, deadlines,
 *    the deadline change record, the watchers' notices and its audit event
 *    in the same transaction — and a transaction is all or nothing. Short
 *    transactions and turns of the event loop in between (also while the
 *    file is read: at most 64 KB parsed in one go) keep the rest of the
 *    app (one SQLite connection, one event loop) answering during a large
 *    file. Should the server stop half-way, the batches already written
 *    stay; importing the same file again completes it, since the import is
 *    idempotent. A call_imports row records who imported which form with
 *    the final counts; its id marks the deadline changes it caused.
 *
 * Rules for each topic
 * - The calls helper's repositories do the writing (insertCall, updateCall,
 *   replaceDeadlines, findCallByIdentifier, deadlinesOf) and
 *   recordDeadlineChange / notifyDeadlineChange record and tell a change.
 * - Programme: the catalogue programme whose code the identifier starts
 *   with, else the framework programme the file names (portal-formats);
 *   none found is a warning, and a call already recorded keeps the
 *   programme a person gave it.
 * - Deadlines: a date without a time lands at the programme's cut-off
 *   (programmes.cut_off_time / cut_off_zone; 17:00 Europe/Brussels without
 *   one) and is marked assumed. A deadline a person confirmed (not assumed)
 *   is never overwritten by an assumed one of the same date, nor is its
 *   label. A real time is stored in the programme's zone.
 * - What the file leaves out never erases what is stored: no budget, no
 *   opening, no keywords, no deadlines (a forthcoming topic) keep the
 *   stored values. The portal's status is kept for reference only.
 * - Stored calls obey the calls API's rules, so a person can edit them
 *   later: an opening not before the first deadline, or contributions that
 *   contradict each other or the budget, are dropped with a warning.
 * - Idempotent: a topic whose values equal the stored ones is `unchanged`
 *   and not touched (no version bump, no audit event, no deadline change).
 *   A topic listed twice in one file is imported once; the repeat is
 *   skipped with a reason.
 * - A changed deadline (instant, zone, or a stage that came or went) is
 *   recorded in call_deadline_changes and everyone watching the call gets
 *   "The deadline changed from … to …" (notifications.ts words it).
 * - The audit event holds the same view of the call the calls API records
 *   (the stored facts, not status or count-downs).
 */
import { open, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { RowMissing } from '../../../db/row-missing.js';
import * as calls from '../../../db/funding/calls.js';
import type { DeadlineValues } from '../../../db/funding/calls.js';
import { type ImportCounts, insertCallImport, updateCallImportCounts } from '../../../db/funding/call-imports.js';
import { PayloadTooLarge, TimeSlice, ValidationFailed, assertWriterSomewhere, euros, recordChange, wholeNumber, words, written, type Caller, type Settings, type Words } from '../../platform/index.js';
import type { Locale } from '../../../i18n/locales.js';
import { programmeTree, programmesByIds } from '../../../db/funding/programmes.js';
import type { CallDeadlineRow, CallRow, Database } from '../../../db/schema.js';
import type { Call } from '../schemas/calls.js';
import type { CallImportChange, CallImportIssue, CallImportProgress, CallImportSummary } from '../schemas/call-import.js';
import { deadlinesDiffer } from '../rules/call-dates.js';
import { callAuditView, recordDeadlineChange, toCall } from './calls.js';
import { notifyDeadlineChange } from './notifications.js';
import {
  type CutOff,
  PORTAL_CUT_OFF,
  type PortalFormat,
  type PortalTopic,
  programmeMatcher,
  programmeName,
  readRecord,
  type RecordIssue,
  RECORDS_PATH,
  resolveDeadlines
} from '../rules/portal-formats.js';
import { readPortalFile } from './portal-stream.js';

/** Records per transaction. */
export const BATCH_SIZE = 200;
/** the most of the file the JSON parser reads in one go */
const CHUNK_BYTES = 64 * 1024;
/** Entries kept in each list of the answer. */
export const LIST_LIMIT = 1000;
/** A progress line at least every this many bytes. */
const PROGRESS_BYTES = 1 << 20;
/** The calls API's own limits (api/funding/schemas/calls.ts). */
const MAX_IDENTIFIER = 120;
const MAX_ACTION_TYPE = 120;
const MAX_KEYWORD = 60;
const MAX_KEYWORDS = 50;
const MAX_DEADLINES = 24;
const MAX_EXPECTED_GRANTS = 100_000;

export type ProgressListener = (progress: CallImportProgress) => unknown;

export interface ProgrammeFacts {
  id: string;
  code: string;
  name: string;
  cut_off_time: string;
  cut_off_zone: string;
}

/** The columns an import owns. Description, co-financing rate, RRULE and domains stay a person's. */
export interface ImportedValues {
  title: string;
  programme_id: string | null;
  action_type: string | null;
  opening_at: string | null;
  deadline_model: string;
  budget_cents: number | null;
  expected_grants: number | null;
  min_contribution_cents: number | null;
  max_contribution_cents: number | null;
  keywords: string[];
  link: string;
  portal_status: string | null;
}

/** Whether a column keeps its value (keywords: the same words in the same order). */
function sameValue<T>(a: T | readonly string[], b: T | readonly string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((word, i) => word === b[i]);
  return a === b;
}

/** How each owned column is named in the answer (the calls API's field names). */
const FIELD_NAMES: Record<keyof ImportedValues, string> = {
  title: 'title',
  programme_id: 'programmeId',
  action_type: 'actionType',
  opening_at: 'openingAt',
  deadline_model: 'deadlineModel',
  budget_cents: 'budget',
  expected_grants: 'expectedGrants',
  min_contribution_cents: 'minContribution',
  max_contribution_cents: 'maxContribution',
  keywords: 'keywords',
  link: 'link',
  portal_status: 'portalStatus'
};

/** A topic of the file as it would be stored, before comparing with what is. */
export interface Incoming {
  identifier: string;
  values: ImportedValues;
  /** resolved at the programme's cut-off; empty when the file gives none */
  deadlines: DeadlineValues[];
  programme: ProgrammeFacts | null;
}

export interface Plan {
  outcome: 'new' | 'changed' | 'unchanged';
  values: ImportedValues;
  /** only the columns that differ from the stored ones (all of them for a new call) */
  changes: Partial<ImportedValues>;
  deadlines: DeadlineValues[];
  /** the stored deadline rows differ in anything (instant, zone, label, assumed, number) */
  deadlineRowsChanged: boolean;
  /** a change a watcher is told about (instant, zone, label or number) */
  deadlineChanged: boolean;
  fields: string[];
  /** problems found when the values were made to fit the calls API's rules */
  problems: Words[];
}

// ---------------------------------------------------------------- pure rules

function localDate(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(zone).toISODate()!;
}

/** The opening: a date is the start of that day in the programme's zone; a real time is kept. */
function openingOf(topic: PortalTopic, zone: string): string | null {
  if (!topic.opening) return null;
  if (topic.opening.date === null) return topic.opening.instant;
  return DateTime.fromISO(topic.opening.date, { zone }).startOf('day').toUTC().toJSDate().toISOString();
}

/** A topic as the values it would store, with its programme and deadlines resolved. */
export function incomingOf(topic: PortalTopic, programme: ProgrammeFacts | null): Incoming {
  const cutOff: CutOff = programme ? { time: programme.cut_off_time, zone: programme.cut_off_zone } : PORTAL_CUT_OFF;
  // the calls API takes up to 24 deadlines: the latest ones matter
  const deadlines = resolveDeadlines(topic.deadlines, cutOff).slice(-MAX_DEADLINES);
  return {
    identifier: topic.identifier,
    programme,
    deadlines: deadlines.map((d) => ({ label: null, deadline_at: d.at, time_zone: d.zone, assumed: d.assumed })),
    values: {
      title: topic.title,
      programme_id: programme?.id ?? null,
      action_type: topic.actionType?.slice(0, MAX_ACTION_TYPE) ?? null,
      opening_at: openingOf(topic, cutOff.zone),
      deadline_model: topic.deadlineModel,
      budget_cents: topic.budgetCents,
      expected_grants: topic.expectedGrants,
      min_contribution_cents: topic.minContributionCents,
      max_contribution_cents: topic.maxContributionCents,
      keywords: topic.keywords.filter((k) => k.length <= MAX_KEYWORD).slice(0, MAX_KEYWORDS),
      link: topic.link,
      portal_status: topic.portalStatus
    }
  };
}

/**
 * The deadlines to store: the file's, position by position, except that a
 * confirmed deadline (not assumed) of the same local date outlives an
 * assumed one, and a stored label or zone stays when the instant is the same.
 */
export function mergeDeadlines(stored: CallDeadlineRow[], incoming: DeadlineValues[]): DeadlineValues[] {
  return incoming.map((next, position) => {
    const was = stored.find((d) => d.position === position);
    if (!was) return next;
    const kept: DeadlineValues = { label: was.label, deadline_at: was.deadline_at, time_zone: was.time_zone, assumed: was.assumed === 1 };
    if (next.assumed && was.assumed === 0 && localDate(was.deadline_at, was.time_zone) === localDate(next.deadline_at, next.time_zone)) return kept;
    if (Date.parse(was.deadline_at) === Date.parse(next.deadline_at)) return { ...kept, assumed: Boolean(next.assumed) && was.assumed === 1 };
    return { ...next, label: was.label };
  });
}

const snapshot = (deadlines: DeadlineValues[]) => deadlines.map((d, position) => ({ position, label: d.label, at: d.deadline_at, timeZone: d.time_zone }));

/** Drops values that contradict each other, as the calls API would refuse them. */
function fitted(values: ImportedValues, deadlines: DeadlineValues[]): { values: ImportedValues; problems: Words[] } {
  const v = { ...values };
  const problems: Words[] = [];
  if (v.min_contribution_cents !== null && v.max_contribution_cents !== null && v.min_contribution_cents > v.max_contribution_cents) {
    problems.push(words('problems_funding_import_minAboveMax', { min: euros(v.min_contribution_cents), max: euros(v.max_contribution_cents) }));
    v.min_contribution_cents = v.max_contribution_cents = null;
  }
  if (v.budget_cents !== null && v.max_contribution_cents !== null && v.max_contribution_cents > v.budget_cents) {
    problems.push(words('problems_funding_import_maxAboveBudget', { max: euros(v.max_contribution_cents), budget: euros(v.budget_cents) }));
    v.max_contribution_cents = null;
  }
  if (v.budget_cents !== null && v.min_contribution_cents !== null && v.min_contribution_cents > v.budget_cents) {
    problems.push(words('problems_funding_import_minAboveBudget', { min: euros(v.min_contribution_cents), budget: euros(v.budget_cents) }));
    v.min_contribution_cents = null;
  }
  if (v.expected_grants !== null && v.expected_grants > MAX_EXPECTED_GRANTS) {
    problems.push(words('problems_funding_import_tooManyGrants', { count: wholeNumber(v.expected_grants) }));
    v.expected_grants = null;
  }
  const first = deadlines[0];
  if (v.opening_at !== null && first && Date.parse(v.opening_at) >= Date.parse(first.deadline_at)) {
    problems.push(words('problems_funding_import_openingAfterDeadline'));
    v.opening_at = null;
  }
  return { values: v, problems };
}

/** What importing `incoming` does to the stored call (undefined: none yet). Pure. */
export function planCall(stored: CallRow | undefined, storedDeadlines: CallDeadlineRow[], incoming: Incoming): Plan {
  if (!stored) {
    const { values, problems } = fitted(incoming.values, incoming.deadlines);
    return {
      outcome: 'new',
      values,
      changes: values,
      deadlines: incoming.deadlines,
      deadlineRowsChanged: incoming.deadlines.length > 0,
      deadlineChanged: false,
      fields: [],
      problems
    };
  }
  const file = incoming.values;
  const keepDeadlines = incoming.deadlines.length === 0 && storedDeadlines.length > 0;
  const deadlines = keepDeadlines
    ? storedDeadlines.map((d) => ({ label: d.label, deadline_at: d.deadline_at, time_zone: d.time_zone, assumed: d.assumed === 1 }))
    : mergeDeadlines(storedDeadlines, incoming.deadlines);
  const merged: ImportedValues = {
    title: file.title,
    link: file.link,
    deadline_model: keepDeadlines ? stored.deadline_model : file.deadline_model,
    programme_id: file.programme_id ?? stored.programme_id,
    action_type: file.action_type ?? stored.action_type,
    opening_at: file.opening_at ?? stored.opening_at,
    budget_cents: file.budget_cents ?? stored.budget_cents,
    expected_grants: file.expected_grants ?? stored.expected_grants,
    min_contribution_cents: file.min_contribution_cents ?? stored.min_contribution_cents,
    max_contribution_cents: file.max_contribution_cents ?? stored.max_contribution_cents,
    keywords: file.keywords.length === 0 ? stored.keywords : file.keywords,
    portal_status: file.portal_status ?? stored.portal_status
  };
  const { values, problems } = fitted(merged, deadlines);
  const changes: Partial<ImportedValues> = {};
  for (const key of Object.keys(values) as (keyof ImportedValues)[]) {
    if (!sameValue(values[key], stored[key])) (changes as Record<string, unknown>)[key] = values[key];
  }
  const rows = storedDeadlines.map((d) => ({ label: d.label, deadline_at: d.deadline_at, time_zone: d.time_zone, assumed: d.assumed === 1 }));
  const deadlineRowsChanged =
    rows.length !== deadlines.length ||
    rows.some((d, i) => {
      const n = deadlines[i]!;
      return d.deadline_at !== n.deadline_at || d.time_zone !== n.time_zone || d.label !== n.label || d.assumed !== Boolean(n.assumed);
    });
  const deadlineChanged = deadlinesDiffer(snapshot(rows), snapshot(deadlines));
  const fields = (Object.keys(changes) as (keyof ImportedValues)[]).map((k) => FIELD_NAMES[k]);
  if (deadlineRowsChanged) fields.push('deadlines');
  return {
    outcome: fields.length ? 'changed' : 'unchanged',
    values,
    changes,
    deadlines,
    deadlineRowsChanged,
    deadlineChanged,
    fields,
    problems
  };
}

// ---------------------------------------------------------------- the tally

/** The summary before it is written: each issue says what is wrong as catalogue words. */
export type ImportSummary = Omit<CallImportSummary, 'invalid' | 'skipped' | 'warnings'> & { invalid: RecordIssue[]; skipped: RecordIssue[]; warnings: RecordIssue[] };

/** The summary as the reader gets it: each issue's code and values, and its message in the reader's language. */
export function summaryIn(summary: ImportSummary, locale: Locale): CallImportSummary {
  const issues = (list: RecordIssue[]): CallImportIssue[] => list.map(({ said, ...issue }) => ({ ...issue, ...written(said, locale) }));
  return { ...summary, invalid: issues(summary.invalid), skipped: issues(summary.skipped), warnings: issues(summary.warnings) };
}

/**
 * A copy that shares no string with the parser's buffers. V8 keeps a
 * substring as a slice of the text it came from, so keeping one short
 * identifier would keep the whole chunk of the file it was read from alive
 * (every chunk, by the end of a large file). What outlives a record is
 * copied.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

class Tally {
  readonly counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0, skipped: 0 };
  readonly calls: CallImportChange[] = [];
  readonly invalid: RecordIssue[] = [];
  readonly skipped: RecordIssue[] = [];
  readonly warnings: RecordIssue[] = [];
  records = 0;
  deadlineChanges = 0;
  notified = 0;
  truncated = false;

  keep<T>(list: T[], item: T): void {
    if (list.length < LIST_LIMIT) list.push(detached(item));
    else this.truncated = true;
  }

  summary(id: string | null, dryRun: boolean, format: PortalFormat, bytes: number): ImportSummary {
    return {
      id,
      dryRun,
      format,
      bytes,
      records: this.records,
      counts: { ...this.counts },
      calls: this.calls,
      invalid: this.invalid,
      skipped: this.skipped,
      warnings: this.warnings,
      deadlineChanges: this.deadlineChanges,
      notified: this.notified,
      listLimit: LIST_LIMIT,
      truncated: this.truncated
    };
  }
}

/** A topic ready to compare, with where it sits in the file. */
interface Candidate {
  index: number;
  path: string;
  incoming: Incoming;
}

// ---------------------------------------------------------------- reading the body

async function* bodyChunks(body: ReadableStream<Uint8Array>, maxBytes: number, copy?: (chunk: Uint8Array) => Promise<unknown>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) throw new PayloadTooLarge(maxBytes);
      if (copy) await copy(value);
      // the JSON parser takes a chunk in one go: large chunks are read in pieces, so the event loop gets its turns
      for (let at = 0; at < value.byteLength; at += CHUNK_BYTES) yield value.subarray(at, at + CHUNK_BYTES);
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Progress is told on a best-effort basis: a listener that fails (the client went away) is dropped, the import goes on. */
class Progress {
  private lastBytes = 0;

  constructor(private listener: ProgressListener | undefined) {}

  async report(phase: CallImportProgress['phase'], processed: number, bytes: number, force = false): Promise<void> {
    if (!this.listener || (!force && bytes - this.lastBytes < PROGRESS_BYTES)) return;
    this.lastBytes = bytes;
    try {
      await this.listener({ type: 'progress', phase, processed, bytes });
    } catch {
      this.listener = undefined;
    }
  }

  restart(): void {
    this.lastBytes = 0;
  }
}

// ---------------------------------------------------------------- the service

export class CallImportService {
  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /**
   * Checks the caller and the declared size before a byte of the body is
   * read (so a refusal is a plain 403/413), and returns the run to start.
   */
  prepare(caller: Caller, options: { dryRun: boolean; declaredBytes: number | null }) {
    assertWriterSomewhere(caller);
    const max = this.settings.maxImportBytes;
    if (options.declaredBytes !== null && options.declaredBytes > max) throw new PayloadTooLarge(max);
    return (body: ReadableStream<Uint8Array> | null, onProgress?: ProgressListener): Promise<ImportSummary> => {
      if (!body) throw new ValidationFailed([{ path: '', ...words('problems_funding_field_notPortalFileNoBody') }], words('problems_funding_notPortalFileNoBody'));
      return options.dryRun ? this.preview(body, onProgress) : this.importFile(caller, body, onProgress);
    };
  }

  private async catalogue(): Promise<{ match: (topic: PortalTopic) => ProgrammeFacts | null; byId: Map<string, ProgrammeFacts> }> {
    const ids = (await programmeTree(this.db)).map((p) => p.id);
    const programmes: ProgrammeFacts[] = await programmesByIds(this.db, ids);
    return { match: programmeMatcher(programmes), byId: new Map(programmes.map((p) => [p.id, p])) };
  }

  /**
   * Reads every record of `source`: invalid and skipped ones go to the
   * tally, topics are handed to `handle` in batches. Returns the format and
   * the bytes read.
   */
  private async walk(
    source: AsyncIterable<Uint8Array>,
    tally: Tally,
    phase: CallImportProgress['phase'],
    progress: Progress,
    match: (topic: PortalTopic) => ProgrammeFacts | null,
    slice: TimeSlice,
    handle: (batch: Candidate[]) => Promise<void>
  ): Promise<{ format: PortalFormat; bytes: number }> {
    const seen = new Map<string, number>();
    const position = { bytes: 0 };
    const records = readPortalFile(source, position);
    let batch: Candidate[] = [];
    const flush = async () => {
      if (batch.length) await handle(batch);
      batch = [];
      await progress.report(phase, tally.records, position.bytes, true);
    };
    for (;;) {
      await slice.pause();
      const step = await records.next();
      if (step.done) {
        await flush();
        return { format: step.value, bytes: position.bytes };
      }
      const { format, index, value } = step.value;
      tally.records += 1;
      const path = `${RECORDS_PATH[format]}.${index}`;
      const outcome = readRecord(format, value, index);
      if (outcome.kind !== 'topic') {
        const { kind, ...issue } = outcome;
        tally.counts[kind] += 1;
        tally.keep(kind === 'invalid' ? tally.invalid : tally.skipped, issue);
      } else {
        const { topic, warnings } = outcome;
        const first = seen.get(topic.identifier);
        if (topic.identifier.length > MAX_IDENTIFIER) {
          tally.counts.invalid += 1;
          tally.keep(tally.invalid, { index, identifier: topic.identifier, path, said: words('problems_funding_import_identifierTooLong', { max: MAX_IDENTIFIER }) });
        } else if (first !== undefined) {
          tally.counts.skipped += 1;
          tally.keep(tally.skipped, { index, identifier: topic.identifier, path, said: words('problems_funding_import_listedAgain', { first }) });
        } else {
          seen.set(detached(topic.identifier), index);
          for (const warning of warnings) tally.keep(tally.warnings, warning);
          const programme = match(topic);
          if (!programme) {
            tally.keep(tally.warnings, {
              index,
              identifier: topic.identifier,
              path,
              said: words('problems_funding_import_programmeUnknown', { programme: programmeName(topic) })
            });
          }
          batch.push({ index, path, incoming: incomingOf(topic, programme) });
          if (batch.length >= BATCH_SIZE) await flush();
        }
      }
      await progress.report(phase, tally.records, position.bytes);
    }
  }

  private count(tally: Tally, candidate: Candidate, plan: Plan, callId: string | null): void {
    tally.counts[plan.outcome] += 1;
    for (const problem of plan.problems) tally.keep(tally.warnings, { index: candidate.index, identifier: candidate.incoming.identifier, path: candidate.path, said: problem });
    if (plan.outcome === 'unchanged') return;
    if (plan.deadlineChanged) tally.deadlineChanges += 1;
    tally.keep(tally.calls, {
      identifier: candidate.incoming.identifier,
      title: plan.values.title,
      outcome: plan.outcome,
      callId,
      fields: plan.fields,
      deadlineChanged: plan.deadlineChanged
    });
  }

  private async preview(body: ReadableStream<Uint8Array>, onProgress?: ProgressListener): Promise<ImportSummary> {
    const tally = new Tally();
    const { match } = await this.catalogue();
    const slice = new TimeSlice();
    const { format, bytes } = await this.walk(bodyChunks(body, this.settings.maxImportBytes), tally, 'reading', new Progress(onProgress), match, slice, async (batch) => {
      for (const candidate of batch) {
        await slice.pause();
        const stored = await calls.findCallByIdentifier(this.db, candidate.incoming.identifier);
        const storedDeadlines = stored ? await calls.deadlinesOf(this.db, stored.id) : [];
        this.count(tally, candidate, planCall(stored, storedDeadlines, candidate.incoming), stored?.id ?? null);
      }
    });
    return tally.summary(null, true, format, bytes);
  }

  private async importFile(caller: Caller, body: ReadableStream<Uint8Array>, onProgress?: ProgressListener): Promise<ImportSummary> {
    const progress = new Progress(onProgress);
    const spool = join(tmpdir(), `regiodesk-import-${newId()}.json`);
    const file = await open(spool, 'wx', 0o600);
    try {
      // 1. receive: the whole upload must be a readable portal file before anything is written
      const received = { bytes: 0 };
      let records = 0;
      const check = readPortalFile(
        bodyChunks(body, this.settings.maxImportBytes, (chunk) => file.write(chunk)),
        received
      );
      let format: PortalFormat;
      const slice = new TimeSlice();
      for (;;) {
        await slice.pause();
        const step = await check.next();
        if (step.done) {
          format = step.value;
          break;
        }
        records += 1;
        await progress.report('receiving', records, received.bytes);
      }
      await progress.report('receiving', records, received.bytes, true);
      await file.close();

      // 2. write, batch by batch
      progress.restart();
      const tally = new Tally();
      const importId = newId();
      await insertCallImport(this.db, { id: importId, userId: caller.userId, format, dryRun: false, counts: tally.counts, at: this.clock().toISOString() });
      const { match, byId } = await this.catalogue();
      const { bytes } = await this.walk(createReadStream(spool, { highWaterMark: CHUNK_BYTES }), tally, 'writing', progress, match, slice, async (batch) => {
        // one transaction per share of the event loop (at most the batch): other requests get their turn in between
        for (let next = 0; next < batch.length; ) {
          const at = this.clock().toISOString();
          await this.db.transaction().execute(async (trx) => {
            do await this.apply(trx, caller, batch[next++]!, tally, importId, byId, at);
            while (next < batch.length && !slice.spent);
          });
          await slice.pause();
        }
      });
      await updateCallImportCounts(this.db, importId, tally.counts);
      return tally.summary(importId, false, format, bytes);
    } finally {
      await file.close().catch(() => undefined);
      await rm(spool, { force: true });
    }
  }

  /** Upserts one topic inside the batch's transaction. */
  private async apply(
    trx: Kysely<Database>,
    caller: Caller,
    candidate: Candidate,
    tally: Tally,
    importId: string,
    programmes: Map<string, ProgrammeFacts>,
    at: string
  ): Promise<void> {
    const now = new Date(at);
    const { incoming } = candidate;
    const programmeOf = (id: string | null) => (id ? (programmes.get(id) ?? null) : null);
    // the stored call is held until the batch commits (PostgreSQL): a person's edit or another import of it waits, or is waited for
    let stored = await calls.findCallByIdentifierToWrite(trx, incoming.identifier);
    if (!stored) {
      const plan = planCall(undefined, [], incoming);
      const row = await calls.insertCallUnlessRecorded(trx, {
        id: newId(),
        identifier: incoming.identifier,
        ...plan.values,
        description: null,
        cofinancing_rate: null,
        rrule: null,
        source: 'portal',
        imported_at: at,
        created_by: caller.userId,
        created_at: at,
        updated_at: at
      });
      if (row) {
        const deadlines = await calls.replaceDeadlines(trx, row.id, plan.deadlines);
        const after = toCall({ row, deadlines, domains: [], programme: programmeOf(row.programme_id), watched: false }, now);
        await recordChange(trx, caller, 'call', row.id, null, callAuditView(after));
        this.count(tally, candidate, plan, row.id);
        return;
      }
      // recorded at the same moment (another import, or a person): compared and merged like any stored call
      stored = await calls.findCallByIdentifierToWrite(trx, incoming.identifier);
      if (!stored) throw new RowMissing('call');
    }
    const storedDeadlines = await calls.deadlinesOf(trx, stored.id);
    const plan = planCall(stored, storedDeadlines, incoming);
    if (plan.outcome === 'unchanged') {
      this.count(tally, candidate, plan, stored.id);
      return;
    }
    const domains = await calls.domainsOfCalls(trx, [stored.id]);
    const before = toCall({ row: stored, deadlines: storedDeadlines, domains, programme: programmeOf(stored.programme_id), watched: false }, now);
    const row = await calls.updateCallOrThrow(trx, stored.id, { ...plan.changes, imported_at: at, updated_at: at });
    const deadlines = plan.deadlineRowsChanged ? await calls.replaceDeadlines(trx, stored.id, plan.deadlines) : storedDeadlines;
    const changeId = await recordDeadlineChange(trx, stored.id, storedDeadlines, deadlines, importId, at);
    if (changeId) tally.notified += await notifyDeadlineChange(trx, stored.id, calls.snapshotOf(storedDeadlines), calls.snapshotOf(deadlines), at);
    const after = toCall({ row, deadlines, domains, programme: programmeOf(row.programme_id), watched: false }, now);
    await recordChange(trx, caller, 'call', stored.id, callAuditView(before), callAuditView(after));
    this.count(tally, candidate, plan, stored.id);
  }
}
