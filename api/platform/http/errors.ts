/**
 * Typed errors thrown anywhere below a route; `app.onError` turns each into
 * an RFC 9457 problem+json response through `problemOf`, the one error path
 * (the portal import's NDJSON stream, whose status is sent already, writes
 * the same problem as its last line). No try/catch in routes.
 */
import { HTTPException } from 'hono/http-exception';
import { BadCursor } from '../../../db/platform/pagination.js';
import { constraintViolationOf } from '../../../db/constraint-violations.js';
import { RowMissing } from '../../../db/row-missing.js';
import { type StorageFault, type StorageFaultKind, storageFaultOf } from '../../../db/storage-faults.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import { storageFaultLog } from '../services/storage-fault-log.js';
import { collisionWords } from './collisions.js';
import { type FieldProblem, type ProblemKey, type Say, type Thing, type Words, isProblemKey, isThing, notFoundWords, paramsIn, render, words } from './problem-words.js';

export { type FieldProblem, type ProblemKey, type Say, type Thing, type Words, isThing, words } from './problem-words.js';

/** A field error as code writes it: the field's path and its words. */
export type FieldError = FieldProblem;

/** A field error as the response carries it: the message's key and values, and the message in the reader's language. */
export interface WrittenFieldError {
  path: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * What a problem says: a message of the problems catalogue with its values,
 * rendered in the reader's language when the response is written. There is
 * no other form: an English sentence does not compile.
 */
export type Detail = Words;

function fieldError(error: FieldProblem, locale: Locale): WrittenFieldError {
  return { path: error.path, code: error.key, params: paramsIn(error, locale), message: render(error, locale) };
}

/** A constructor's message: a key with its values (`'problems_…', { … }`), or words made already. */
function detailOf(args: unknown[]): { detail: Detail; rest: unknown[] } {
  const [first, ...rest] = args;
  if (typeof first === 'string' && isProblemKey(first)) return { detail: { key: first, params: rest[0] ?? {} } as Words, rest: rest.slice(1) };
  return { detail: first as Detail, rest };
}

export class Problem extends Error {
  readonly words: Words;
  constructor(
    readonly status: number,
    readonly title: string,
    detail: Detail,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(render(detail, BASE_LOCALE));
    this.words = detail;
  }

  /** the detail in English (the base language) */
  get detail(): string {
    return this.message;
  }

  /** the detail in the reader's language */
  detailIn(locale: Locale): string {
    return render(this.words, locale);
  }

  get type(): string {
    return `https://regiodesk.eu/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  }

  /**
   * The problem+json body in the reader's language: `code` and `params` name
   * the message (stable, for programs), `detail` and each field's `message`
   * are it in words. `title` stays English: a short label of the status for
   * programs and logs, like `type`, that every reader's client maps itself.
   */
  toJSON(locale: Locale = BASE_LOCALE) {
    const { errors, ...extra } = this.extra as { errors?: FieldProblem[] } & Record<string, unknown>;
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      code: this.words.key,
      params: paramsIn(this.words, locale),
      detail: this.detailIn(locale),
      ...extra,
      ...(errors ? { errors: errors.map((error) => fieldError(error, locale)) } : {})
    };
  }
}

export class ValidationFailed extends Problem {
  constructor(
    readonly errors: FieldProblem[],
    detail?: Detail
  ) {
    super(400, 'Validation failed', detail ?? words('problems_fieldsNeedAttention', { fields: fieldList(errors, BASE_LOCALE) }), { errors });
  }

  override detailIn(locale: Locale): string {
    if (this.words?.key === 'problems_fieldsNeedAttention') return render(words('problems_fieldsNeedAttention', { fields: fieldList(this.errors, locale) }), locale);
    return super.detailIn(locale);
  }
}

/** "path: message; path: message", each message in the reader's language */
function fieldList(errors: FieldProblem[], locale: Locale): string {
  return errors.map((e) => `${e.path || '(body)'}: ${fieldError(e, locale).message}`).join('; ');
}

export class Unauthorized extends Problem {
  constructor(...args: Say | [Detail?]) {
    super(401, 'Unauthorized', args.length ? detailOf(args).detail : words('problems_signIn'), { errors: [] });
  }
}

export class Forbidden extends Problem {
  constructor(...args: Say | [Detail?]) {
    super(403, 'Forbidden', args.length ? detailOf(args).detail : words('problems_roleForbids'), { errors: [] });
  }
}

export class NotFound extends Problem {
  constructor(what: Thing = 'resource') {
    super(404, 'Not found', notFoundWords(what), { errors: [] });
  }
}

export class Conflict extends Problem {
  constructor(...args: Say | [Detail, Record<string, unknown>?]) {
    const { detail, rest } = detailOf(args);
    super(409, 'Conflict', detail, { errors: [], ...((rest[0] as Record<string, unknown>) ?? {}) });
  }
}

/** A write sent with a stale `If-Match`: the body carries the current record. */
export class PreconditionFailed extends Problem {
  constructor(current: unknown, detail: Detail = words('problems_staleVersion')) {
    super(412, 'Precondition failed', detail, { errors: [], current });
  }
}

/** A write whose `If-Match` names a version the record has not reached: nobody changed it, the version is wrong. */
export class VersionNotYet extends PreconditionFailed {
  constructor(current: unknown, expected: number, stored: number) {
    super(current, words('problems_versionNotYet', { expected, stored }));
  }
}

/** A write to a co-edited record sent without `If-Match`: say which version you started from. */
export class PreconditionRequired extends Problem {
  constructor(detail: Detail = words('problems_ifMatchMissing')) {
    super(428, 'Precondition required', detail, { errors: [{ path: 'If-Match', ...words('problems_field_ifMatchRequired') }] });
  }
}

/** A co-edited write whose changed fields overlap with changes made since its base version (MergeConflictProblem). */
export class MergeConflict extends Problem {
  constructor(baseVersion: number, current: unknown, conflicts: { field: string; base: unknown; theirs: unknown; yours: unknown }[]) {
    super(409, 'Merge conflict', words('problems_mergeConflict', { fields: conflicts.map((c) => c.field).join(', '), version: baseVersion }), {
      errors: [],
      baseVersion,
      current,
      conflicts
    });
  }
}

export class TooManyRequests extends Problem {
  constructor(retryAfterSeconds: number, detail: Detail = words('problems_tooManyAttempts')) {
    super(429, 'Too many requests', detail, { errors: [], retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class PayloadTooLarge extends Problem {
  constructor(limitBytes: number) {
    super(413, 'Payload too large', words('problems_bodyTooLarge', { kib: Math.round(limitBytes / 1024) }), {
      errors: [{ path: '', ...words('problems_field_bodyTooLarge') }]
    });
  }
}

/** A field that points at something missing (or invisible to the caller). */
export function unknownReference(path: string, what: Thing): ValidationFailed {
  return new ValidationFailed([{ path, ...notFoundWords(what) }]);
}

/** Whether waiting helps when the database could not take the write (db/storage-faults.ts), and when to try again (null: not before someone fixes it). */
const STORAGE_RETRY: Record<StorageFaultKind, number | null> = { 'disk-full': 60, 'read-only': null, 'io-error': 30, 'cannot-open': 30, busy: 5 };

/** Each fault in words, alone (nothing was saved) or after what needed the write (signing in saves a session). */
const STORAGE_WORDS: Record<StorageFaultKind, Record<'nothingSaved' | 'signIn', ProblemKey>> = {
  'disk-full': { nothingSaved: 'problems_storage_diskFull', signIn: 'problems_storage_diskFull_signIn' },
  'read-only': { nothingSaved: 'problems_storage_readOnly', signIn: 'problems_storage_readOnly_signIn' },
  'io-error': { nothingSaved: 'problems_storage_ioError', signIn: 'problems_storage_ioError_signIn' },
  'cannot-open': { nothingSaved: 'problems_storage_cannotOpen', signIn: 'problems_storage_cannotOpen_signIn' },
  busy: { nothingSaved: 'problems_storage_busy', signIn: 'problems_storage_busy_signIn' }
};

/**
 * 503: the database could not take a write (full disk, read-only file,
 * failing disk); reads still work. `action` names what needed the write
 * (signing in saves a session) where "nothing was saved" would puzzle.
 */
export class StorageUnavailable extends Problem {
  constructor(
    readonly fault: StorageFault,
    action: 'nothingSaved' | 'signIn' = 'nothingSaved'
  ) {
    const retryAfter = STORAGE_RETRY[fault.kind];
    super(503, 'Storage unavailable', { key: STORAGE_WORDS[fault.kind][action], params: {} } as Words, { errors: [], storage: fault.kind }, retryAfter === null ? {} : { 'Retry-After': String(retryAfter) });
  }
}

/** 500: something this code did not foresee; `detail` says what became of the work (by default: nothing was saved). */
export class InternalError extends Problem {
  constructor(detail: Detail = words('problems_internal')) {
    super(500, 'Internal error', detail);
  }
}

/**
 * The one error path: any error as the problem it answers. Problems stay as
 * they are; a bad cursor, a missing row, Hono’s refusals, a write a key
 * refused (409 saying what collided: collisions.ts) and the engine’s storage
 * faults are put in words; anything else is logged and answered as an
 * InternalError with `internalDetail`.
 */
export function problemOf(error: unknown, internalDetail?: Detail): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof BadCursor) return new ValidationFailed([{ path: 'query.cursor', ...words('problems_field_badCursor') }]);
  if (error instanceof RowMissing) return new NotFound(isThing(error.what) ? error.what : 'record');
  if (error instanceof HTTPException) {
    // Hono's own refusals say why in English only: the reader gets the catalogue's words instead
    if (error.status === 400) return new ValidationFailed([{ path: '', ...(error.message === 'Malformed JSON in request body' ? words('problems_field_notJson') : words('problems_field_requestUnreadable')) }]);
    return new Problem(error.status, 'Request refused', words('problems_refused'), { errors: [] });
  }
  // two writers that both checked, then both wrote: the second meets the first one's row (or a row it refers to is gone)
  const violation = constraintViolationOf(error);
  if (violation) {
    const { detail, errors } = collisionWords(violation);
    return new Conflict(detail, { errors });
  }
  // a full disk, a read-only database, a failing disk: 503 in words, logged now and then rather than per request
  const fault = storageFaultOf(error);
  if (fault) {
    storageFaultLog.report('A request’s database work', fault, 'It was answered 503.');
    return new StorageUnavailable(fault);
  }
  console.error(error);
  return new InternalError(internalDetail);
}

/** A problem as its application/problem+json answer, in the reader's language (reader-language.ts). */
export function problemResponse(problem: Problem, locale: Locale = BASE_LOCALE): Response {
  return new Response(JSON.stringify(problem.toJSON(locale)), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Content-Language': locale, ...problem.headers }
  });
}
