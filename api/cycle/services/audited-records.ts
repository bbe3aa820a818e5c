/** Who may read the audit trail of a work plan or an evaluation: the members of its partnership. */
import type { DB } from '../../../db/connection.js';
import { partnershipOfDocument } from '../../../db/cycle/cycle-documents.js';
import { canSeePartnership, type AuditedRecords, type Caller } from '../../platform/index.js';

async function memberOfItsPartnership(db: DB, caller: Caller, type: 'work_plan' | 'evaluation', id: string) {
  const partnershipId = await partnershipOfDocument(db, type, id);
  return partnershipId !== undefined && canSeePartnership(caller, partnershipId);
}

export const cycleAuditedRecords = {
  work_plan: (db, caller, id) => memberOfItsPartnership(db, caller, 'work_plan', id),
  evaluation: (db, caller, id) => memberOfItsPartnership(db, caller, 'evaluation', id)
} satisfies AuditedRecords;
