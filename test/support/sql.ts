/**
 * A test's own SQL on either engine: the text with `?` placeholders, as the
 * tests wrote it for better-sqlite3, run through Kysely, which numbers them
 * ($1, $2…) on PostgreSQL. For SQL both engines understand; what only one
 * does (pragmas, sqlite_master) stays on `h.sqlite`.
 */
import { sql } from 'kysely';
import type { DB } from '../../db/connection.js';

function statement(text: string, params: unknown[]) {
  const parts = text.split('?');
  if (parts.length - 1 !== params.length) throw new Error(`${parts.length - 1} placeholders and ${params.length} values: ${text}`);
  return sql(Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray, ...params);
}

/** Every row `text` answers. */
export async function allRows<R = Record<string, unknown>>(h: { db: DB }, text: string, ...params: unknown[]): Promise<R[]> {
  return (await statement(text, params).execute(h.db)).rows as R[];
}

/** The first row `text` answers, or undefined (as better-sqlite3's get). */
export async function firstRow<R = Record<string, unknown>>(h: { db: DB }, text: string, ...params: unknown[]): Promise<R | undefined> {
  return (await allRows<R>(h, text, ...params))[0];
}

/** Runs a write; answers how many rows it changed. */
export async function runSql(h: { db: DB }, text: string, ...params: unknown[]): Promise<{ changes: number }> {
  const result = await statement(text, params).execute(h.db);
  return { changes: Number(result.numAffectedRows ?? 0) };
}
