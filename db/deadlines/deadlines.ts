/** Every SQL statement of the deadline dashboard: upcoming call deadlines and proposal milestones, and the reader's zone. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { openMilestonesWithZone } from '../proposals/milestones.js';

export interface UpcomingDeadlineRow {
  id: string;
  call_id: string;
  position: number;
  label: string | null;
  deadline_at: string;
  time_zone: string;
  assumed: number;
  identifier: string;
  title: string;
  programme_name: string | null;
  watched: number;
}

/** Where a page of deadlines starts: strictly after this instant, or after (instant, id) when `id` is given. */
export interface DeadlinesAfter {
  at: string;
  id: string | null;
}

/**
 * Deadlines after `after` and up to `to` (UTC instants), soonest first (then
 * by id), at most `limit`. The keyset `(deadline_at, id) > (?, ?)` enters the
 * index (deadline_at, id) at the cursor. With `onlyWatched`, only those of
 * calls `userId` watches; `watched` says whether `userId` watches the call.
 */
export function upcomingCallDeadlines(
  db: Kysely<Database>,
  range: { after: DeadlinesAfter; to: string },
  userId: string,
  onlyWatched: boolean,
  limit: number
): Promise<UpcomingDeadlineRow[]> {
  const { after } = range;
  let query = db
    .selectFrom('call_deadlines as d')
    .innerJoin('calls as c', 'c.id', 'd.call_id')
    .leftJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('call_watches as w', (join) => join.onRef('w.call_id', '=', 'c.id').on('w.user_id', '=', userId))
    .select([
      'd.id',
      'd.call_id',
      'd.position',
      'd.label',
      'd.deadline_at',
      'd.time_zone',
      'd.assumed',
      'c.identifier',
      'c.title',
      'p.name as programme_name',
      sql<number>`CASE WHEN w.user_id IS NULL THEN 0 ELSE 1 END`.as('watched')
    ])
    .where((eb) => (after.id === null ? eb('d.deadline_at', '>', after.at) : eb(eb.refTuple('d.deadline_at', 'd.id'), '>', eb.tuple(after.at, after.id))))
    .where('d.deadline_at', '<=', range.to);
  if (onlyWatched) query = query.where('w.user_id', 'is not', null);
  return query.orderBy('d.deadline_at').orderBy('d.id').limit(limit).execute();
}

export interface UpcomingMilestoneRow {
  id: string;
  kind: string;
  title: string;
  due_on: string;
  due_time: string | null;
  proposal_id: string;
  acronym: string;
  proposal_title: string;
  partnership_id: string;
  /** the zone of the last deadline of the proposal's call, if any */
  call_zone: string | null;
}

/**
 * Open (not done) milestones due on a date in [fromDate, toDate] of the
 * proposals in partnerships the scope may see, by due date then id, after
 * `after` (a due date and id, the last row of the batch before, which
 * started at fromDate), at most
 * `limit`: a walk of the index (due_on, id) of open milestones. The service
 * orders them by their instant, which depends on their zone.
 */
export function upcomingMilestones(
  db: Kysely<Database>,
  scope: Scope,
  range: { fromDate: string; toDate: string; after: { dueOn: string; id: string } | null },
  limit: number
): Promise<UpcomingMilestoneRow[]> {
  const { after } = range;
  let query = openMilestonesWithZone(db)
    .select(['pr.title as proposal_title', 'pr.partnership_id'])
    // the batch before started at fromDate: its end alone enters the index where it stopped
    .where((eb) => (after ? eb(eb.refTuple('m.due_on', 'm.id'), '>', eb.tuple(after.dueOn, after.id)) : eb('m.due_on', '>=', range.fromDate)))
    .where('m.due_on', '<=', range.toDate);
  // a probe of the row at hand, so the walk stays on the due dates (a join on the partnership would read them all and sort)
  if (!scope.all) {
    const partnershipIds = scope.partnershipIds.length ? scope.partnershipIds : [''];
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('proposals as vis').select(sql.lit(1).as('one')).whereRef('vis.id', '=', 'm.proposal_id').where('vis.partnership_id', 'in', partnershipIds))
    );
  }
  return query.orderBy('m.due_on').orderBy('m.id').limit(limit).execute();
}

/** The zone the user chose in the reminder settings, if any. */
export async function readerZone(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('reminder_settings').select('time_zone').where('user_id', '=', userId).executeTakeFirst();
  return row?.time_zone ?? null;
}
