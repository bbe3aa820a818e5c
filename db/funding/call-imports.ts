/**
 * Every SQL statement about the record of portal imports (call_imports).
 * The calls themselves are written through repositories/calls.ts.
 *
 * `counts` is the JSON text of `{ new, changed, unchanged, invalid, skipped }`;
 * a real import writes its row before the first batch (its id marks the
 * deadline changes it causes) and the final counts after the last one.
 */
import type { Kysely } from 'kysely';
import { callImportJson, decodeRow, type ImportCounts } from '../json-columns.js';
import type { Database } from '../schema.js';

export type { ImportCounts };

export async function insertCallImport(
  db: Kysely<Database>,
  values: { id: string; userId: string | null; format: string; dryRun: boolean; counts: ImportCounts; at: string }
): Promise<void> {
  await db
    .insertInto('call_imports')
    .values({ id: values.id, user_id: values.userId, format: values.format, dry_run: values.dryRun ? 1 : 0, counts: callImportJson.counts.write(values.counts), created_at: values.at })
    .execute();
}

export async function updateCallImportCounts(db: Kysely<Database>, id: string, counts: ImportCounts): Promise<void> {
  await db.updateTable('call_imports').set({ counts: callImportJson.counts.write(counts) }).where('id', '=', id).execute();
}

export async function findCallImport(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('call_imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRow(callImportJson, row);
}
