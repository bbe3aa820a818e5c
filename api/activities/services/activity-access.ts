/**
 * Who may see and change an activity, in one place for everything that
 * hangs off it (costs, feedback, participants, …):
 * - seen by the members of any of its partnerships and by system
 *   administrators; anyone else gets 404, exactly as for a missing activity;
 * - changed by whoever holds a writing role (access.canWriteIn) in one of
 *   its partnerships; a reader who tries gets 403.
 * The SQL half lives in db/activities/visibility.ts.
 */
import type { Kysely } from 'kysely';
import { findVisibleActivity, partnershipsOfActivity } from '../../../db/activities/visibility.js';
import { holdForWrite } from '../../../db/row-locks.js';
import type { ActivityRow, Database } from '../../../db/schema.js';
import { Forbidden, NotFound, canWriteIn, scopeOf, type Caller } from '../../platform/index.js';

export interface AccessibleActivity {
  activity: ActivityRow;
  /** all partnerships of the activity, also those the caller cannot see */
  partnershipIds: string[];
}

export function canWriteActivity(caller: Caller, partnershipIds: string[]): boolean {
  return caller.isAdmin || partnershipIds.some((p) => canWriteIn(caller, p));
}

/** The activity if the caller may see it; 404 otherwise. */
export async function readableActivity(db: Kysely<Database>, caller: Caller, id: string): Promise<AccessibleActivity> {
  const activity = await findVisibleActivity(db, scopeOf(caller), id);
  if (!activity) throw new NotFound('activity');
  return { activity, partnershipIds: await partnershipsOfActivity(db, id) };
}

/**
 * The activity if the caller may change it; 404 when invisible, 403 when
 * only readable. Inside the write's transaction: the activity is held
 * (db/row-locks.ts), so writers of one activity and of what hangs off it
 * take turns on every engine.
 */
export async function writableActivity(db: Kysely<Database>, caller: Caller, id: string): Promise<AccessibleActivity> {
  await holdForWrite(db, 'activities', id);
  const found = await readableActivity(db, caller, id);
  if (!canWriteActivity(caller, found.partnershipIds)) throw new Forbidden('problems_activity_roleForbids');
  return found;
}
