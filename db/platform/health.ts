/**
 * The database's own health, cheaply: which migrations it ran, whether
 * SQLite would let this connection write, how much room the disk has left.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect.js';

/** The names of the migrations the database ran, in order. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((row) => row.name as string);
}

/**
 * Asks SQLite for the write lock without changing a row: on a read-only
 * database (a read-only file, `readonly: true`, an immutable file) this
 * throws SQLITE_READONLY. It writes nothing, so it can neither see a full
 * disk (freeBytes does) nor move total_changes() (which the calendar's
 * ETag cache watches). `BEGIN IMMEDIATE` would not do: SQLite grants it on
 * a read-only database.
 */
export async function probeWrite(db: Kysely<any>): Promise<void> {
  // PostgreSQL: a read-only server or transaction refuses the statement (25006) before looking for rows
  if (engineOf(db) === 'postgres') await sql`UPDATE kysely_migration SET name = name WHERE false`.execute(db);
  else await sql`UPDATE kysely_migration SET name = name WHERE 0`.execute(db);
}

/** The main database's file, or null for an in-memory database and on PostgreSQL (a server's disk is not this process's to measure). */
export async function databaseFile(db: Kysely<any>): Promise<string | null> {
  if (engineOf(db) === 'postgres') return null;
  const { rows } = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(db);
  const file = rows.find((row) => row.name === 'main')?.file;
  return file ? file : null;
}

/** Bytes an unprivileged writer may still use on the file system holding `file` (its write-ahead log lives beside it). */
export function freeBytes(file: string): number {
  const stats = statfsSync(dirname(file));
  return stats.bavail * stats.bsize;
}
