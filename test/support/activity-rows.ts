/**
 * Activities for the tests of tasks, follow-ups and matchmaking, created
 * through the activities API (status, end in a zone, domains, rule), and
 * participants written straight into the table when a test needs an
 * attendance in the past.
 */
import { expect } from 'vitest';
import { newId } from '../../db/ids.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Client } from './http.js';

export interface TripFields {
  partnershipIds: string[];
  title?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  status?: 'planned' | 'done' | 'cancelled';
  domainIds?: string[];
  followUpRule?: string | null;
}

/** A delegation trip logged through POST /api/activities (by default done, starting at 08:00 on its last day); answers its body. */
export async function logTrip(as: Client, fields: TripFields) {
  const endsAt = fields.endsAt ?? '2026-08-31T17:00';
  const reply = await as.post('/api/activities', {
    type: 'delegation_trip',
    title: 'Delegation trip to Leuven',
    startsAt: `${endsAt.slice(0, 10)}T08:00`,
    endsAt,
    timeZone: 'Europe/Brussels',
    status: 'done',
    ...fields
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** An organisation (or a person of it) taking part in an activity, written straight into the table. */
export async function takePart(db: Kysely<Database>, activityId: string, fields: { organisationId?: string | null; personId?: string | null; attendance?: string; role?: string }) {
  await db
    .insertInto('activity_participants')
    .values({
      id: newId(),
      activity_id: activityId,
      person_id: fields.personId ?? null,
      organisation_id: fields.organisationId ?? null,
      role: fields.role ?? 'delegate',
      attendance: fields.attendance ?? 'attended'
    })
    .execute();
}
