/**
 * What the annual cycle's documents (work plans, evaluations) share: which
 * partnership one belongs to (for access checks that know only the id), and
 * the organisation a viewer of one is shown with (presence).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function partnershipOfDocument(db: Kysely<Database>, type: 'work_plan' | 'evaluation', id: string): Promise<string | undefined> {
  const table = type === 'work_plan' ? 'work_plans' : 'evaluations';
  const row = await db.selectFrom(table).select('partnership_id').where('id', '=', id).executeTakeFirst();
  return row?.partnership_id;
}

/** The name of the organisation a user belongs to (for presence). */
export async function organisationNameOfUser(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['organisations.short_name', 'organisations.name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row?.name ?? null;
}
