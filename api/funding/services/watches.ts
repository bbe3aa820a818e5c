/**
 * Watching calls. Calls are public information (they come from the EU
 * portal or are typed in from a programme's site), so every signed-in user
 * sees every call and may watch any of them, viewers included: watching is
 * the caller's own affair and changes nothing anyone else sees. A call that
 * does not exist answers 404.
 *
 * - PUT is idempotent (watching twice keeps the first time); DELETE stops
 *   watching (also idempotent while the call exists).
 * - The list is the caller's watched calls, most recently watched first,
 *   each with its deadlines and the next one still ahead (on the clock
 *   handed to createServices).
 * - Reminders before each deadline and the calendar feed read the watches
 *   (reminders.ts, calendar.ts); deadline changes are told to the watchers
 *   (notifications.ts).
 */
import type { DB } from '../../../db/connection.js';
import { deadlinesOf, findCall } from '../../../db/funding/calls.js';
import * as repo from '../../../db/funding/watches.js';
import { NotFound, type Caller } from '../../platform/index.js';
import type { Watch, WatchedCall, WatchedDeadline, WatchedListQuery } from '../schemas/watches.js';

export class WatchService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async assertCallExists(callId: string): Promise<void> {
    if (!(await findCall(this.db, callId))) throw new NotFound('call');
  }

  async get(caller: Caller, callId: string): Promise<Watch> {
    await this.assertCallExists(callId);
    const watch = await repo.findWatch(this.db, caller.userId, callId);
    return { callId, watching: Boolean(watch), watchedAt: watch?.created_at ?? null };
  }

  async watch(caller: Caller, callId: string): Promise<Watch> {
    await this.assertCallExists(callId);
    await repo.insertWatch(this.db, caller.userId, callId, this.clock().toISOString());
    return this.get(caller, callId);
  }

  async unwatch(caller: Caller, callId: string): Promise<void> {
    await this.assertCallExists(callId);
    await repo.deleteWatch(this.db, caller.userId, callId);
  }

  async listWatched(caller: Caller, query: WatchedListQuery): Promise<{ items: WatchedCall[]; nextCursor: string | null }> {
    const page = await repo.listWatchedCalls(this.db, caller.userId, { limit: query.limit, cursor: query.cursor ?? null, direction: 'desc' });
    const deadlines = await deadlinesOf(this.db, page.items.map((r) => r.call_id));
    const now = this.clock().toISOString();
    return {
      items: page.items.map((row) => {
        const own: WatchedDeadline[] = deadlines
          .filter((d) => d.call_id === row.call_id)
          .map((d) => ({ id: d.id, label: d.label, at: d.deadline_at, timeZone: d.time_zone }));
        const ahead = own.filter((d) => d.at > now).sort((a, b) => a.at.localeCompare(b.at));
        return {
          callId: row.call_id,
          identifier: row.identifier,
          title: row.title,
          programmeId: row.programme_id,
          programmeName: row.programme_name,
          link: row.link,
          watchedAt: row.watched_at,
          nextDeadline: ahead[0] ?? null,
          deadlines: own
        };
      }),
      nextCursor: page.nextCursor
    };
  }
}
