/** Which partnership a work plan or an evaluation belongs to (for access checks that know only the id). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function partnershipOfDocument(db: Kysely<Database>, type: 'work_plan' | 'evaluation', id: string): Promise<string | undefined> {
  const table = type === 'work_plan' ? 'work_plans' : 'evaluations';
  const row = await db.selectFrom(table).select('partnership_id').where('id', '=', id).executeTakeFirst();
  return row?.partnership_id;
}
