/**
 * Writes to one activity sent at the same moment to two apps serving one
 * database (two server processes; on PostgreSQL each with its own pool of
 * connections, test/support/second-app.ts): the agenda stays numbered 1…n,
 * a participant, a follow-up date and a stakeholdership are made once,
 * and edits without If-Match all land, one after the other. SQLite runs one
 * transaction at a time; PostgreSQL's writers of one activity take turns
 * on the activity's row (db/row-locks.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip } from '../../support/activity-rows.js';
import type { ClockedHarness } from '../../support/clocked-api.js';
import { createOrganisation, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { alternating, statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

const NOW = '2026-11-23T10:00:00Z';

let h: ClockedHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps(NOW)));
afterAll(() => close?.());

const p1 = () => h.world.partnerships.p1;
const officer = () => alternating(h.as.officer, other.as.officer);

async function agendaPositions(activityId: string): Promise<number[]> {
  const rows = await allRows<{ position: number }>(h, 'SELECT position FROM agenda_items WHERE activity_id = ? ORDER BY position', activityId);
  return rows.map((r) => Number(r.position));
}

describe('the agenda of one activity, written from two processes at once', () => {
  it('numbers items added at once 1…n, at the end and at the top alike', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Agenda race', status: 'planned', endsAt: '2027-03-12T17:00' });
    const url = `/api/activities/${trip.id}/agenda`;
    const added = await Promise.all(Array.from({ length: 12 }, (_, n) => officer()(n).post(url, { topic: `Topic ${n}`, ...(n % 3 === 0 ? { position: 1 } : {}) })));
    expect(statuses(added), told(added)).toEqual(Array(12).fill(201));
    expect(await agendaPositions(trip.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const listed = (await h.as.viewer.get(url)).body.items as { topic: string; position: number }[];
    expect(new Set(listed.map((i) => i.topic)).size).toBe(12);
  });

  it('keeps 1…n while items are moved and removed at once', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Agenda moves', status: 'planned', endsAt: '2027-03-19T17:00' });
    const url = `/api/activities/${trip.id}/agenda`;
    const items: { id: string }[] = [];
    for (let n = 0; n < 10; n++) items.push((await h.as.officer.post(url, { topic: `Item ${n}` })).body);
    const writes = await Promise.all(
      items.map((item, n) => {
        const as = officer()(n);
        if (n % 3 === 0) return as.delete(`${url}/${item.id}`);
        return as.patch(`${url}/${item.id}`, { position: n % 2 === 0 ? 1 : 10 });
      })
    );
    expect(statuses(writes), told(writes)).toEqual([...Array(4).fill(204), ...Array(6).fill(200)].sort());
    expect(await agendaPositions(trip.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('participants and follow-ups of one activity, from two processes at once', () => {
  it('makes a participant in a role once: the others are told it exists', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Participant race', status: 'planned', endsAt: '2027-04-02T17:00' });
    const person = await createPerson(h.as.officer, { name: 'Griet Janssens', organisationId: h.world.organisations.pfb });
    const replies = await Promise.all(Array.from({ length: 6 }, (_, n) => officer()(n).post(`/api/activities/${trip.id}/participants`, { personId: person.id, role: 'speaker' })));
    expect(statuses(replies), told(replies)).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of replies.filter((r) => r.status === 409)) {
      expectProblem(refused, 409, 'role');
      expect(refused.body.detail).toMatch(/already takes part in this role/);
    }
    expect(await allRows(h, 'SELECT id FROM activity_participants WHERE activity_id = ? AND person_id = ?', trip.id, person.id)).toHaveLength(1);
  });

  it('makes an organisation a stakeholder of the partnership once when its people join several activities at once', async () => {
    const trips: { id: string }[] = [];
    for (let n = 0; n < 3; n++) trips.push(await logTrip(h.as.officer, { partnershipIds: [p1()], title: `Stakeholder race ${n}`, status: 'planned', endsAt: `2027-05-0${n + 1}T17:00` }));
    for (let round = 0; round < 4; round++) {
      const org = await createOrganisation(h.as.officer, { name: `Leuven cluster ${round}`, kind: 'cluster_intermediary', country: 'BE' });
      const people: { id: string }[] = [];
      for (let n = 0; n < 6; n++) people.push(await createPerson(h.as.officer, { name: `Member ${round}.${n}`, organisationId: org.id }));
      const replies = await Promise.all(people.map((person, n) => officer()(n).post(`/api/activities/${trips[n % 3]!.id}/participants`, { personId: person.id, role: 'delegate' })));
      expect(statuses(replies), told(replies)).toEqual(Array(6).fill(201));
      expect(await allRows(h, 'SELECT partnership_id FROM partnership_stakeholders WHERE organisation_id = ?', org.id)).toEqual([{ partnership_id: p1() }]);
      // the organisation's trail tells the join once
      const joins = await allRows<{ after: string }>(h, "SELECT after FROM audit_events WHERE entity_type = 'organisation' AND entity_id = ? AND action = 'update'", org.id);
      expect(joins.map((j) => JSON.parse(j.after))).toEqual([{ partnershipIds: [p1()] }]);
    }
  });

  it('creates the follow-ups of a date once when two writers ask at once', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Follow-up race', endsAt: '2026-09-15T17:00' });
    const replies = await Promise.all(Array.from({ length: 4 }, (_, n) => officer()(n).post(`/api/activities/${trip.id}/follow-ups`, { dueDates: ['2027-01-10', '2027-03-15'] })));
    expect(statuses(replies), told(replies)).toEqual([201, 409, 409, 409]);
    for (const refused of replies.filter((r) => r.status === 409)) expect(refused.body.detail).toMatch(/exist already/);
    const tasks = await allRows<{ due_on: string }>(h, "SELECT due_on FROM tasks WHERE kind = 'follow_up' AND subject_id = ? ORDER BY due_on", trip.id);
    expect(tasks.map((t) => t.due_on)).toEqual(['2027-01-10', '2027-03-15']);
  });
});

describe('edits of one activity without If-Match, from two processes at once', () => {
  it('lands every one of them, one after the other', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Edit race', status: 'planned', endsAt: '2027-06-01T17:00' });
    const replies = await Promise.all(Array.from({ length: 8 }, (_, n) => officer()(n).patch(`/api/activities/${trip.id}`, { description: `Edit ${n}` })));
    expect(statuses(replies), told(replies)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((r) => r.body.version))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9]));
    const audited = await allRows(h, "SELECT id FROM audit_events WHERE entity_type = 'activity' AND entity_id = ? AND action = 'update'", trip.id);
    expect(audited).toHaveLength(8);
  });

  it('accepts one of several edits sent with the same If-Match and refuses the others with 412', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Stale race', status: 'planned', endsAt: '2027-06-02T17:00' });
    const replies = await Promise.all(Array.from({ length: 6 }, (_, n) => officer()(n).patch(`/api/activities/${trip.id}`, { description: `Edit ${n}` }, { ifMatch: `"${trip.version}"` })));
    expect(statuses(replies), told(replies)).toEqual([200, 412, 412, 412, 412, 412]);
    expect((await h.as.viewer.get(`/api/activities/${trip.id}`)).body.version).toBe(trip.version + 1);
  });
});
