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
import { storageFaultLog } from '../services/storage-fault-log.js';
import { collisionWords } from './collisions.js';

export interface FieldError {
  path: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(detail);
  }

  get type(): string {
    return `https://regiodesk.eu/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  }

  toJSON() {
    return { type: this.type, title: this.title, status: this.status, detail: this.detail, ...this.extra };
  }
}

export class ValidationFailed extends Problem {
  constructor(errors: FieldError[], detail = 'Some fields need attention: ' + errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ')) {
    super(400, 'Validation failed', detail, { errors });
  }
}

export class Unauthorized extends Problem {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'Unauthorized', detail, { errors: [] });
  }
}

export class Forbidden extends Problem {
  constructor(detail = 'Your role does not allow this change.') {
    super(403, 'Forbidden', detail, { errors: [] });
  }
}

export class NotFound extends Problem {
  constructor(what = 'resource') {
    super(404, 'Not found', `No ${what} with this id.`, { errors: [] });
  }
}

export class Conflict extends Problem {
  constructor(detail: string, extra: Record<string, unknown> = {}) {
    super(409, 'Conflict', detail, { errors: [], ...extra });
  }
}

/** A write sent with a stale `If-Match`: the body carries the current record. */
export class PreconditionFailed extends Problem {
  constructor(current: unknown, detail = 'Someone else changed this record since you opened it. Review the current version and apply your change again.') {
    super(412, 'Precondition failed', detail, { errors: [], current });
  }
}

/** A write whose `If-Match` names a version the record has not reached: nobody changed it, the version is wrong. */
export class VersionNotYet extends PreconditionFailed {
  constructor(current: unknown, expected: number, stored: number) {
    super(current, `Version ${expected} of this record does not exist yet; it is at version ${stored}. Reload it and apply your change again.`);
  }
}

/** A write to a co-edited record sent without `If-Match`: say which version you started from. */
export class PreconditionRequired extends Problem {
  constructor(detail = 'Send If-Match with the version you started from (the ETag you read), so no one’s change is overwritten.') {
    super(428, 'Precondition required', detail, { errors: [{ path: 'If-Match', message: 'Required for this record.' }] });
  }
}

/** A co-edited write whose changed fields overlap with changes made since its base version (MergeConflictProblem). */
export class MergeConflict extends Problem {
  constructor(baseVersion: number, current: unknown, conflicts: { field: string; base: unknown; theirs: unknown; yours: unknown }[]) {
    super(
      409,
      'Merge conflict',
      `Someone else changed ${conflicts.map((c) => c.field).join(', ')} since version ${baseVersion}. Choose what to keep and send it again with the current version.`,
      { errors: [], baseVersion, current, conflicts }
    );
  }
}

export class TooManyRequests extends Problem {
  constructor(retryAfterSeconds: number, detail = 'Too many attempts. Wait a moment and try again.') {
    super(429, 'Too many requests', detail, { errors: [], retryAfter: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class PayloadTooLarge extends Problem {
  constructor(limitBytes: number) {
    super(413, 'Payload too large', `The request body is larger than ${Math.round(limitBytes / 1024)} KiB.`, {
      errors: [{ path: '', message: 'Body too large' }]
    });
  }
}

/** A field that points at something missing (or invisible to the caller). */
export function unknownReference(path: string, what: string): ValidationFailed {
  return new ValidationFailed([{ path, message: `No ${what} with this id.` }]);
}

/** Why the database could not take the write (db/storage-faults.ts), what to do, and when to try again (null: not before someone fixes it). */
const STORAGE_WORDS: Record<StorageFaultKind, { cause: string; advice: string; retryAfter: number | null }> = {
  'disk-full': { cause: 'the server’s disk is full', advice: 'Reading still works; try again once an administrator has freed space.', retryAfter: 60 },
  'read-only': { cause: 'the database is read-only on this server', advice: 'Reading still works; an administrator must make the database file writable.', retryAfter: null },
  'io-error': { cause: 'the server could not write to its disk', advice: 'Try again in a moment, and tell an administrator if it keeps happening.', retryAfter: 30 },
  'cannot-open': { cause: 'the server cannot open its database file', advice: 'Tell an administrator.', retryAfter: 30 },
  busy: { cause: 'another process is writing to the database', advice: 'Try again in a moment.', retryAfter: 5 }
};

/**
 * 503: the database could not take a write (full disk, read-only file,
 * failing disk); reads still work. `action` names what needed the write
 * ("Signing in saves a session") where "nothing was saved" would puzzle.
 */
export class StorageUnavailable extends Problem {
  constructor(
    readonly fault: StorageFault,
    action?: string
  ) {
    const { cause, advice, retryAfter } = STORAGE_WORDS[fault.kind];
    const detail = action ? `${action}, and ${cause}. ${advice}` : `${cause[0]!.toUpperCase()}${cause.slice(1)}, so nothing was saved. ${advice}`;
    super(503, 'Storage unavailable', detail, { errors: [], storage: fault.kind }, retryAfter === null ? {} : { 'Retry-After': String(retryAfter) });
  }
}

/** 500: something this code did not foresee; `detail` says what became of the work (by default: nothing was saved). */
export class InternalError extends Problem {
  constructor(detail = 'Something went wrong on our side; nothing was saved. Try again, and tell an administrator if it keeps happening.') {
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
export function problemOf(error: unknown, internalDetail?: string): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof BadCursor) return new ValidationFailed([{ path: 'query.cursor', message: error.message }]);
  if (error instanceof RowMissing) return new NotFound(error.what);
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ValidationFailed([{ path: '', message: error.message === 'Malformed JSON in request body' ? 'The body is not valid JSON.' : error.message }]);
    return new Problem(error.status, 'Request refused', error.message || 'The request was refused.', { errors: [] });
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

/** A problem as its application/problem+json answer. */
export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem.toJSON()), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...problem.headers }
  });
}
