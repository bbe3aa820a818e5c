/**
 * Writers of one record take turns, on either engine.
 *
 * SQLite runs one write transaction at a time (`begin immediate`,
 * db/statement-cache.ts): a write reads what every write before it
 * committed, so "read, check, then write" is safe there. PostgreSQL runs
 * transactions side by side (READ COMMITTED): two writers of one activity
 * would both count its agenda items and give two items the same place, both
 * find no such participant and insert it twice, both find version 3 and one
 * of them be refused a write it never based on a version.
 *
 * `holdForWrite(trx, table, id)`, the first thing a write transaction does,
 * locks the record's row on PostgreSQL until the transaction ends
 * (`FOR NO KEY UPDATE`), so the next writer of that record — or of
 * anything that hangs off it: an activity's agenda, participants and
 * follow-ups, a proposal's consortium, a partnership's members — waits, then
 * reads what the first one committed, as on SQLite. The lock does not block
 * readers, nor rows of other tables that merely refer to the record (their
 * foreign keys take KEY SHARE). `holdForDelete` takes the stronger FOR
 * UPDATE: while a record is checked for what still refers to it and
 * deleted, no new reference to it can be written (the foreign key waits).
 * On SQLite both do nothing at all: no statement, and SQLite's SQL as it was.
 *
 * Hold the record a write is about (or its parent) before reading it, so
 * that every transaction that holds two does so in the same order: the
 * parent first (a partnership before its work plan, an activity before an
 * organisation that joins it).
 */
import type { Kysely } from 'kysely';
import { engineOf } from './dialect.js';
import type { Database } from './schema.js';

/** Tables whose rows are held by `id`. */
export type HeldTable =
  | 'activities'
  | 'budgets'
  | 'calls'
  | 'evaluations'
  | 'interactions'
  | 'organisations'
  | 'partnerships'
  | 'people'
  | 'programmes'
  | 'proposals'
  | 'regions'
  | 'saved_searches'
  | 'scoring_matrices'
  | 'tasks'
  | 'users'
  | 'work_plans';

/** Locks the record's row until the transaction ends (PostgreSQL; nothing on SQLite). Call it inside a transaction. */
export async function holdForWrite(db: Kysely<Database>, table: HeldTable, id: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await db.selectFrom(table as 'regions').select('id').where('id', '=', id).forNoKeyUpdate().execute();
}

/** Locks the record's row against new references too, until the transaction ends (PostgreSQL; nothing on SQLite). */
export async function holdForDelete(db: Kysely<Database>, table: HeldTable, id: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await db.selectFrom(table as 'regions').select('id').where('id', '=', id).forUpdate().execute();
}
