/** Every SQL statement of the deadline dashboard: upcoming call deadlines and proposal milestones, and the reader's zone. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

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

/**
 * Deadlines in (from, to] (UTC instants), soonest first, at most `limit`.
 * With `onlyWatchedBy`, only those of calls that user watches; `watched`
 * says whether `userId` watches the call.
 */
export function upcomingCallDeadlines(
  db: Kysely<Database>,
  range: { from: string; to: string },
  userId: string,
  onlyWatched: boolean,
  limit: number
): Promise<UpcomingDeadlineRow[]> {
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
    .where('d.deadline_at', '>', range.from)
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
 * proposals in partnerships the scope may see, in no particular order.
 */
export function upcomingMilestones(db: Kysely<Database>, scope: Scope, fromDate: string, toDate: string): Promise<UpcomingMilestoneRow[]> {
  let query = db
    .selectFrom('milestones as m')
    .innerJoin('proposals as pr', 'pr.id', 'm.proposal_id')
    .select((eb) => [
      'm.id',
      'm.kind',
      'm.title',
      'm.due_on',
      'm.due_time',
      'pr.id as proposal_id',
      'pr.acronym',
      'pr.title as proposal_title',
      'pr.partnership_id',
      eb
        .selectFrom('call_deadlines as cd')
        .select('cd.time_zone')
        .whereRef('cd.call_id', '=', 'pr.call_id')
        .orderBy('cd.position', 'desc')
        .limit(1)
        .as('call_zone')
    ])
    .where('m.done_at', 'is', null)
    .where('m.due_on', '>=', fromDate)
    .where('m.due_on', '<=', toDate);
  if (!scope.all) query = query.where('pr.partnership_id', 'in', scope.partnershipIds.length ? scope.partnershipIds : ['']);
  // unordered: the service orders them by their instant with the deadlines
  return query.execute();
}

/** The zone the user chose in the reminder settings, if any. */
export async function readerZone(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('reminder_settings').select('time_zone').where('user_id', '=', userId).executeTakeFirst();
  return row?.time_zone ?? null;
}
