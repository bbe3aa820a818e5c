/**
 * Approvals by party of a co-edited document ('work_plan' | 'evaluation').
 *
 * - An officer or admin of the partnership (or a system administrator)
 *   whose user organisation is a party's organisation approves for that
 *   party (`approvableParties`); only while the document is `proposed`
 *   (409 otherwise). Approving twice changes nothing.
 * - `withdrawOwn`: a party takes its approval back (only while proposed).
 * - `withdrawAll`: any content edit while approvals stand withdraws every
 *   one of them, with a reason naming the change and the editor (a kind and
 *   its values, worded when read: rules/withdrawal-reasons.ts); it returns
 *   the organisation names withdrawn, for `notes.approvalsWithdrawn`.
 * - `everyPartyApproved`: the document's service then adopts it (the work
 *   plan freezes a revision, the evaluation its figures).
 * Approvals belong to a revision of the document (`ApprovalDocument.revision`;
 * evaluations use 1), so an amendment starts with none.
 *
 * Reuse: build an `ApprovalDocument` from the row and call these inside the
 * write's transaction; `approvalsOf` gives the `Approval[]` for the API.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../../db/ids.js';
import * as repo from '../../../db/cycle/cycle-approvals.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Forbidden, ValidationFailed, canWriteIn, words, type Caller } from '../../platform/index.js';
import type { Approval, DocumentStatus } from '../schemas/coediting.js';
import { BASE_LOCALE, type Locale } from '../../../i18n/locales.js';
import { type WithdrawalReason, reasonText } from '../rules/withdrawal-reasons.js';
import type { CoeditDocumentType } from './history.js';

export interface ApprovalDocument {
  type: CoeditDocumentType;
  id: string;
  partnershipId: string;
  /** approvals count for this revision only (evaluations: 1) */
  revision: number;
  status: DocumentStatus;
}

const APPROVER_ROLES = ['admin', 'officer'] as const;

/** The party ids (of `parties`, the partnership's) the caller may approve for (empty for everyone else). */
export function partiesApprovableBy(caller: Caller, partnershipId: string, parties: { id: string; organisation_id: string }[]): string[] {
  if (!caller.organisationId || !canWriteIn(caller, partnershipId, [...APPROVER_ROLES])) return [];
  return parties.filter((p) => p.organisation_id === caller.organisationId).map((p) => p.id);
}

/** The party ids the caller may approve for (empty for everyone else). */
export async function approvableParties(db: Kysely<Database>, caller: Caller, partnershipId: string): Promise<string[]> {
  if (!caller.organisationId || !canWriteIn(caller, partnershipId, [...APPROVER_ROLES])) return [];
  return partiesApprovableBy(caller, partnershipId, await repo.approvingParties(db, partnershipId));
}

/** Where each party's approval of the document's current revision stands, in party order. */
export async function approvalsOf(db: Kysely<Database>, document: ApprovalDocument): Promise<Approval[]> {
  const [parties, rows] = await Promise.all([
    repo.approvingParties(db, document.partnershipId),
    repo.approvalsOf(db, document.type, document.id, document.revision)
  ]);
  return parties.map((party) => {
    const latest = rows.filter((r) => r.party_id === party.id).at(-1);
    const standing = latest && latest.withdrawn_at === null ? latest : undefined;
    return {
      partyId: party.id,
      organisationId: party.organisation_id,
      organisationName: party.organisation_name,
      regionName: party.region_name,
      approved: standing !== undefined,
      approvedBy: standing?.user_id ? { id: standing.user_id, name: standing.approver_name ?? '' } : null,
      approvedAt: standing?.approved_at ?? null,
      withdrawn:
        latest && latest.withdrawn_at !== null
          ? {
              at: latest.withdrawn_at,
              by: latest.withdrawn_by ? { id: latest.withdrawn_by, name: latest.withdrawer_name ?? '' } : null,
              reasonCode: latest.withdrawn_reason_kind,
              reasonParams: latest.withdrawn_reason_params ?? {},
              reason: reasonText({ kind: latest.withdrawn_reason_kind, params: latest.withdrawn_reason_params, text: latest.withdrawn_reason }, BASE_LOCALE)
            }
          : null
    };
  });
}

/** The approvals as a reader in `locale` reads them: each withdrawal's reason worded in their language (a free text of old stays as it is). */
export function approvalsIn(approvals: Approval[], locale: Locale = BASE_LOCALE): Approval[] {
  return approvals.map((approval) =>
    approval.withdrawn?.reasonCode ? { ...approval, withdrawn: { ...approval.withdrawn, reason: reasonText({ kind: approval.withdrawn.reasonCode, params: approval.withdrawn.reasonParams, text: approval.withdrawn.reason }, locale) } } : approval
  );
}

/** The party an approval or withdrawal is for: the one named, or the caller's only one. */
async function partyFor(db: Kysely<Database>, caller: Caller, document: ApprovalDocument, partyId: string | undefined): Promise<string> {
  const mine = await approvableParties(db, caller, document.partnershipId);
  if (partyId) {
    const parties = await repo.approvingParties(db, document.partnershipId);
    if (!parties.some((p) => p.id === partyId)) throw new ValidationFailed([{ path: 'partyId', ...words('problems_cycle_field_noSuchParty') }]);
    if (!mine.includes(partyId)) throw new Forbidden('problems_cycle_approveOwnPartyOnly');
    return partyId;
  }
  if (mine.length === 0) throw new Forbidden('problems_cycle_approveNoParty');
  return mine[0];
}

/** Approve the document's current revision for a party; 409 unless it is proposed. */
export async function approve(db: Kysely<Database>, caller: Caller, document: ApprovalDocument, partyId: string | undefined, at: string): Promise<void> {
  const party = await partyFor(db, caller, document, partyId);
  if (document.status !== 'proposed') {
    throw new Conflict(document.status === 'adopted' ? words('problems_cycle_adoptedAlready') : words('problems_cycle_proposeFirst'));
  }
  const standing = await repo.standingApprovals(db, document.type, document.id, document.revision);
  if (standing.includes(party)) return;
  await repo.insertApproval(db, { id: newId(), document_type: document.type, document_id: document.id, party_id: party, user_id: caller.userId, revision: document.revision, approved_at: at });
}

/** Take back the caller's party's approval; 409 unless the document is proposed. Returns whether one was withdrawn. */
export async function withdrawOwn(db: Kysely<Database>, caller: Caller, document: ApprovalDocument, partyId: string | undefined, at: string): Promise<boolean> {
  const party = await partyFor(db, caller, document, partyId);
  if (document.status !== 'proposed') throw new Conflict(document.status === 'adopted' ? words('problems_cycle_adoptedAmendToChange') : words('problems_cycle_draftNoApproval'));
  const withdrawn = await repo.withdrawApprovals(db, document.type, document.id, document.revision, { at, by: caller.userId, reason: { kind: 'by_party', params: { name: caller.name } } }, [party]);
  return withdrawn.length > 0;
}

/** Withdraw every standing approval because of an edit; returns the organisation names of the parties withdrawn. */
export async function withdrawAll(db: Kysely<Database>, caller: Caller, document: ApprovalDocument, reason: WithdrawalReason, at: string): Promise<string[]> {
  const withdrawn = await repo.withdrawApprovals(db, document.type, document.id, document.revision, { at, by: caller.userId, reason });
  if (!withdrawn.length) return [];
  const parties = await repo.approvingParties(db, document.partnershipId);
  return parties.filter((p) => withdrawn.includes(p.id)).map((p) => p.organisation_name);
}

/** Has every party of the partnership a standing approval of the current revision? */
export async function everyPartyApproved(db: Kysely<Database>, document: ApprovalDocument): Promise<boolean> {
  const [parties, standing] = await Promise.all([
    repo.approvingParties(db, document.partnershipId),
    repo.standingApprovals(db, document.type, document.id, document.revision)
  ]);
  return parties.length > 0 && parties.every((p) => standing.includes(p.id));
}
