/**
 * Reading the audit trail of one record: allowed exactly when the caller
 * may see that record (404 otherwise, as for the record itself). Regions are
 * shared reference data; a user's trail is for system administrators and
 * the user themself. System administrators also read the trail of a record
 * that has since been deleted.
 */
import type { DB } from '../../db/connection.js';
import { findVisibleInteraction } from '../../db/repositories/interactions.js';
import { findVisibleOrganisation } from '../../db/repositories/organisations.js';
import { findPartnership } from '../../db/repositories/partnerships.js';
import { findVisiblePerson } from '../../db/repositories/people.js';
import { findRegion } from '../../db/repositories/regions.js';
import { findVisibleTask } from '../../db/repositories/tasks.js';
import { findUser } from '../../db/repositories/users.js';
import { findVisibleActivity } from '../../db/repositories/activity-access.js';
import { findVisibleBudget } from '../../db/repositories/budgets.js';
import { findCostById } from '../../db/repositories/costs.js';
import { findCall } from '../../db/repositories/calls.js';
import { findProgramme } from '../../db/repositories/programmes.js';
import { findVisibleProposal } from '../../db/repositories/proposals.js';
import { findVisibleMatrix } from '../../db/repositories/scoring.js';
import { partnershipOfDocument } from '../../db/repositories/cycle-documents.js';
import type { Caller } from '../caller.js';
import { NotFound } from '../errors.js';
import type { AuditTrail } from '../schemas/audit.js';
import { canSeePartnership, scopeOf } from './access.js';
import { type EntityType, auditTrail } from './audit.js';

export class AuditTrailService {
  constructor(private readonly db: DB) {}

  async of(caller: Caller, entityType: EntityType, entityId: string): Promise<AuditTrail> {
    if (await this.maySee(caller, entityType, entityId)) return { items: await auditTrail(this.db, entityType, entityId) };
    const deleted = caller.isAdmin ? await auditTrail(this.db, entityType, entityId) : [];
    if (!deleted.length) throw new NotFound(entityType);
    return { items: deleted };
  }

  private async maySee(caller: Caller, entityType: EntityType, id: string): Promise<boolean> {
    const scope = scopeOf(caller);
    switch (entityType) {
      case 'region':
        return (await findRegion(this.db, id)) !== undefined;
      case 'organisation':
        return (await findVisibleOrganisation(this.db, scope, id)) !== undefined;
      case 'person':
        return (await findVisiblePerson(this.db, scope, id)) !== undefined;
      case 'interaction':
        return (await findVisibleInteraction(this.db, scope, id)) !== undefined;
      case 'partnership':
        return canSeePartnership(caller, id) && (await findPartnership(this.db, id)) !== undefined;
      case 'user':
        return caller.userId === id || (caller.isAdmin && (await findUser(this.db, id)) !== undefined);
      case 'activity':
        return (await findVisibleActivity(this.db, scope, id)) !== undefined;
      case 'task':
        return (await findVisibleTask(this.db, scope, caller.userId, id)) !== undefined;
      case 'cost': {
        const cost = await findCostById(this.db, id);
        return cost !== undefined && (await findVisibleActivity(this.db, scope, cost.activity_id)) !== undefined;
      }
      case 'budget':
        return (await findVisibleBudget(this.db, scope, id)) !== undefined;
      case 'feedback':
        return (await findVisibleActivity(this.db, scope, id)) !== undefined;
      case 'programme':
        return (await findProgramme(this.db, id)) !== undefined;
      case 'call':
        return (await findCall(this.db, id)) !== undefined;
      case 'proposal':
        return (await findVisibleProposal(this.db, scope, id)) !== undefined;
      case 'scoring_matrix':
        return (await findVisibleMatrix(this.db, scope, id)) !== undefined;
      case 'work_plan':
      case 'evaluation': {
        const partnershipId = await partnershipOfDocument(this.db, entityType, id);
        return partnershipId !== undefined && canSeePartnership(caller, partnershipId);
      }
    }
  }
}
