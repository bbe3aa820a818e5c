/**
 * Saved searches: named criteria over calls, each user's own.
 *
 * - Only the owner lists, reads, changes and deletes a saved search;
 *   anyone else gets 404. Every signed-in user may keep them (viewers too:
 *   they change nothing anyone else sees). Not audited, like watches: they
 *   are a person's own view, not shared records.
 * - Criteria (see schemas/saved-searches.ts) are checked: the programme
 *   must exist, the domain must exist and be one the caller may use (a
 *   partnership's own domain only for its members); else a 400 at
 *   `criteria.programmeId` / `criteria.domainId`.
 * - Changes and deletes take `If-Match` (412 with the current record when
 *   stale). Changing the criteria does not reset the digest mark: the next
 *   digest lists the calls new since the last one that match the new
 *   criteria.
 * - The criteria mean what the same query fields of GET /api/calls mean,
 *   so a saved search can be run as that list: `q` keeps the words searched
 *   for (each the start of a word of the call's indexed text), a programme includes its
 *   sub-programmes (Interreg → its strands), `keyword` is one of the call's
 *   keywords (any case), `status` is the one call-dates.ts derives, and
 *   the deadline range holds calls with a deadline within the days from
 *   `deadlineFrom` to `deadlineTo`, read as Brussels days like the list.
 *   `callMatches` applies them to one call, for the digest of new calls
 *   (reminders.ts).
 */
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { findDomains } from '../../../db/crm/domains.js';
import { findProgramme } from '../../../db/funding/programmes.js';
import * as repo from '../../../db/funding/saved-searches.js';
import type { Database } from '../../../db/schema.js';
import { holdForWrite } from '../../../db/row-locks.js';
import { NotFound, PreconditionFailed, canSeePartnership, checkVersion, unknownReference, type Caller } from '../../platform/index.js';
import type { SavedSearch, SavedSearchCreate, SavedSearchCriteria, SavedSearchListQuery, SavedSearchPatch } from '../schemas/saved-searches.js';
import { callStatus } from '../rules/call-dates.js';

type SavedSearchRow = NonNullable<Awaited<ReturnType<typeof repo.findSavedSearch>>>;

export function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    criteria: row.criteria,
    lastDigestAt: row.last_digest_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** What the digest knows of a call. */
export interface CallFacts {
  id: string;
  programme_id: string | null;
  opening_at: string | null;
  keywords: string[];
  domainIds: string[];
  deadlines: { at: string; timeZone: string }[];
}

const RANGE_ZONE = 'Europe/Brussels';

/**
 * Whether the call meets every criterion given. `programmeIds`: the
 * programme asked for and its sub-programmes (descendantsOf); without it
 * only the programme itself counts. `wordMatches`: for a search with words
 * (`q`), the calls whose text holds them, as the search index finds them
 * (callsMatchingWords; null when `q` has no word to look for, so it
 * restricts nothing, as in the list).
 */
export function callMatches(call: CallFacts, criteria: SavedSearchCriteria, now: Date, programmeIds?: ReadonlySet<string>, wordMatches?: ReadonlySet<string> | null): boolean {
  if (criteria.q) {
    if (wordMatches === undefined) throw new Error('callMatches: a saved search with words needs the calls matching them (callsMatchingWords)');
    if (wordMatches !== null && !wordMatches.has(call.id)) return false;
  }
  if (criteria.programmeId) {
    const allowed = programmeIds ?? new Set([criteria.programmeId]);
    if (call.programme_id === null || !allowed.has(call.programme_id)) return false;
  }
  if (criteria.domainId && !call.domainIds.includes(criteria.domainId)) return false;
  if (criteria.keyword) {
    const wanted = criteria.keyword.toLowerCase();
    const keywords = call.keywords.map((k) => k.toLowerCase());
    if (!keywords.includes(wanted)) return false;
  }
  if (criteria.status && callStatus(call.opening_at, call.deadlines, now) !== criteria.status) return false;
  if (criteria.deadlineFrom || criteria.deadlineTo) {
    const from = criteria.deadlineFrom ? DateTime.fromISO(criteria.deadlineFrom, { zone: RANGE_ZONE }).startOf('day').toMillis() : -Infinity;
    const to = criteria.deadlineTo ? DateTime.fromISO(criteria.deadlineTo, { zone: RANGE_ZONE }).plus({ days: 1 }).startOf('day').toMillis() : Infinity;
    if (!call.deadlines.some((d) => Date.parse(d.at) >= from && Date.parse(d.at) < to)) return false;
  }
  return true;
}

export class SavedSearchService {
  constructor(
    private readonly db: DB,
    private readonly clock: () => Date = () => new Date()
  ) {}

  private async assertCriteriaUsable(caller: Caller, criteria: SavedSearchCriteria): Promise<void> {
    if (criteria.programmeId && !(await findProgramme(this.db, criteria.programmeId))) throw unknownReference('criteria.programmeId', 'programme');
    if (criteria.domainId) {
      const [domain] = await findDomains(this.db, [criteria.domainId]);
      if (!domain || (domain.partnership_id !== null && !canSeePartnership(caller, domain.partnership_id))) throw unknownReference('criteria.domainId', 'cooperation domain');
    }
  }

  private async load(caller: Caller, id: string, db: Kysely<Database> = this.db): Promise<SavedSearchRow> {
    const row = await repo.findSavedSearch(db, caller.userId, id);
    if (!row) throw new NotFound('saved search');
    return row;
  }

  async list(caller: Caller, query: SavedSearchListQuery) {
    const page = await repo.listSavedSearches(this.db, caller.userId, { limit: query.limit, cursor: query.cursor ?? null, direction: 'asc' });
    return { items: page.items.map(toSavedSearch), nextCursor: page.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<SavedSearch> {
    return toSavedSearch(await this.load(caller, id));
  }

  async create(caller: Caller, input: SavedSearchCreate): Promise<SavedSearch> {
    await this.assertCriteriaUsable(caller, input.criteria);
    const now = this.clock().toISOString();
    const row = await repo.insertSavedSearch(this.db, {
      id: newId(),
      user_id: caller.userId,
      name: input.name,
      criteria: input.criteria,
      last_digest_at: null,
      created_at: now,
      updated_at: now
    });
    return toSavedSearch(row);
  }

  async update(caller: Caller, id: string, patch: SavedSearchPatch, expected: number | null): Promise<SavedSearch> {
    // a missing search is a 404 before its criteria are looked at
    await this.load(caller, id);
    if (patch.criteria) await this.assertCriteriaUsable(caller, patch.criteria);
    return this.db.transaction().execute(async (trx) => {
      // held: edits from two tabs at once land one after the other (db/row-locks.ts)
      await holdForWrite(trx, 'saved_searches', id);
      const current = await this.load(caller, id, trx);
      checkVersion(expected, toSavedSearch(current));
      const updated = await repo.updateSavedSearch(trx, id, current.version, {
        name: patch.name,
        criteria: patch.criteria,
        updated_at: this.clock().toISOString()
      });
      if (!updated) throw new PreconditionFailed(toSavedSearch((await repo.findSavedSearch(trx, caller.userId, id)) ?? current));
      return toSavedSearch(updated);
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'saved_searches', id);
      const current = await this.load(caller, id, trx);
      checkVersion(expected, toSavedSearch(current));
      await repo.deleteSavedSearch(trx, id);
    });
  }
}
