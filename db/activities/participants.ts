/** Every SQL statement about the participants of activities. */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ActivityParticipantTable, Database } from '../schema.js';

function selectWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('activity_participants as p')
    .leftJoin('people as person', 'person.id', 'p.person_id')
    .leftJoin('organisations as org', 'org.id', 'p.organisation_id')
    .leftJoin('regions as region', 'region.id', 'org.region_id')
    .selectAll('p')
    .select([
      'person.name as person_name',
      'person.function as person_function',
      'org.name as organisation_name',
      'org.kind as organisation_kind',
      'org.region_id as region_id',
      'region.name as region_name'
    ]);
}

export type ParticipantWithNamesRow = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

/** Participants in the order they were added. */
export function listParticipants(db: Kysely<Database>, activityId: string) {
  return selectWithNames(db).where('p.activity_id', '=', activityId).orderBy('p.created_at').orderBy('p.id').execute();
}

export function findParticipant(db: Kysely<Database>, activityId: string, id: string) {
  return selectWithNames(db).where('p.activity_id', '=', activityId).where('p.id', '=', id).executeTakeFirst();
}

/**
 * Another participant of the activity that is the same one in the same
 * role: the same person (for whichever organisation), or, without a person,
 * the same organisation on its own; the anonymous participations of
 * erased people do not count. (The unique index activity_participants_once
 * guards the stored rows as well.)
 */
export function findSameParticipant(
  db: Kysely<Database>,
  activityId: string,
  who: { personId: string | null; organisationId: string | null; role: string },
  exceptId: string | null = null
) {
  let query = db
    .selectFrom('activity_participants')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('role', '=', who.role)
    .where('erased_at', 'is', null)
    .where(
      who.personId !== null
        ? sql<boolean>`person_id = ${who.personId}`
        : sql<boolean>`person_id IS NULL AND coalesce(organisation_id, '') = ${who.organisationId ?? ''}`
    );
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertParticipant(db: Kysely<Database>, values: Insertable<ActivityParticipantTable>): Promise<void> {
  await db.insertInto('activity_participants').values(values).execute();
}

/** Updates when the version still matches; returns false when it does not. */
export async function updateParticipant(db: Kysely<Database>, id: string, version: number, values: Updateable<ActivityParticipantTable>): Promise<boolean> {
  const result = await db
    .updateTable('activity_participants')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteParticipant(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('activity_participants').where('id', '=', id).execute();
}

/** Of `partnershipIds`, those the organisation takes part in neither as a party nor as a stakeholder. */
export async function partnershipsWithout(db: Kysely<Database>, organisationId: string, partnershipIds: string[]): Promise<string[]> {
  if (!partnershipIds.length) return [];
  const rows = await db
    .selectFrom('partnership_parties')
    .select('partnership_id')
    .where('organisation_id', '=', organisationId)
    .where('partnership_id', 'in', partnershipIds)
    .union(db.selectFrom('partnership_stakeholders').select('partnership_id').where('organisation_id', '=', organisationId).where('partnership_id', 'in', partnershipIds))
    .execute();
  const inside = new Set(rows.map((r) => r.partnership_id));
  return partnershipIds.filter((id) => !inside.has(id));
}

/** The partnerships the organisation is a stakeholder of. */
export async function stakeholdershipsOfOrganisation(db: Kysely<Database>, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('partnership_stakeholders').select('partnership_id').where('organisation_id', '=', organisationId).orderBy('partnership_id').execute();
  return rows.map((r) => r.partnership_id);
}

/** Makes the organisation a stakeholder of each partnership; one it became a stakeholder of meanwhile stays as it is (the key makes a second insert do nothing). */
export async function addStakeholderships(db: Kysely<Database>, organisationId: string, partnershipIds: string[]): Promise<void> {
  if (!partnershipIds.length) return;
  await db
    .insertInto('partnership_stakeholders')
    .values(partnershipIds.map((partnershipId) => ({ organisation_id: organisationId, partnership_id: partnershipId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
