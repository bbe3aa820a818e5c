/**
 * Prepared statements, kept: Kysely's SQLite driver calls `prepare(sql)` for
 * every query, and compiling the same SQL again on every request cost more
 * CPU than running it. This hands Kysely a database whose `prepare` answers
 * the statement it already compiled for the same text (least recently used
 * ones dropped beyond `capacity`: SQL with `in (?, ?, …)` lists varies with
 * the list's length). A statement still iterating (a streamed query) is busy
 * and cannot be reused meanwhile; a fresh one is prepared for that call.
 *
 * `observe` (tests only) sees every SQL text as it is executed.
 *
 * Kysely opens a transaction with `begin`, which SQLite takes as DEFERRED: it
 * reads first and asks for the write lock at its first write, and when
 * another process (REGIODESK_PROCESSES, or a second `npm start`) wrote in
 * between, SQLite refuses at once (SQLITE_BUSY) instead of waiting
 * (busy_timeout does not apply to a reader that would have to upgrade). So
 * `begin` is `begin immediate` here: a transaction takes the write lock
 * first, waiting its turn for up to busy_timeout; reads outside a
 * transaction take no lock at all.
 *
 * Kysely ends a failed transaction with `rollback`; SQLite has already
 * rolled it back itself after some errors (SQLITE_FULL, SQLITE_IOERR…), and
 * a second rollback would throw "no transaction is active" in place of the
 * error that caused it. So `rollback` outside a transaction does nothing.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export interface StatementCache {
  database: SqliteDatabase;
  /** called with the SQL of every statement handed out; returns a function that stops observing */
  observe(listener: (sql: string) => void): () => void;
}

export function cachedStatements(sqlite: SQLite.Database, capacity = 1000): StatementCache {
  const kept = new Map<string, SQLite.Statement>();
  const listeners = new Set<(sql: string) => void>();
  const rollback = sqlite.prepare('rollback');
  const beginImmediate = sqlite.prepare('begin immediate');
  const rollbackIfOpen = { reader: false, run: () => (sqlite.inTransaction ? rollback.run() : { changes: 0, lastInsertRowid: 0 }) } as unknown as SQLite.Statement;
  const prepare = (sql: string): SQLite.Statement => {
    for (const listener of listeners) listener(sql);
    if (sql === 'rollback') return rollbackIfOpen;
    if (sql === 'begin') return beginImmediate;
    const statement = kept.get(sql);
    if (statement && !statement.busy) {
      // most recently used last: a Map keeps insertion order
      kept.delete(sql);
      kept.set(sql, statement);
      return statement;
    }
    if (statement) return sqlite.prepare(sql);
    const prepared = sqlite.prepare(sql);
    kept.set(sql, prepared);
    if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    return prepared;
  };
  return {
    database: {
      prepare: prepare as unknown as SqliteDatabase['prepare'],
      close: () => {
        kept.clear();
        sqlite.close();
      }
    },
    observe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
