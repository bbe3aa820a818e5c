/**
 * Why an approval was withdrawn, as a kind and its values instead of an
 * English sentence (issue 13): `withdrawn_reason_kind` (e.g. `item_changed`)
 * and `withdrawn_reason_params` (e.g. {"title": "…", "name": "…"}), worded
 * in each reader's language when read (api/cycle/rules/withdrawal-reasons.ts).
 * Rows written before keep their free-text `withdrawn_reason` and no kind:
 * they are shown as they are. Frozen in time: never import application code.
 */
import type { Kysely } from 'kysely';
import { dialect } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const { json } = dialect(db);
  await db.schema.alterTable('cycle_approvals').addColumn('withdrawn_reason_kind', 'text').execute();
  await db.schema.alterTable('cycle_approvals').addColumn('withdrawn_reason_params', json).execute();
}
