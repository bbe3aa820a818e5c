/**
 * Timelines: what happened with an organisation (including with the people
 * working there) or with a person, newest first. Only what the caller may
 * see; the organisation or person itself answers 404 when invisible.
 * Today the entries are interactions; activities join later.
 */
import type { DB } from '../../db/connection.js';
import { listInteractions } from '../../db/repositories/interactions.js';
import type { InteractionFilter } from '../../db/repositories/interactions.js';
import { findVisibleOrganisation } from '../../db/repositories/organisations.js';
import { findVisiblePerson } from '../../db/repositories/people.js';
import type { Caller } from '../context.js';
import { NotFound } from '../errors.js';
import type { TimelineEntry, TimelineQuery } from '../schemas/timeline.js';
import { scopeOf } from './access.js';
import { toInteraction } from './interactions.js';

export class TimelineService {
  constructor(private readonly db: DB) {}

  async ofOrganisation(caller: Caller, id: string, query: TimelineQuery) {
    if (!(await findVisibleOrganisation(this.db, scopeOf(caller), id))) throw new NotFound('organisation');
    return this.entries(caller, { timelineOfOrganisationId: id }, query);
  }

  async ofPerson(caller: Caller, id: string, query: TimelineQuery) {
    if (!(await findVisiblePerson(this.db, scopeOf(caller), id))) throw new NotFound('person');
    return this.entries(caller, { personId: id }, query);
  }

  private async entries(caller: Caller, filter: InteractionFilter, query: TimelineQuery): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
    const page = { limit: query.limit, cursor: query.cursor ?? null, direction: 'desc' as const };
    const result = await listInteractions(this.db, scopeOf(caller), filter, page);
    return {
      items: result.items.map((row) => ({ type: 'interaction' as const, at: row.occurred_at, interaction: toInteraction(row) })),
      nextCursor: result.nextCursor
    };
  }
}
