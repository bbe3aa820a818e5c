/**
 * Every SQL statement about tasks.
 *
 * A task of a partnership is visible to the partnership's members; a task
 * without one only to its owner and its creator; a scope with `all` sees
 * every task. `rrule` holds a recurring task's series as RFC 5545 writes a
 * recurrence (`DTSTART;VALUE=DATE:…` and `RRULE:…` on two lines), so the
 * series keeps its first day however many occurrences follow.
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, TaskTable } from '../schema.js';
import type { Scope } from '../scope.js';
import { activityVisible } from './visibility.js';
import { interactionVisible } from '../crm/interactions.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { organisationVisible, partnershipVisible, personVisible } from '../crm/visibility.js';
import { missing } from '../row-missing.js';

export interface TaskFilter {
  ownerId?: string;
  partnershipId?: string;
  subjectType?: string;
  subjectId?: string;
  kind?: string;
  status?: string;
  /** inclusive bounds on the due date */
  dueFrom?: string;
  dueTo?: string;
}

export function taskVisible(scope: Scope, userId: string) {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb.or([
      partnershipVisible(scope, 'tasks.partnership_id')(eb),
      eb.and([eb('tasks.partnership_id', 'is', null), eb.or([eb('tasks.owner_id', '=', userId), eb('tasks.created_by', '=', userId)])])
    ]);
  };
}

function selectWithOwner(db: Kysely<Database>) {
  return db.selectFrom('tasks').leftJoin('users as owner', 'owner.id', 'tasks.owner_id').selectAll('tasks').select('owner.name as owner_name');
}

export type TaskWithOwnerRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(db: Kysely<Database>, id: string) {
  return selectWithOwner(db).where('tasks.id', '=', id).executeTakeFirst();
}

/** A task that must exist (read back in the transaction that wrote it). */
export function getTask(db: Kysely<Database>, id: string) {
  return selectWithOwner(db).where('tasks.id', '=', id).executeTakeFirstOrThrow(missing('task'));
}

/** The task when it exists and the scope (with the caller's user id) may see it. */
export function findVisibleTask(db: Kysely<Database>, scope: Scope, userId: string, id: string) {
  return selectWithOwner(db).where('tasks.id', '=', id).where(taskVisible(scope, userId)).executeTakeFirst();
}

export function listTasks(db: Kysely<Database>, scope: Scope, userId: string, filter: TaskFilter, page: PageRequest) {
  let query = selectWithOwner(db).where(taskVisible(scope, userId));
  if (filter.ownerId) query = query.where('tasks.owner_id', '=', filter.ownerId);
  if (filter.partnershipId) query = query.where('tasks.partnership_id', '=', filter.partnershipId);
  if (filter.subjectType) query = query.where('tasks.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('tasks.subject_id', '=', filter.subjectId);
  if (filter.kind) query = query.where('tasks.kind', '=', filter.kind);
  if (filter.status) query = query.where('tasks.status', '=', filter.status);
  if (filter.dueFrom) query = query.where('tasks.due_on', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('tasks.due_on', '<=', filter.dueTo);
  return paginate(query, page, 'tasks.due_on', 'tasks.id', (r) => r.due_on, (r) => r.id);
}

export function insertTask(db: Kysely<Database>, values: Insertable<TaskTable>) {
  return db.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Updates when the version still matches; returns undefined when it does not. */
export function updateTask(db: Kysely<Database>, id: string, version: number, values: Updateable<TaskTable>) {
  return db
    .updateTable('tasks')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteTask(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('tasks').where('id', '=', id).execute();
}

/** Follow-up tasks about an activity, by due date. */
export function followUpsOfActivity(db: Kysely<Database>, activityId: string) {
  return selectWithOwner(db)
    .where('tasks.kind', '=', 'follow_up')
    .where('tasks.subject_type', '=', 'activity')
    .where('tasks.subject_id', '=', activityId)
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
}

/** Follow-ups of a partnership due between two dates (inclusive), counted by status, with the open ones due before `today`. */
export async function followUpTally(db: Kysely<Database>, partnershipId: string, from: string, to: string, today: string) {
  const rows = await db
    .selectFrom('tasks')
    .select((eb) => [
      'tasks.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('tasks.due_on', '<', today).then(1).else(0).end()).as('past_due')
    ])
    .where('tasks.kind', '=', 'follow_up')
    .where('tasks.partnership_id', '=', partnershipId)
    .where('tasks.due_on', '>=', from)
    .where('tasks.due_on', '<=', to)
    .groupBy('tasks.status')
    .execute();
  const tally = { open: 0, done: 0, cancelled: 0, overdue: 0 };
  for (const row of rows) {
    if (row.status === 'open' || row.status === 'done' || row.status === 'cancelled') tally[row.status] += Number(row.n);
    if (row.status === 'open') tally.overdue += Number(row.past_due ?? 0);
  }
  return tally;
}

/** The user's role in a partnership, or undefined when they are no member. */
export async function roleOfUser(db: Kysely<Database>, userId: string, partnershipId: string): Promise<string | undefined> {
  const row = await db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('partnership_id', '=', partnershipId).executeTakeFirst();
  return row?.role;
}

export function userName(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirst();
}

export interface SubjectRef {
  type: string;
  id: string;
}

/**
 * A label (name or title) for each subject the scope may see, keyed
 * `type:id`; subjects that are gone or invisible are missing from the map.
 */
export async function visibleSubjectLabels(db: Kysely<Database>, scope: Scope, refs: SubjectRef[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const labels = new Map<string, string>();
  const add = (type: string, rows: { id: string; label: string }[]) => rows.forEach((r) => labels.set(`${type}:${r.id}`, r.label));
  const activities = ids('activity');
  if (activities.length) add('activity', await db.selectFrom('activities').select(['activities.id', 'activities.title as label']).where('activities.id', 'in', activities).where(activityVisible(scope)).execute());
  const organisations = ids('organisation');
  if (organisations.length) add('organisation', await db.selectFrom('organisations').select(['organisations.id', 'organisations.name as label']).where('organisations.id', 'in', organisations).where(organisationVisible(scope)).execute());
  const people = ids('person');
  if (people.length) add('person', await db.selectFrom('people').select(['people.id', 'people.name as label']).where('people.id', 'in', people).where(personVisible(scope)).execute());
  const partnerships = ids('partnership');
  if (partnerships.length) add('partnership', await db.selectFrom('partnerships').select(['partnerships.id', 'partnerships.title as label']).where('partnerships.id', 'in', partnerships).where(partnershipVisible(scope)).execute());
  const interactions = ids('interaction');
  if (interactions.length) add('interaction', await db.selectFrom('interactions').select(['interactions.id', 'interactions.summary as label']).where('interactions.id', 'in', interactions).where(interactionVisible(scope)).execute());
  return labels;
}

