/** Who may read the audit trail of a candidate project or a scoring matrix: who may see it. */
import { findVisibleProposal } from '../../../db/proposals/proposals.js';
import { findVisibleMatrix } from '../../../db/proposals/scoring.js';
import { scopeOf, type AuditedRecords } from '../../platform/index.js';

export const proposalAuditedRecords = {
  proposal: async (db, caller, id) => (await findVisibleProposal(db, scopeOf(caller), id)) !== undefined,
  scoring_matrix: async (db, caller, id) => (await findVisibleMatrix(db, scopeOf(caller), id)) !== undefined
} satisfies AuditedRecords;
