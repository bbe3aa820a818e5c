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

/**
 * A fault no rule foresees: `table` refuses inserts (when `count(*)` of the
 * table reaches `fromRow`, 0: every insert) with `message`, by a trigger
 * named `name` on either engine. `lift` removes it.
 */
export async function refuseInserts(
  h: { engine: string; db: DB },
  name: string,
  table: string,
  message: string,
  fromRow = 0
): Promise<{ lift(): Promise<void> }> {
  const when = fromRow > 0 ? `(SELECT count(*) FROM ${table}) >= ${fromRow}` : null;
  if (h.engine === 'postgres') {
    await runSql(h, `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${when ?? 'true'} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`);
    await runSql(h, `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return {
      async lift() {
        await runSql(h, `DROP TRIGGER ${name} ON ${table}`);
        await runSql(h, `DROP FUNCTION ${name}()`);
      }
    };
  }
  await runSql(h, `CREATE TRIGGER ${name} BEFORE INSERT ON ${table}${when ? ` WHEN ${when}` : ''} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
  return { lift: async () => void (await runSql(h, `DROP TRIGGER ${name}`)) };
}
