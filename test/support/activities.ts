/**
 * Activities, people and participants created through the API, for tests of
 * what hangs off an activity (costs, budgets, feedback).
 */
import { expect } from 'vitest';
import { createPerson } from './crm.js';
import type { Client } from './http.js';

export interface ActivityFields {
  partnershipIds: string[];
  title?: string;
  type?: string;
  /** instants (`…Z`) or local wall times in `timeZone` */
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  city?: string | null;
  country?: string | null;
}

/** Logs an activity through POST /api/activities; answers its id. */
export async function logActivity(as: Client, fields: ActivityFields): Promise<string> {
  const reply = await as.post('/api/activities', {
    type: 'delegation_trip',
    title: 'Delegation trip to Leuven',
    startsAt: '2026-03-10T08:00:00Z',
    endsAt: fields.startsAt ? fields.startsAt : '2026-03-12T16:00:00Z',
    timeZone: 'Europe/Brussels',
    city: 'Leuven',
    country: 'BE',
    ...fields
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id;
}

/** A person recorded through the API; answers the id. */
export async function recordPerson(as: Client, name: string, organisationId: string | null = null): Promise<string> {
  return (await createPerson(as, { name, organisationId })).id;
}

export interface ParticipantFields {
  personId?: string | null;
  organisationId?: string | null;
  role?: string;
  attendance?: string;
}

/** Adds a participant through POST /api/activities/:id/participants; answers its id. */
export async function addParticipant(as: Client, activityId: string, fields: ParticipantFields): Promise<string> {
  const reply = await as.post(`/api/activities/${activityId}/participants`, {
    personId: fields.personId ?? null,
    organisationId: fields.organisationId ?? null,
    role: fields.role ?? 'delegate',
    attendance: fields.attendance ?? 'attended'
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id;
}
