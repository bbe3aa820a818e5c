/**
 * The deadline dashboard: what is due in the next N days (default 90, at
 * most 366), most urgent first.
 *
 * - Call deadlines of every call (calls are shared reference data), or with
 *   `watched=true` only of the calls the caller watches.
 * - Internal milestones (not yet done) of the proposals the caller may see:
 *   those of the caller's partnerships; a system administrator sees all.
 *   Milestones of other partnerships never appear.
 * - A milestone has a date and maybe a time but no zone of its own: it is
 *   read in the zone of its proposal's call (the zone of the call's last
 *   deadline), else Europe/Brussels; without a time it is due by the end
 *   of that day and shown as a date (`allDay`).
 * - Each item carries the instant, the wall time in its own zone ("17:00
 *   Europe/Brussels"), the wall time in the reader's zone (query `zone`,
 *   else the caller's reminder settings, else Europe/Brussels) and a
 *   count-down from now (the service's clock).
 * - The window is (now, now + N × 24 h]. Items come a page at a time in
 *   the order of deadline-cursor.ts (instant, kind, id): `limit` (default
 *   50), then `nextCursor` continues strictly after the page's last item.
 *
 * What a page reads: at most limit + 1 call deadlines after the cursor (a
 * keyset on the index (deadline_at, id)), and open milestones by due date in
 * batches of limit + 1 from the day before the cursor's until limit + 1 of
 * them after the cursor are known and no later due date can come earlier.
 * A milestone's instant depends on its zone: due on day D, it falls
 * between D 00:00 at UTC+14 (D − 14 h) and the end of D at UTC−12
 * (D + 36 h), so only the milestones due on the day either side of the
 * cursor's date and of the page's end are read beyond the page — bounded by
 * what falls due on those days, not by the window or the workspace.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import * as repo from '../../../db/deadlines/deadlines.js';
import type { Scope } from '../../../db/scope.js';
import { scopeOf, type Caller } from '../../platform/index.js';
import type { DeadlineDashboard, DeadlineDashboardItem, DeadlineDashboardQuery } from '../schemas/deadlines.js';
import { countdown, milestoneDue, wallTimeIn, type WallTime } from '../../funding/index.js';
import { compareByPosition, type DashboardPosition, decodePosition, encodePosition } from '../rules/deadline-cursor.js';

const DEFAULT_ZONE = 'Europe/Brussels';
const DAY_MS = 86_400_000;

/** The UTC date of an instant in milliseconds, `YYYY-MM-DD`. */
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An all-day milestone reads as its date in every zone (a date does not move between zones). */
function allDayIn(date: string, zone: string): WallTime {
  return { timeZone: zone, local: date, offset: DateTime.fromISO(date, { zone }).toFormat('ZZ'), label: date };
}

export class DeadlineDashboardService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async of(caller: Caller, query: DeadlineDashboardQuery): Promise<DeadlineDashboard> {
    const now = this.clock();
    const from = now.toISOString();
    const to = new Date(now.getTime() + query.days * DAY_MS).toISOString();
    const cursor = query.cursor ? decodePosition(query.cursor) : null;
    const zone = query.zone ?? (await repo.readerZone(this.db, caller.userId)) ?? DEFAULT_ZONE;
    // a cursor that has passed meanwhile: what is still ahead comes after it anyway
    const after = cursor && Date.parse(cursor.at) > now.getTime() ? cursor : null;
    const wanted = query.limit + 1;

    const deadlinesAfter = after ? { at: after.at, id: after.kind === 'call_deadline' ? after.id : null } : { at: from, id: null };
    const deadlines = await repo.upcomingCallDeadlines(this.db, { after: deadlinesAfter, to }, caller.userId, query.watched, wanted);
    const items: DeadlineDashboardItem[] = deadlines.map((d) => ({
      kind: 'call_deadline',
      id: d.id,
      at: d.deadline_at,
      title: d.title,
      label: d.label,
      allDay: false,
      assumed: d.assumed === 1,
      call: { id: d.call_id, identifier: d.identifier, title: d.title, programmeName: d.programme_name, watched: d.watched === 1 },
      proposal: null,
      own: wallTimeIn(d.deadline_at, d.time_zone),
      reader: wallTimeIn(d.deadline_at, zone),
      countdown: countdown(d.deadline_at, now)
    }));

    // with a full page of deadlines, nothing after the last of them can be on this page
    const until = deadlines.length === wanted ? deadlines[wanted - 1]!.deadline_at : to;
    for (const { row: m, at, allDay, zone: own } of await this.milestonesAfter(scopeOf(caller), after, now, until, wanted)) {
      items.push({
        kind: 'milestone',
        id: m.id,
        at,
        title: m.title,
        label: m.kind,
        allDay,
        assumed: false,
        call: null,
        proposal: { id: m.proposal_id, acronym: m.acronym, title: m.proposal_title, partnershipId: m.partnership_id },
        own: allDay ? allDayIn(m.due_on, own) : wallTimeIn(at, own),
        reader: allDay ? allDayIn(m.due_on, zone) : wallTimeIn(at, zone),
        countdown: countdown(at, now)
      });
    }

    items.sort(compareByPosition);
    const page = items.slice(0, query.limit);
    const last = page[page.length - 1];
    return { from, to, timeZone: zone, items: page, nextCursor: items.length > query.limit && last ? encodePosition(last) : null };
  }

  /**
   * The first `wanted` open milestones (by instant, then id) after `after`
   * (else after `now`) and not after `until`, each with its instant and zone.
   * See the header for why the days either side suffice.
   */
  private async milestonesAfter(scope: Scope, after: DashboardPosition | null, now: Date, until: string, wanted: number) {
    const startMs = after ? Date.parse(after.at) : now.getTime();
    const untilMs = Date.parse(until);
    const range = { fromDate: dateOf(startMs - DAY_MS), toDate: dateOf(untilMs + DAY_MS) };
    const found: (DashboardPosition & { row: repo.UpcomingMilestoneRow; allDay: boolean; zone: string })[] = [];
    let batchEnd: { dueOn: string; id: string } | null = null;
    for (;;) {
      const rows = await repo.upcomingMilestones(this.db, scope, { ...range, after: batchEnd }, wanted);
      for (const m of rows) {
        const zone = m.call_zone ?? DEFAULT_ZONE;
        const due = milestoneDue(m.due_on, m.due_time, zone);
        const position = { at: due.at, kind: 'milestone' as const, id: m.id };
        const atMs = Date.parse(due.at);
        if (atMs > untilMs || (after ? compareByPosition(position, after) <= 0 : atMs <= startMs)) continue;
        found.push({ ...position, row: m, allDay: due.allDay, zone });
      }
      if (rows.length < wanted) break;
      const last = rows[rows.length - 1]!;
      batchEnd = { dueOn: last.due_on, id: last.id };
      if (found.length >= wanted) {
        found.sort(compareByPosition).length = wanted;
        // every later row is due on that day or after, so not before the start of the day before it
        if (Date.parse(found[wanted - 1]!.at) <= Date.parse(last.due_on) - DAY_MS) break;
      }
    }
    return found;
  }
}
