/**
 * Interactions: notes, calls, emails and meetings logged on the timeline of
 * an organisation, a person or both.
 *
 * - Visible when everything they hang off is visible: the organisation, the
 *   person and, when tagged with one, the partnership.
 * - Logged by whoever may change the organisation or the person it hangs
 *   off (one of them is enough); ids the caller cannot see are a 400 at the
 *   field, as if they did not exist. The author is the caller.
 * - Changed or deleted by the author (while they hold a writing role
 *   anywhere) or by whoever may change the organisation or person it hangs
 *   off. Hanging it on other records needs the right to change those.
 * - `occurredAt` is stored in UTC so that "newest first" is the real order.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/crm/interactions.js';
import type { InteractionWithNamesRow } from '../../../db/crm/interactions.js';
import { findVisibleOrganisation, partnershipsOfOrganisation } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import type { Database } from '../../../db/schema.js';
import { Forbidden, NotFound, PreconditionFailed, ValidationFailed, assertWriterSomewhere, canSeePartnership, canWriteRecord, checkVersion, isWriterSomewhere, recordChange, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import { ANCHOR_MISSING, type Interaction, type InteractionCreate, type InteractionListQuery, type InteractionPatch } from '../schemas/interactions.js';
import { holdForWrite } from '../../../db/row-locks.js';

/** What an interaction hangs off. */
interface Anchors {
  organisationId: string | null;
  personId: string | null;
}

export function toInteraction(row: InteractionWithNamesRow): Interaction {
  return {
    id: row.id,
    kind: row.kind as Interaction['kind'],
    occurredAt: row.occurred_at,
    summary: row.summary,
    organisationId: row.organisation_id,
    organisationName: row.organisation_id ? row.organisation_name : null,
    personId: row.person_id,
    personName: row.person_id ? row.person_name : null,
    partnershipId: row.partnership_id,
    authorId: row.author_id,
    authorName: row.author_id ? row.author_name : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

/** The same instant in UTC (`…Z`), so stored values sort in time order. */
export function inUtc(instant: string): string {
  return new Date(instant).toISOString();
}

/** Records a delete event for every interaction a deleted organisation or person takes along. */
export async function recordInteractionsLeaving(trx: Kysely<Database>, caller: Caller, anchor: { organisationId: string } | { personId: string }): Promise<void> {
  for (const row of await repo.interactionsAnchoredTo(trx, anchor)) {
    await recordChange(trx, caller, 'interaction', row.id, toInteraction(row), null);
  }
}

/** Throws 400 at the field for an organisation, person or partnership the caller cannot see. */
async function assertReferencesVisible(db: Kysely<Database>, caller: Caller, refs: Partial<Anchors> & { partnershipId?: string | null }): Promise<void> {
  const scope = scopeOf(caller);
  if (refs.organisationId && !(await findVisibleOrganisation(db, scope, refs.organisationId))) throw unknownReference('organisationId', 'organisation');
  if (refs.personId && !(await findVisiblePerson(db, scope, refs.personId))) throw unknownReference('personId', 'person');
  if (refs.partnershipId && (!canSeePartnership(caller, refs.partnershipId) || !(await findPartnership(db, refs.partnershipId)))) {
    throw unknownReference('partnershipId', 'partnership');
  }
}

/** May the caller change the organisation or the person (one is enough)? Both are known to be visible. */
async function mayWriteAnchors(db: Kysely<Database>, caller: Caller, anchors: Anchors): Promise<boolean> {
  const scope = scopeOf(caller);
  if (anchors.organisationId) {
    const organisation = await findVisibleOrganisation(db, scope, anchors.organisationId);
    if (organisation && canWriteRecord(caller, organisation.recorded_by_organisation_id, await partnershipsOfOrganisation(db, organisation.id))) return true;
  }
  if (anchors.personId) {
    const person = await findVisiblePerson(db, scope, anchors.personId);
    const partnerships = person?.organisation_id ? await partnershipsOfOrganisation(db, person.organisation_id) : [];
    if (person && canWriteRecord(caller, person.recorded_by_organisation_id, partnerships)) return true;
  }
  return false;
}

async function mayChange(db: Kysely<Database>, caller: Caller, row: InteractionWithNamesRow): Promise<boolean> {
  if (row.author_id === caller.userId && isWriterSomewhere(caller)) return true;
  return mayWriteAnchors(db, caller, { organisationId: row.organisation_id, personId: row.person_id });
}

async function loadVisible(db: Kysely<Database>, caller: Caller, id: string): Promise<InteractionWithNamesRow> {
  const row = await repo.findVisibleInteraction(db, scopeOf(caller), id);
  if (!row) throw new NotFound('interaction');
  return row;
}

async function reload(db: Kysely<Database>, id: string): Promise<Interaction> {
  const row = await repo.findInteraction(db, id);
  if (!row) throw new NotFound('interaction');
  return toInteraction(row);
}

/** The fields of `patch` that differ from the stored row (only those are checked again). */
function changedReferences(row: InteractionWithNamesRow, patch: InteractionPatch) {
  const changed = <K extends 'organisationId' | 'personId' | 'partnershipId'>(key: K, stored: string | null) =>
    patch[key] !== undefined && patch[key] !== stored ? patch[key] : undefined;
  return {
    organisationId: changed('organisationId', row.organisation_id),
    personId: changed('personId', row.person_id),
    partnershipId: changed('partnershipId', row.partnership_id)
  };
}

export class InteractionService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, query: InteractionListQuery) {
    const page = { limit: query.limit, cursor: query.cursor ?? null, direction: query.sort === 'occurredAt' ? ('asc' as const) : ('desc' as const) };
    const filter = { organisationId: query.organisationId, personId: query.personId, partnershipId: query.partnershipId };
    const result = await repo.listInteractions(this.db, scopeOf(caller), filter, page);
    return { items: result.items.map(toInteraction), nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Interaction> {
    return toInteraction(await loadVisible(this.db, caller, id));
  }

  async create(caller: Caller, input: InteractionCreate): Promise<Interaction> {
    assertWriterSomewhere(caller);
    return this.db.transaction().execute(async (trx) => {
      await assertReferencesVisible(trx, caller, input);
      if (!(await mayWriteAnchors(trx, caller, input))) throw new Forbidden('problems_crm_interactionAnchorForbidden');
      const id = newId();
      await repo.insertInteraction(trx, {
        id,
        kind: input.kind,
        occurred_at: inUtc(input.occurredAt),
        author_id: caller.userId,
        summary: input.summary,
        organisation_id: input.organisationId,
        person_id: input.personId,
        partnership_id: input.partnershipId
      });
      const after = await reload(trx, id);
      await recordChange(trx, caller, 'interaction', id, null, after);
      return after;
    });
  }

  async update(caller: Caller, id: string, patch: InteractionPatch, expected: number | null): Promise<Interaction> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'interactions', id);
      const row = await loadVisible(trx, caller, id);
      if (!(await mayChange(trx, caller, row))) throw new Forbidden('problems_crm_interactionChangeForbidden');
      const before = toInteraction(row);
      checkVersion(expected, before);
      const anchors: Anchors = {
        organisationId: patch.organisationId !== undefined ? patch.organisationId : row.organisation_id,
        personId: patch.personId !== undefined ? patch.personId : row.person_id
      };
      if (anchors.organisationId === null && anchors.personId === null) throw new ValidationFailed([{ path: 'organisationId', ...words(ANCHOR_MISSING) }]);
      const changed = changedReferences(row, patch);
      await assertReferencesVisible(trx, caller, changed);
      if ((changed.organisationId || changed.personId) && !(await mayWriteAnchors(trx, caller, { organisationId: changed.organisationId ?? null, personId: changed.personId ?? null }))) {
        throw new Forbidden('problems_crm_interactionAnchorForbidden');
      }
      const updated = await repo.updateInteraction(trx, id, row.version, {
        kind: patch.kind,
        occurred_at: patch.occurredAt && inUtc(patch.occurredAt),
        summary: patch.summary,
        organisation_id: patch.organisationId,
        person_id: patch.personId,
        partnership_id: patch.partnershipId,
        updated_at: nowIso()
      });
      if (!updated) throw new PreconditionFailed(before);
      const after = await reload(trx, id);
      await recordChange(trx, caller, 'interaction', id, before, after);
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'interactions', id);
      const row = await loadVisible(trx, caller, id);
      if (!(await mayChange(trx, caller, row))) throw new Forbidden('problems_crm_interactionDeleteForbidden');
      const before = toInteraction(row);
      checkVersion(expected, before);
      await repo.deleteInteraction(trx, id);
      await recordChange(trx, caller, 'interaction', id, before, null);
    });
  }
}
