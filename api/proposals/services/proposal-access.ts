/**
 * Who may see and change a proposal, in one place for everything that
 * hangs off it (consortium, milestones, inform log, scores):
 * - seen by the members of its partnership and by system administrators;
 *   anyone else gets 404, exactly as for a missing proposal;
 * - changed by whoever holds a writing role (admin, officer, editor) in its
 *   partnership; a viewer who tries gets 403;
 * - scoring is locked and unlocked by the partnership's admins and officers.
 * The SQL half lives in db/proposals/proposals.ts.
 */
import type { Kysely } from 'kysely';
import { findVisibleProposal } from '../../../db/proposals/proposals.js';
import type { Database, ProposalRow } from '../../../db/schema.js';
import { Forbidden, NotFound, canWriteIn, scopeOf, words, type Caller, type PartnershipRole } from '../../platform/index.js';
import { holdForWrite } from '../../../db/row-locks.js';

export const SCORING_LOCKERS: PartnershipRole[] = ['admin', 'officer'];

/** The proposal if the caller may see it; 404 otherwise. */
export async function readableProposal(db: Kysely<Database>, caller: Caller, id: string): Promise<ProposalRow> {
  const proposal = await findVisibleProposal(db, scopeOf(caller), id);
  if (!proposal) throw new NotFound('proposal');
  return proposal;
}

/** The proposal if the caller may change it; 404 when invisible, 403 when only readable. */
export async function writableProposal(db: Kysely<Database>, caller: Caller, id: string, roles?: PartnershipRole[]): Promise<ProposalRow> {
  await holdForWrite(db, 'proposals', id);
  const proposal = await readableProposal(db, caller, id);
  if (!canWriteIn(caller, proposal.partnership_id, roles)) {
    throw new Forbidden(roles ? words('problems_proposals_adminsOfficersOnly') : words('problems_proposals_roleForbidsChange'));
  }
  return proposal;
}
