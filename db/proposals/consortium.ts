/** Every SQL statement about the consortium of a proposal (its members, roles and budgets). */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ConsortiumMemberTable, Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { organisationVisible } from '../crm/visibility.js';

function selectMembers(db: Kysely<Database>) {
  return db
    .selectFrom('consortium_members')
    .innerJoin('organisations', 'organisations.id', 'consortium_members.organisation_id')
    .leftJoin('regions', 'regions.id', 'organisations.region_id')
    .selectAll('consortium_members')
    .select(['organisations.name as organisation_name', 'organisations.country', 'regions.name as region_name']);
}

export type ConsortiumMemberRow = Awaited<ReturnType<typeof membersOf>>[number];

/** Members of several proposals: the lead first, then partners, then associated partners, each by name. */
export function membersOf(db: Kysely<Database>, proposalIds: string[]) {
  if (!proposalIds.length) return Promise.resolve([]);
  return selectMembers(db)
    .where('consortium_members.proposal_id', 'in', proposalIds)
    .orderBy(sql`CASE consortium_members.role WHEN 'lead' THEN 0 WHEN 'partner' THEN 1 ELSE 2 END`)
    .orderBy('organisations.name')
    .orderBy('consortium_members.id')
    .execute();
}

export function findMember(db: Kysely<Database>, proposalId: string, id: string) {
  return selectMembers(db).where('consortium_members.proposal_id', '=', proposalId).where('consortium_members.id', '=', id).executeTakeFirst();
}

export function findMemberByOrganisation(db: Kysely<Database>, proposalId: string, organisationId: string) {
  return db.selectFrom('consortium_members').selectAll().where('proposal_id', '=', proposalId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function insertMember(db: Kysely<Database>, values: Insertable<ConsortiumMemberTable>): Promise<void> {
  await db.insertInto('consortium_members').values(values).execute();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateMember(db: Kysely<Database>, id: string, version: number, values: Updateable<ConsortiumMemberTable>) {
  return db
    .updateTable('consortium_members')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteMember(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('consortium_members').where('id', '=', id).execute();
}

/** Makes every lead of the proposal but `keepId` a partner; answers the members changed. */
export async function demoteLeads(db: Kysely<Database>, proposalId: string, keepId: string | null): Promise<string[]> {
  let query = db
    .updateTable('consortium_members')
    .set((eb) => ({ role: 'partner', version: eb('version', '+', 1) }))
    .where('proposal_id', '=', proposalId)
    .where('role', '=', 'lead');
  if (keepId) query = query.where('id', '!=', keepId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Consortia of the partnership's other proposals that the given
 * organisations belonged to: their record with us.
 */
export function pastConsortia(db: Kysely<Database>, partnershipId: string, organisationIds: string[], exceptProposalId: string) {
  if (!organisationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('consortium_members')
    .innerJoin('proposals', 'proposals.id', 'consortium_members.proposal_id')
    .select(['consortium_members.organisation_id', 'consortium_members.role', 'proposals.id as proposal_id', 'proposals.acronym', 'proposals.stage'])
    .where('proposals.partnership_id', '=', partnershipId)
    .where('proposals.id', '!=', exceptProposalId)
    .where('consortium_members.organisation_id', 'in', organisationIds)
    .orderBy('proposals.acronym')
    .execute();
}

/**
 * Organisations the scope may see that could join a consortium of the
 * partnership: those in the partner regions, its stakeholders, and partners
 * of its other proposals; with their region's name.
 */
export function builderCandidates(db: Kysely<Database>, scope: Scope, partnershipId: string, regionIds: string[]) {
  return db
    .selectFrom('organisations')
    .leftJoin('regions', 'regions.id', 'organisations.region_id')
    .select(['organisations.id', 'organisations.name', 'organisations.kind', 'organisations.country', 'organisations.region_id', 'regions.name as region_name'])
    .where(organisationVisible(scope))
    .where((eb) =>
      eb.or([
        eb('organisations.region_id', 'in', regionIds.length ? regionIds : ['\u0000none']),
        eb('organisations.id', 'in', eb.selectFrom('partnership_stakeholders').select('partnership_stakeholders.organisation_id').where('partnership_stakeholders.partnership_id', '=', partnershipId)),
        eb(
          'organisations.id',
          'in',
          eb
            .selectFrom('consortium_members')
            .innerJoin('proposals', 'proposals.id', 'consortium_members.proposal_id')
            .select('consortium_members.organisation_id')
            .where('proposals.partnership_id', '=', partnershipId)
        )
      ])
    )
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
}

/** Ids of the partnership's activities. */
export async function activityIdsOfPartnership(db: Kysely<Database>, partnershipId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('activity_partnerships').select('activity_id').where('partnership_id', '=', partnershipId).execute();
  return new Set(rows.map((r) => r.activity_id));
}
