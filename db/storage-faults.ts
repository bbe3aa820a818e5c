/**
 * SQLite's storage errors, told apart from bugs: a full disk, a read-only
 * database, a failing disk, a file that cannot be opened, a write lock held
 * elsewhere. better-sqlite3 throws `SqliteError` with SQLite's extended code
 * as `code` (SQLITE_FULL, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, …).
 * The API answers these 503 in words (api/platform/http/errors.ts); bookkeeping writes
 * swallow them (api/platform/services/bookkeeping.ts).
 *
 * PostgreSQL's errors of the same kinds (node-postgres' DatabaseError with
 * the SQLSTATE as `code`: 53100 disk full, 25006 a read-only transaction,
 * 58030 an I/O error, 57P03 and 3D000 a server or database that cannot be
 * opened now, 55P03 a lock not available, 40P01 a deadlock that ended this
 * transaction, 40001 a serialisation failure) answer the same faults.
 */
import { isPostgresError } from './constraint-violations.js';

export type StorageFaultKind = 'disk-full' | 'read-only' | 'io-error' | 'cannot-open' | 'busy';

export interface StorageFault {
  kind: StorageFaultKind;
  /** SQLite's extended result code, e.g. SQLITE_IOERR_WRITE (PostgreSQL's SQLSTATE, e.g. 53100) */
  code: string;
}

const KINDS: [prefix: string, kind: StorageFaultKind][] = [
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_IOERR', 'io-error'],
  ['SQLITE_CANTOPEN', 'cannot-open'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy']
];

const POSTGRES: Record<string, StorageFaultKind> = {
  '53100': 'disk-full',
  '25006': 'read-only',
  '58030': 'io-error',
  '57P03': 'cannot-open',
  '3D000': 'cannot-open',
  '55P03': 'busy',
  // two transactions waiting for each other's rows (one is ended), or a serialisable transaction that lost a race: try again
  '40P01': 'busy',
  '40001': 'busy'
};

/** The storage fault behind `error`, or null for anything else (a constraint, a bug). */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (isPostgresError(error)) {
    const kind = POSTGRES[code];
    return kind ? { kind, code } : null;
  }
  for (const [prefix, kind] of KINDS) {
    if (code === prefix || code.startsWith(`${prefix}_`)) return { kind, code };
  }
  return null;
}
