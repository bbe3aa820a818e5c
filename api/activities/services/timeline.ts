/**
 * Timelines: what happened with an organisation (including with the people
 * working there) or with a person, newest first. Only what the caller may
 * see; the organisation or person itself answers 404 when invisible.
 * Entries are the interactions logged on them and the activities they take
 * part in (dated by the activity's start). Both lists are read as keyset
 * pages on (date, id), merged, and cut to the page size; the cursor is the
 * date and id of the last entry handed out, so pages never repeat or skip.
 */
import type { DB } from '../../../db/connection.js';
import { activitiesOnTimeline, type TimelineSubject } from '../../../db/activities/activities.js';
import { listInteractions } from '../../../db/crm/interactions.js';
import type { InteractionFilter } from '../../../db/crm/interactions.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import { encodeCursor } from '../../../db/platform/pagination.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import { NotFound, scopeOf, type Caller } from '../../platform/index.js';
import type { ActivityStatus, ActivityType } from '../schemas/activities.js';
import type { TimelineEntry, TimelineQuery } from '../schemas/timeline.js';
import { toInteraction } from '../../crm/index.js';

export class TimelineService {
  constructor(private readonly db: DB) {}

  async ofOrganisation(caller: Caller, id: string, query: TimelineQuery) {
    if (!(await findVisibleOrganisation(this.db, scopeOf(caller), id))) throw new NotFound('organisation');
    return this.entries(caller, { timelineOfOrganisationId: id }, { organisationId: id }, query);
  }

  async ofPerson(caller: Caller, id: string, query: TimelineQuery) {
    if (!(await findVisiblePerson(this.db, scopeOf(caller), id))) throw new NotFound('person');
    return this.entries(caller, { personId: id }, { personId: id }, query);
  }

  private async entries(caller: Caller, filter: InteractionFilter, subject: TimelineSubject, query: TimelineQuery): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
    const page = { limit: query.limit, cursor: query.cursor ?? null, direction: 'desc' as const };
    const [interactions, activities] = await Promise.all([
      listInteractions(this.db, scopeOf(caller), filter, page),
      activitiesOnTimeline(this.db, scopeOf(caller), subject, page)
    ]);
    const merged: (TimelineEntry & { id: string })[] = [
      ...interactions.items.map((row) => ({ id: row.id, type: 'interaction' as const, at: row.occurred_at, interaction: toInteraction(row) })),
      ...activities.items.map((row) => ({
        id: row.id,
        type: 'activity' as const,
        at: row.starts_at,
        activity: { id: row.id, title: row.title, type: row.type as ActivityType, startsAt: row.starts_at, timeZone: row.time_zone, status: row.status as ActivityStatus }
      }))
    ].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    const items = merged.slice(0, query.limit);
    const more = merged.length > query.limit || interactions.nextCursor !== null || activities.nextCursor !== null;
    const last = items[items.length - 1];
    return {
      items: items.map(({ id: _id, ...entry }) => entry as TimelineEntry),
      nextCursor: more && last ? encodeCursor(last.at, last.id) : null
    };
  }
}
