/**
 * SQLite's storage errors, told apart from bugs: a full disk, a read-only
 * database, a failing disk, a file that cannot be opened, a write lock held
 * elsewhere. better-sqlite3 throws `SqliteError` with SQLite's extended code
 * as `code` (SQLITE_FULL, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, …).
 * The API answers these 503 in words (api/platform/http/errors.ts); bookkeeping writes
 * swallow them (api/platform/services/bookkeeping.ts).
 */
export type StorageFaultKind = 'disk-full' | 'read-only' | 'io-error' | 'cannot-open' | 'busy';

export interface StorageFault {
  kind: StorageFaultKind;
  /** SQLite's extended result code, e.g. SQLITE_IOERR_WRITE */
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

/** The storage fault behind `error`, or null for anything else (a constraint, a bug). */
export function storageFaultOf(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  for (const [prefix, kind] of KINDS) {
    if (code === prefix || code.startsWith(`${prefix}_`)) return { kind, code };
  }
  return null;
}
