/** The SQL the minutes of an activity need beyond the activity's own: its "next steps". */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Tasks about the activity (subject_type 'activity'), not cancelled, by due date, with the owner's name. */
export function nextStepsOf(db: Kysely<Database>, activityId: string) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as owner', 'owner.id', 'tasks.owner_id')
    .select(['tasks.id', 'tasks.title', 'tasks.due_on', 'tasks.status', 'owner.name as owner_name'])
    .where('tasks.subject_type', '=', 'activity')
    .where('tasks.subject_id', '=', activityId)
    .where('tasks.status', '!=', 'cancelled')
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
}
