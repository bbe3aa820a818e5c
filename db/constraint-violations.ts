/**
 * A write refused by a key, told apart from other errors, on either engine:
 * a unique key (or primary key) that already holds the value, or a foreign
 * key whose row is missing (or still referenced). better-sqlite3 throws
 * `SqliteError` with SQLite's extended code (SQLITE_CONSTRAINT_UNIQUE,
 * SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_FOREIGNKEY) and names the
 * unique columns in its message ("UNIQUE constraint failed: users.email");
 * node-postgres throws `DatabaseError` with the SQLSTATE (23505, 23503)
 * and the constraint's name. `key` gives a unique key one name on both
 * engines (db/unique-keys.ts), so the API's one error path answers every
 * collision with a 409 saying what collided (api/platform/http/collisions.ts)
 * — the answer to two writers that both checked before either wrote.
 */
import { type PrimaryKeyName, type UniqueKeyName, uniqueKeyNamed } from './unique-keys.js';

export type ConstraintKind = 'unique' | 'foreign-key';

export interface ConstraintViolation {
  kind: ConstraintKind;
  /** the engine's code: SQLITE_CONSTRAINT_UNIQUE, 23505, … */
  code: string;
  /** what the engine names: SQLite the unique columns (`users.email`), PostgreSQL the constraint or index (`users_email_key`); null when it names none */
  names: string | null;
  /** a unique key's one name on both engines (PostgreSQL's: `budgets_once`, `users_pkey`); null for a foreign key or a key the list does not know */
  key: UniqueKeyName | PrimaryKeyName | null;
}

const SQLITE: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign-key'
};

const POSTGRES: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign-key'
};

/** A PostgreSQL server's error as node-postgres hands it over (a DatabaseError carries the severity and the SQLSTATE). */
export function isPostgresError(error: unknown): error is { code: string; severity: string; constraint?: string; message: string } {
  const candidate = error as { code?: unknown; severity?: unknown } | null;
  return typeof candidate?.code === 'string' && typeof candidate.severity === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code);
}

/** The key behind a refused write, or null for anything else. */
export function constraintViolationOf(error: unknown): ConstraintViolation | null {
  if (isPostgresError(error)) {
    const kind = POSTGRES[error.code];
    if (!kind) return null;
    const names = error.constraint ?? null;
    return { kind, code: error.code, names, key: kind === 'unique' ? uniqueKeyNamed('postgres', names) : null };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const kind = SQLITE[code];
  if (!kind) return null;
  const message = (error as { message?: unknown }).message;
  const named = typeof message === 'string' ? /constraint failed: (.+)$/.exec(message)?.[1] ?? null : null;
  const names = kind === 'unique' ? named : null;
  return { kind, code, names, key: uniqueKeyNamed('sqlite', names) };
}
