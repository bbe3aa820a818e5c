/** Who may read the audit trail of the CRM's records: exactly who may see the record. Regions are shared reference data. */
import { findVisibleInteraction } from '../../../db/crm/interactions.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import { findRegion } from '../../../db/crm/regions.js';
import { canSeePartnership, scopeOf, type AuditedRecords } from '../../platform/index.js';

export const crmAuditedRecords = {
  region: async (db, _caller, id) => (await findRegion(db, id)) !== undefined,
  organisation: async (db, caller, id) => (await findVisibleOrganisation(db, scopeOf(caller), id)) !== undefined,
  person: async (db, caller, id) => (await findVisiblePerson(db, scopeOf(caller), id)) !== undefined,
  interaction: async (db, caller, id) => (await findVisibleInteraction(db, scopeOf(caller), id)) !== undefined,
  partnership: async (db, caller, id) => canSeePartnership(caller, id) && (await findPartnership(db, id)) !== undefined
} satisfies AuditedRecords;
