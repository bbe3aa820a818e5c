/**
 * Activities and participants written straight into the database, for tests
 * of what hangs off an activity (costs, budgets, feedback) without going
 * through the activities API.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';

export interface ActivityFields {
  partnershipIds: string[];
  title?: string;
  type?: string;
  /** UTC instants */
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  city?: string | null;
  country?: string | null;
}

export async function insertActivity(db: Kysely<Database>, fields: ActivityFields): Promise<string> {
  const id = newId();
  await db
    .insertInto('activities')
    .values({
      id,
      type: fields.type ?? 'delegation_trip',
      title: fields.title ?? 'Delegation trip to Leuven',
      description: null,
      starts_at: fields.startsAt ?? '2026-03-10T08:00:00.000Z',
      ends_at: fields.endsAt ?? '2026-03-12T16:00:00.000Z',
      time_zone: fields.timeZone ?? 'Europe/Brussels',
      venue: null,
      city: fields.city === undefined ? 'Leuven' : fields.city,
      country: fields.country === undefined ? 'BE' : fields.country,
      host_region_id: null,
      direction: 'outgoing',
      follow_up_rule: null,
      next_meeting_at: null,
      feedback_closed_at: null,
      recorded_by_organisation_id: null,
      created_by: null
    })
    .execute();
  if (fields.partnershipIds.length) {
    await db
      .insertInto('activity_partnerships')
      .values(fields.partnershipIds.map((partnershipId) => ({ activity_id: id, partnership_id: partnershipId })))
      .execute();
  }
  return id;
}

export async function insertPerson(db: Kysely<Database>, name: string, organisationId: string | null = null): Promise<string> {
  const id = newId();
  await db
    .insertInto('people')
    .values({
      id,
      organisation_id: organisationId,
      name,
      function: null,
      emails: '[]',
      phones: '[]',
      languages: '[]',
      lawful_basis: 'public_task',
      consent_date: null,
      consent_source: null,
      recorded_by_organisation_id: organisationId
    })
    .execute();
  return id;
}

export interface ParticipantFields {
  personId?: string | null;
  organisationId?: string | null;
  role?: string;
  attendance?: string;
}

export async function insertParticipant(db: Kysely<Database>, activityId: string, fields: ParticipantFields): Promise<string> {
  const id = newId();
  await db
    .insertInto('activity_participants')
    .values({
      id,
      activity_id: activityId,
      person_id: fields.personId ?? null,
      organisation_id: fields.organisationId ?? null,
      role: fields.role ?? 'delegate',
      attendance: fields.attendance ?? 'attended'
    })
    .execute();
  return id;
}
