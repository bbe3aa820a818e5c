/** Who may read the audit trail of a work plan or an evaluation: the members of its partnership. */
import type { DB } from '../../../db/connection.js';
import { partnershipOfDocument } from '../../../db/cycle/cycle-documents.js';
import type { Caller } from '../../platform/http/caller.js';
import { canSeePartnership } from '../../platform/services/access.js';
import type { AuditedRecords } from '../../platform/services/audit-trail.js';

async function memberOfItsPartnership(db: DB, caller: Caller, type: 'work_plan' | 'evaluation', id: string) {
  const partnershipId = await partnershipOfDocument(db, type, id);
  return partnershipId !== undefined && canSeePartnership(caller, partnershipId);
}

export const cycleAuditedRecords = {
  work_plan: (db, caller, id) => memberOfItsPartnership(db, caller, 'work_plan', id),
  evaluation: (db, caller, id) => memberOfItsPartnership(db, caller, 'evaluation', id)
} satisfies AuditedRecords;
