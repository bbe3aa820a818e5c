/**
 * Every SQL statement about cycle_approvals: one party's approval of a
 * revision of a work plan or an evaluation, withdrawn (not deleted) by the
 * party itself or by an edit; and the parties that approve.
 */
import type { Insertable, Kysely } from 'kysely';
import { approvalJson, decodeRow, regionJson } from '../json-columns.js';
import type { CycleApprovalTable, Database } from '../schema.js';

/** The partnership's parties in order, with what an approval and a bilingual document show of them. */
export async function approvingParties(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('partnership_parties')
    .innerJoin('regions', 'regions.id', 'partnership_parties.region_id')
    .innerJoin('organisations', 'organisations.id', 'partnership_parties.organisation_id')
    .select([
      'partnership_parties.id',
      'partnership_parties.organisation_id',
      'organisations.name as organisation_name',
      'regions.name as region_name',
      'regions.languages'
    ])
    .where('partnership_parties.partnership_id', '=', partnershipId)
    .orderBy('partnership_parties.position')
    .execute();
  return rows.map((row) => decodeRow(regionJson, row));
}

export type ApprovingPartyRow = Awaited<ReturnType<typeof approvingParties>>[number];

/** Every approval row of one revision of a document, oldest first, with the names of who approved and who withdrew. */
export async function approvalsOf(db: Kysely<Database>, documentType: string, documentId: string, revision: number) {
  const rows = await db
    .selectFrom('cycle_approvals')
    .leftJoin('users as approver', 'approver.id', 'cycle_approvals.user_id')
    .leftJoin('users as withdrawer', 'withdrawer.id', 'cycle_approvals.withdrawn_by')
    .selectAll('cycle_approvals')
    .select(['approver.name as approver_name', 'withdrawer.name as withdrawer_name'])
    .where('cycle_approvals.document_type', '=', documentType)
    .where('cycle_approvals.document_id', '=', documentId)
    .where('cycle_approvals.revision', '=', revision)
    .orderBy('cycle_approvals.approved_at')
    .orderBy('cycle_approvals.id')
    .execute();
  return rows.map((row) => decodeRow(approvalJson, row));
}

export type ApprovalRow = Awaited<ReturnType<typeof approvalsOf>>[number];

export async function insertApproval(db: Kysely<Database>, row: Insertable<CycleApprovalTable>): Promise<void> {
  await db.insertInto('cycle_approvals').values(row).execute();
}

/** Withdraw the standing approvals of a revision (of the given parties, or all); returns the party ids withdrawn. */
export async function withdrawApprovals(
  db: Kysely<Database>,
  documentType: string,
  documentId: string,
  revision: number,
  withdrawal: { at: string; by: string | null; reason: { kind: string; params: Record<string, string | number> } },
  partyIds?: string[]
): Promise<string[]> {
  if (partyIds && !partyIds.length) return [];
  let query = db
    .updateTable('cycle_approvals')
    .set({
      withdrawn_at: withdrawal.at,
      withdrawn_by: withdrawal.by,
      withdrawn_reason: null,
      withdrawn_reason_kind: withdrawal.reason.kind,
      withdrawn_reason_params: approvalJson.withdrawn_reason_params.write(withdrawal.reason.params)
    })
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .where('revision', '=', revision)
    .where('withdrawn_at', 'is', null);
  if (partyIds) query = query.where('party_id', 'in', partyIds);
  const rows = await query.returning('party_id').execute();
  return rows.map((r) => r.party_id);
}

/** The parties with a standing approval of a revision. */
export async function standingApprovals(db: Kysely<Database>, documentType: string, documentId: string, revision: number): Promise<string[]> {
  const rows = await db
    .selectFrom('cycle_approvals')
    .select('party_id')
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .where('revision', '=', revision)
    .where('withdrawn_at', 'is', null)
    .execute();
  return rows.map((r) => r.party_id);
}
