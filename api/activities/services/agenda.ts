/**
 * The programme of an activity: agenda items and outcomes.
 *
 * - Read by whoever sees the activity, written by whoever may change it
 *   (activity-access.ts).
 * - Agenda items are numbered 1, 2, 3, … without gaps. A new item goes
 *   last unless it names a `position`; naming one (on create or change)
 *   moves the items from there on down by one; a position past the end
 *   means last. Deleting closes the gap.
 * - An item's `startsAt` is a wall time in the activity's zone (or an
 *   instant), stored in UTC; a time skipped by a DST change is a 400. A
 *   counterpart organisation the caller cannot see is a 400 at its field.
 * - Outcomes (contact made, agreement, project lead, note) are added and
 *   removed, not edited; `proposalId` is kept for the candidate project the
 *   outcome led to.
 * - Every write leaves an audit event on the activity:
 *   `{ agendaItem | outcome: before }` → `{ …: after }`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import * as repo from '../../../db/activities/agenda.js';
import type { AgendaItemRow } from '../../../db/activities/agenda.js';
import type { Database, OutcomeTable } from '../../../db/schema.js';
import type { Selectable } from 'kysely';
import { NonexistentLocalTime, NotFound, PreconditionFailed, ValidationFailed, checkVersion, recordChange, scopeOf, toInstant, toLocal, unknownReference, type Caller } from '../../platform/index.js';
import type { AgendaItem, AgendaItemCreate, AgendaItemPatch, Outcome, OutcomeCreate } from '../schemas/agenda.js';
import { readableActivity, writableActivity } from './activity-access.js';

export function toAgendaItem(row: AgendaItemRow, zone: string): AgendaItem {
  return {
    id: row.id,
    activityId: row.activity_id,
    number: row.position,
    startsAt: row.starts_at,
    localStartsAt: row.starts_at ? toLocal(row.starts_at, zone) : null,
    place: row.place,
    counterpartOrganisationId: row.counterpart_organisation_id,
    counterpartOrganisationName: row.counterpart_organisation_id ? row.counterpart_name : null,
    topic: row.topic,
    presenter: row.presenter,
    notes: row.notes,
    decisions: row.decisions,
    version: row.version
  };
}

export function toOutcome(row: Selectable<OutcomeTable>): Outcome {
  return { id: row.id, activityId: row.activity_id, kind: row.kind as Outcome['kind'], text: row.text, proposalId: row.proposal_id, createdAt: row.created_at };
}

function instantIn(text: string | null, zone: string): string | null {
  if (text === null) return null;
  try {
    return toInstant(text, zone);
  } catch (error) {
    if (error instanceof NonexistentLocalTime) throw new ValidationFailed([{ path: 'startsAt', ...error.words }]);
    throw error;
  }
}

async function assertCounterpartVisible(db: Kysely<Database>, caller: Caller, id: string | null | undefined): Promise<void> {
  if (id && !(await findVisibleOrganisation(db, scopeOf(caller), id))) throw unknownReference('counterpartOrganisationId', 'organisation');
}

async function loadItem(db: Kysely<Database>, activityId: string, id: string): Promise<AgendaItemRow> {
  const row = await repo.findAgendaItem(db, activityId, id);
  if (!row) throw new NotFound('agenda item');
  return row;
}

export class ProgrammeService {
  constructor(private readonly db: DB) {}

  async agenda(caller: Caller, activityId: string): Promise<{ items: AgendaItem[] }> {
    const { activity } = await readableActivity(this.db, caller, activityId);
    return { items: (await repo.listAgendaItems(this.db, activityId)).map((row) => toAgendaItem(row, activity.time_zone)) };
  }

  async addItem(caller: Caller, activityId: string, input: AgendaItemCreate): Promise<AgendaItem> {
    return this.db.transaction().execute(async (trx) => {
      const { activity } = await writableActivity(trx, caller, activityId);
      await assertCounterpartVisible(trx, caller, input.counterpartOrganisationId);
      const startsAt = instantIn(input.startsAt, activity.time_zone);
      const count = await repo.countAgendaItems(trx, activityId);
      const position = Math.min(input.position ?? count + 1, count + 1);
      await repo.shiftAgendaItems(trx, activityId, position, null, 1);
      const id = newId();
      await repo.insertAgendaItem(trx, {
        id,
        activity_id: activityId,
        position,
        starts_at: startsAt,
        place: input.place,
        counterpart_organisation_id: input.counterpartOrganisationId,
        topic: input.topic,
        presenter: input.presenter,
        notes: input.notes,
        decisions: input.decisions
      });
      const item = toAgendaItem(await loadItem(trx, activityId, id), activity.time_zone);
      await recordChange(trx, caller, 'activity', activityId, { agendaItem: null }, { agendaItem: item });
      return item;
    });
  }

  async updateItem(caller: Caller, activityId: string, id: string, patch: AgendaItemPatch, expected: number | null): Promise<AgendaItem> {
    return this.db.transaction().execute(async (trx) => {
      const { activity } = await writableActivity(trx, caller, activityId);
      const current = await loadItem(trx, activityId, id);
      const before = toAgendaItem(current, activity.time_zone);
      checkVersion(expected, before);
      if (patch.counterpartOrganisationId !== current.counterpart_organisation_id) await assertCounterpartVisible(trx, caller, patch.counterpartOrganisationId);
      const startsAt = patch.startsAt === undefined ? undefined : instantIn(patch.startsAt, activity.time_zone);
      let position: number | undefined;
      if (patch.position !== undefined) {
        position = Math.min(patch.position, await repo.countAgendaItems(trx, activityId));
        if (position < current.position) await repo.shiftAgendaItems(trx, activityId, position, current.position - 1, 1);
        if (position > current.position) await repo.shiftAgendaItems(trx, activityId, current.position + 1, position, -1);
      }
      const updated = await repo.updateAgendaItem(trx, id, current.version, {
        position,
        starts_at: startsAt,
        place: patch.place,
        counterpart_organisation_id: patch.counterpartOrganisationId,
        topic: patch.topic,
        presenter: patch.presenter,
        notes: patch.notes,
        decisions: patch.decisions
      });
      if (!updated) throw new PreconditionFailed(before);
      const item = toAgendaItem(await loadItem(trx, activityId, id), activity.time_zone);
      await recordChange(trx, caller, 'activity', activityId, { agendaItem: before }, { agendaItem: item });
      return item;
    });
  }

  async removeItem(caller: Caller, activityId: string, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { activity } = await writableActivity(trx, caller, activityId);
      const current = await loadItem(trx, activityId, id);
      const before = toAgendaItem(current, activity.time_zone);
      checkVersion(expected, before);
      await repo.deleteAgendaItem(trx, id);
      await repo.shiftAgendaItems(trx, activityId, current.position + 1, null, -1);
      await recordChange(trx, caller, 'activity', activityId, { agendaItem: before }, { agendaItem: null });
    });
  }

  async outcomes(caller: Caller, activityId: string): Promise<{ items: Outcome[] }> {
    await readableActivity(this.db, caller, activityId);
    return { items: (await repo.listOutcomes(this.db, activityId)).map(toOutcome) };
  }

  async addOutcome(caller: Caller, activityId: string, input: OutcomeCreate): Promise<Outcome> {
    return this.db.transaction().execute(async (trx) => {
      await writableActivity(trx, caller, activityId);
      const outcome = toOutcome(await repo.insertOutcome(trx, { id: newId(), activity_id: activityId, kind: input.kind, text: input.text, proposal_id: input.proposalId }));
      await recordChange(trx, caller, 'activity', activityId, { outcome: null }, { outcome });
      return outcome;
    });
  }

  async removeOutcome(caller: Caller, activityId: string, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableActivity(trx, caller, activityId);
      const row = await repo.findOutcome(trx, activityId, id);
      if (!row) throw new NotFound('outcome');
      await repo.deleteOutcome(trx, id);
      await recordChange(trx, caller, 'activity', activityId, { outcome: toOutcome(row) }, { outcome: null });
    });
  }
}
