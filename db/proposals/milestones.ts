/** Every SQL statement about the internal milestones of proposals. */
import type { ExpressionBuilder, Insertable, Kysely, Updateable } from 'kysely';
import { missing } from '../row-missing.js';
import type { Database, MilestoneTable } from '../schema.js';

/** Milestones not yet done (`m`) with their proposal (`pr`): where the deadline dashboard, the calendar feed and the reminders start. */
export function openMilestoneRows(db: Kysely<Database>) {
  return db.selectFrom('milestones as m').innerJoin('proposals as pr', 'pr.id', 'm.proposal_id').where('m.done_at', 'is', null);
}

/** The zone of the last deadline of the proposal's call (null without a call): the zone a milestone's day and time are read in. */
export function callZoneOf(eb: ExpressionBuilder<Database & { pr: Database['proposals'] }, 'pr'>) {
  return eb.selectFrom('call_deadlines as cd').select('cd.time_zone').whereRef('cd.call_id', '=', 'pr.call_id').orderBy('cd.position', 'desc').limit(1);
}

/** Open milestones with what every reader of them shows: the milestone, its proposal's id and acronym, and the zone of its call (`call_zone`). */
export function openMilestonesWithZone(db: Kysely<Database>) {
  return openMilestoneRows(db).select((eb) => ['m.id', 'm.kind', 'm.title', 'm.due_on', 'm.due_time', 'pr.id as proposal_id', 'pr.acronym', callZoneOf(eb).as('call_zone')]);
}

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

/** A milestone that must exist (read back in the transaction that wrote it). */
export function getMilestone(db: Kysely<Database>, proposalId: string, id: string) {
  return selectMilestones(db).where('milestones.proposal_id', '=', proposalId).where('milestones.id', '=', id).executeTakeFirstOrThrow(missing('milestone'));
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

/** Where the proposal's partners work, for their public holidays: the places of the partnership's parties and of the lead organisation (country, NUTS code). */
export function holidayPlacesOf(db: Kysely<Database>, proposalId: string) {
  const parties = db
    .selectFrom('proposals as pr')
    .innerJoin('partnership_parties as pp', 'pp.partnership_id', 'pr.partnership_id')
    .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
    .where('pr.id', '=', proposalId)
    .select(['o.country', 'o.nuts_code']);
  const lead = db
    .selectFrom('proposals as pr')
    .innerJoin('organisations as o', 'o.id', 'pr.lead_organisation_id')
    .where('pr.id', '=', proposalId)
    .select(['o.country', 'o.nuts_code']);
  return parties.union(lead).execute();
}
