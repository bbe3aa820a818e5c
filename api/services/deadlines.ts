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
 * - The window is (now, now + N × 24 h]; at most `limit` items (default
 *   500), `truncated` says when more fell in it.
 */
import { DateTime } from 'luxon';
import type { DB } from '../../db/connection.js';
import * as repo from '../../db/repositories/deadlines.js';
import type { Caller } from '../caller.js';
import type { DeadlineDashboard, DeadlineDashboardItem, DeadlineDashboardQuery } from '../schemas/deadlines.js';
import { scopeOf } from './access.js';
import { countdown, milestoneDue, wallTimeIn, type WallTime } from './call-dates.js';

const DEFAULT_ZONE = 'Europe/Brussels';
const DAY_MS = 86_400_000;

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
    const zone = query.zone ?? (await repo.readerZone(this.db, caller.userId)) ?? DEFAULT_ZONE;

    const deadlines = await repo.upcomingCallDeadlines(this.db, { from, to }, caller.userId, query.watched, query.limit + 1);
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

    // dates a day either side of the window, then the exact instants decide
    const fromDate = new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
    const toDate = new Date(Date.parse(to) + 2 * DAY_MS).toISOString().slice(0, 10);
    for (const m of await repo.upcomingMilestones(this.db, scopeOf(caller), fromDate, toDate)) {
      const own = m.call_zone ?? DEFAULT_ZONE;
      const due = milestoneDue(m.due_on, m.due_time, own);
      if (due.at <= from || due.at > to) continue;
      items.push({
        kind: 'milestone',
        id: m.id,
        at: due.at,
        title: m.title,
        label: m.kind,
        allDay: due.allDay,
        assumed: false,
        call: null,
        proposal: { id: m.proposal_id, acronym: m.acronym, title: m.proposal_title, partnershipId: m.partnership_id },
        own: due.allDay ? allDayIn(m.due_on, own) : wallTimeIn(due.at, own),
        reader: due.allDay ? allDayIn(m.due_on, zone) : wallTimeIn(due.at, zone),
        countdown: countdown(due.at, now)
      });
    }

    items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    return { from, to, timeZone: zone, items: items.slice(0, query.limit), truncated: items.length > query.limit };
  }
}
