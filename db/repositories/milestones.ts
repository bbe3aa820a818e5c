/** Every SQL statement about the internal milestones of proposals. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, MilestoneTable } from '../schema.js';

function selectMilestones(db: Kysely<Database>) {
  return db.selectFrom('milestones').leftJoin('users', 'users.id', 'milestones.owner_id').selectAll('milestones').select('users.name as owner_name');
}

/** The proposal's milestones, earliest first (a milestone without a time before one with a time on the same day). */
export function milestonesOf(db: Kysely<Database>, proposalId: string) {
  return selectMilestones(db)
    .where('milestones.proposal_id', '=', proposalId)
    .orderBy('milestones.due_on')
    .orderBy('milestones.due_time')
    .orderBy('milestones.id')
    .execute();
}

export type MilestoneRow = Awaited<ReturnType<typeof milestonesOf>>[number];

export function findMilestone(db: Kysely<Database>, proposalId: string, id: string) {
  return selectMilestones(db).where('milestones.proposal_id', '=', proposalId).where('milestones.id', '=', id).executeTakeFirst();
}

export async function insertMilestones(db: Kysely<Database>, values: Insertable<MilestoneTable>[]): Promise<void> {
  if (values.length) await db.insertInto('milestones').values(values).execute();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateMilestone(db: Kysely<Database>, id: string, version: number, values: Updateable<MilestoneTable>) {
  return db
    .updateTable('milestones')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteMilestone(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('milestones').where('id', '=', id).execute();
}
