/** Who may read the audit trail of an activity and what hangs off it (costs, feedback, budgets, tasks): who may see it. */
import { findVisibleActivity } from '../../../db/activities/visibility.js';
import { findVisibleBudget } from '../../../db/activities/budgets.js';
import { findCostById } from '../../../db/activities/costs.js';
import { findVisibleTask } from '../../../db/activities/tasks.js';
import { scopeOf, type AuditedRecords } from '../../platform/index.js';

export const activityAuditedRecords = {
  activity: async (db, caller, id) => (await findVisibleActivity(db, scopeOf(caller), id)) !== undefined,
  // feedback's trail is kept under its activity's id
  feedback: async (db, caller, id) => (await findVisibleActivity(db, scopeOf(caller), id)) !== undefined,
  cost: async (db, caller, id) => {
    const cost = await findCostById(db, id);
    return cost !== undefined && (await findVisibleActivity(db, scopeOf(caller), cost.activity_id)) !== undefined;
  },
  budget: async (db, caller, id) => (await findVisibleBudget(db, scopeOf(caller), id)) !== undefined,
  task: async (db, caller, id) => (await findVisibleTask(db, scopeOf(caller), caller.userId, id)) !== undefined
} satisfies AuditedRecords;
