/**
 * Participants of an activity: people and organisations from the CRM with a
 * role and an attendance.
 *
 * - Read by whoever sees the activity; added, changed and removed by whoever
 *   may change it (activity-access.ts). A person or organisation the caller
 *   cannot see is a 400 at its field, as if it did not exist; a name the
 *   caller cannot see (a person recorded by another organisation, without
 *   an organisation) is answered as null.
 * - A person named alone takes part for their organisation, which is filled
 *   in. The same person (or, without a person, the same organisation) takes
 *   part once per role: a second time is a 409 at `role`.
 * - Taking part makes the organisation a stakeholder of the activity's
 *   partnerships (those the caller holds a writing role in) where it is
 *   neither a party nor a stakeholder yet: it now takes part in the
 *   cooperation, and every member of the partnership sees it. That change
 *   leaves its own audit event on the organisation. Removing a participant
 *   keeps the stakeholdership (it has taken part).
 * - Every write leaves an audit event on the activity:
 *   `{ participant: before }` → `{ participant: after }`.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { findVisibleOrganisation } from '../../../db/crm/organisations.js';
import * as repo from '../../../db/activities/participants.js';
import type { ParticipantWithNamesRow } from '../../../db/activities/participants.js';
import { visibleOrganisationIds, visiblePersonIds } from '../../../db/crm/partnerships.js';
import { findVisiblePerson } from '../../../db/crm/people.js';
import { holdForWrite } from '../../../db/row-locks.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed, canWriteIn, checkVersion, recordChange, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import { PARTICIPANT_MISSING, type Participant, type ParticipantCreate, type ParticipantPatch } from '../schemas/participants.js';
import { readableActivity, writableActivity } from './activity-access.js';

export interface Visible {
  people: Set<string>;
  organisations: Set<string>;
}

const SEES_ALL: Visible = { people: { has: () => true } as unknown as Set<string>, organisations: { has: () => true } as unknown as Set<string> };

export function toParticipant(row: ParticipantWithNamesRow, visible: Visible): Participant {
  const seesPerson = row.person_id !== null && visible.people.has(row.person_id);
  const seesOrganisation = row.organisation_id !== null && visible.organisations.has(row.organisation_id);
  return {
    id: row.id,
    activityId: row.activity_id,
    personId: row.person_id,
    personName: seesPerson ? row.person_name : null,
    personFunction: seesPerson ? row.person_function : null,
    organisationId: row.organisation_id,
    organisationName: seesOrganisation ? row.organisation_name : null,
    organisationKind: row.organisation_id ? (row.organisation_kind as Participant['organisationKind']) : null,
    regionId: row.organisation_id ? row.region_id : null,
    regionName: row.organisation_id ? row.region_name : null,
    role: row.role as Participant['role'],
    attendance: row.attendance as Participant['attendance'],
    erased: row.erased_at !== null,
    version: row.version,
    createdAt: row.created_at
  };
}

/** Which of the rows' people and organisations the caller may see (names of the others are not shown). */
export async function visibleTo(db: Kysely<Database>, caller: Caller, rows: ParticipantWithNamesRow[]): Promise<Visible> {
  const scope = scopeOf(caller);
  const [people, organisations] = await Promise.all([
    visiblePersonIds(db, scope, rows.flatMap((r) => (r.person_id ? [r.person_id] : []))),
    visibleOrganisationIds(db, scope, rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))
  ]);
  return { people, organisations };
}

async function load(db: Kysely<Database>, activityId: string, id: string): Promise<ParticipantWithNamesRow> {
  const row = await repo.findParticipant(db, activityId, id);
  if (!row) throw new NotFound('participant');
  return row;
}

function twice(): Conflict {
  return new Conflict(words('problems_participantTwice'), { errors: [{ path: 'role', ...words('problems_field_participantTwice') }] });
}

/**
 * Makes the organisation a stakeholder of those of `partnershipIds` the
 * caller writes in where it is neither party nor stakeholder; audited on the
 * organisation.
 */
async function joinPartnerships(trx: Kysely<Database>, caller: Caller, organisationId: string, partnershipIds: string[]): Promise<void> {
  // the organisation is held: two activities joining it at once tell the join once (its trail), on every engine
  await holdForWrite(trx, 'organisations', organisationId);
  const missing = await repo.partnershipsWithout(trx, organisationId, partnershipIds.filter((p) => canWriteIn(caller, p)));
  if (!missing.length) return;
  const before = await repo.stakeholdershipsOfOrganisation(trx, organisationId);
  await repo.addStakeholderships(trx, organisationId, missing);
  const after = await repo.stakeholdershipsOfOrganisation(trx, organisationId);
  await recordChange(trx, caller, 'organisation', organisationId, { partnershipIds: before }, { partnershipIds: after });
}

export class ParticipantService {
  constructor(private readonly db: DB) {}

  async list(caller: Caller, activityId: string): Promise<{ items: Participant[] }> {
    await readableActivity(this.db, caller, activityId);
    const rows = await repo.listParticipants(this.db, activityId);
    const visible = await visibleTo(this.db, caller, rows);
    return { items: rows.map((row) => toParticipant(row, visible)) };
  }

  async add(caller: Caller, activityId: string, input: ParticipantCreate): Promise<Participant> {
    return this.db.transaction().execute(async (trx) => {
      const { partnershipIds } = await writableActivity(trx, caller, activityId);
      const scope = scopeOf(caller);
      const person = input.personId ? await findVisiblePerson(trx, scope, input.personId) : null;
      if (input.personId && !person) throw unknownReference('personId', 'person');
      if (input.organisationId && !(await findVisibleOrganisation(trx, scope, input.organisationId))) throw unknownReference('organisationId', 'organisation');
      const organisationId = input.organisationId ?? person?.organisation_id ?? null;
      const who = { personId: input.personId, organisationId, role: input.role };
      if (await repo.findSameParticipant(trx, activityId, who)) throw twice();
      const id = newId();
      await repo.insertParticipant(trx, { id, activity_id: activityId, person_id: input.personId, organisation_id: organisationId, role: input.role, attendance: input.attendance });
      if (organisationId) await joinPartnerships(trx, caller, organisationId, partnershipIds);
      const row = await load(trx, activityId, id);
      await recordChange(trx, caller, 'activity', activityId, { participant: null }, { participant: toParticipant(row, SEES_ALL) });
      return toParticipant(row, await visibleTo(trx, caller, [row]));
    });
  }

  async update(caller: Caller, activityId: string, id: string, patch: ParticipantPatch, expected: number | null): Promise<Participant> {
    return this.db.transaction().execute(async (trx) => {
      const { partnershipIds } = await writableActivity(trx, caller, activityId);
      const current = await load(trx, activityId, id);
      checkVersion(expected, toParticipant(current, await visibleTo(trx, caller, [current])));
      if (patch.organisationId && patch.organisationId !== current.organisation_id && !(await findVisibleOrganisation(trx, scopeOf(caller), patch.organisationId))) {
        throw unknownReference('organisationId', 'organisation');
      }
      const organisationId = patch.organisationId !== undefined ? patch.organisationId : current.organisation_id;
      if (organisationId === null && current.person_id === null) throw new ValidationFailed([{ path: 'organisationId', ...words(PARTICIPANT_MISSING) }]);
      const role = patch.role ?? current.role;
      if (await repo.findSameParticipant(trx, activityId, { personId: current.person_id, organisationId, role }, id)) throw twice();
      const updated = await repo.updateParticipant(trx, id, current.version, { organisation_id: organisationId, role, attendance: patch.attendance });
      if (!updated) throw new PreconditionFailed(toParticipant(current, await visibleTo(trx, caller, [current])));
      if (organisationId && organisationId !== current.organisation_id) await joinPartnerships(trx, caller, organisationId, partnershipIds);
      const row = await load(trx, activityId, id);
      await recordChange(trx, caller, 'activity', activityId, { participant: toParticipant(current, SEES_ALL) }, { participant: toParticipant(row, SEES_ALL) });
      return toParticipant(row, await visibleTo(trx, caller, [row]));
    });
  }

  async remove(caller: Caller, activityId: string, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableActivity(trx, caller, activityId);
      const current = await load(trx, activityId, id);
      checkVersion(expected, toParticipant(current, await visibleTo(trx, caller, [current])));
      await repo.deleteParticipant(trx, id);
      await recordChange(trx, caller, 'activity', activityId, { participant: toParticipant(current, SEES_ALL) }, { participant: null });
    });
  }
}
