/**
 * SQL for "who may see an activity": the members of any of its partnerships
 * (activity_partnerships) and system administrators (a scope with `all`).
 * Everything hanging off an activity (participants, costs, feedback, …) is
 * visible exactly when the activity is. Who may write is decided in
 * api/activities/services/activity-access.ts from the partnerships listed here.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

const NONE = '\u0000none';

/** A condition on `column` (an activity id): true when the scope may see that activity. */
export function activityVisible(scope: Scope, column = 'activities.id') {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    const partnershipIds = scope.partnershipIds.length ? scope.partnershipIds : [NONE];
    return eb(
      eb.ref(column),
      'in',
      eb.selectFrom('activity_partnerships').select('activity_partnerships.activity_id').where('activity_partnerships.partnership_id', 'in', partnershipIds)
    );
  };
}

/** The activity when it exists and the scope may see it. */
export function findVisibleActivity(db: Kysely<Database>, scope: Scope, id: string) {
  return db.selectFrom('activities').selectAll().where('activities.id', '=', id).where(activityVisible(scope)).executeTakeFirst();
}

/** Every partnership the activity belongs to (visible or not: callers filter). */
export async function partnershipsOfActivity(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db.selectFrom('activity_partnerships').select('partnership_id').where('activity_id', '=', id).orderBy('partnership_id').execute();
  return rows.map((r) => r.partnership_id);
}
