/** Programmes and calls are shared reference data: anyone signed in reads their audit trail while they exist. */
import { findCall } from '../../../db/funding/calls.js';
import { findProgramme } from '../../../db/funding/programmes.js';
import type { AuditedRecords } from '../../platform/index.js';

export const fundingAuditedRecords = {
  programme: async (db, _caller, id) => (await findProgramme(db, id)) !== undefined,
  call: async (db, _caller, id) => (await findCall(db, id)) !== undefined
} satisfies AuditedRecords;
