/**
 * Every route whose write a client can collide with a unique key: the same
 * thing sent several times at the same moment, to two apps serving one
 * database (two server processes: test/support/second-app.ts), makes it
 * once; each other writer gets a problem+json 409 that says what collided
 * and, where there is one, names the field — never a 500. On SQLite the
 * service's own check answers (one transaction at a time); on PostgreSQL
 * the writers that checked at the same moment meet the key, and the error
 * path words it alike (api/platform/http/collisions.ts). Where a key makes a
 * repeat harmless (memberships, watches, scores, reminder settings) every
 * writer is answered 200 and there is still one row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip } from '../../support/activity-rows.js';
import type { ApiHarness } from '../../support/api.js';
import { createOrganisation, createPerson } from '../../support/crm.js';
import { type Client, expectProblem, type Reply } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';
import { alternating, statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';
import type { UserKey } from '../../support/world.js';

const WRITERS = 6;

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps()));
afterAll(() => close?.());

const p1 = () => h.world.partnerships.p1;
const as = (who: UserKey) => alternating(h.as[who], other.as[who]);

/** The same write from WRITERS clients at once, half of them on each app. */
function atOnce(who: UserKey, send: (client: Client, n: number) => Promise<Reply>): Promise<Reply[]> {
  return Promise.all(Array.from({ length: WRITERS }, (_, n) => send(as(who)(n), n)));
}

/** One writer made it (`status`), the others were told in words what collided (and which field, when `path` is given). */
function expectOneMade(replies: Reply[], status: number, detail: RegExp, path?: string): void {
  expect(statuses(replies), told(replies)).toEqual([status, ...Array(WRITERS - 1).fill(409)]);
  for (const refused of replies.filter((r) => r.status === 409)) {
    expectProblem(refused, 409, path);
    expect(refused.body.detail).toMatch(detail);
  }
}

/** Every writer was answered `status`. */
function expectAllAnswered(replies: Reply[], status: number): void {
  expect(statuses(replies), told(replies)).toEqual(Array(WRITERS).fill(status));
}

const count = async (text: string, ...params: unknown[]) => (await allRows(h, text, ...params)).length;

describe('the same record created at once', () => {
  it('users: one account per e-mail address', async () => {
    const replies = await atOnce('sysadmin', (client) => client.post('/api/users', { email: 'annelies.peeters@vlaamsbrabant.be', name: 'Annelies Peeters' }));
    expectOneMade(replies, 201, /^A user with this email already exists\.$/, 'email');
    expect(await count('SELECT id FROM users WHERE email = ?', 'annelies.peeters@vlaamsbrabant.be')).toBe(1);
  });

  it('programmes: one per code', async () => {
    const replies = await atOnce('officer', (client) => client.post('/api/programmes', { code: 'RACE-PROGRAMME', name: 'Race programme', family: 'other' }));
    expectOneMade(replies, 201, /(code RACE-PROGRAMME is already used by Race programme|A programme with this code exists already)/, 'code');
    expect(await count('SELECT id FROM programmes WHERE code = ?', 'RACE-PROGRAMME')).toBe(1);
  });

  it('programmes: one of several renamed to the same code at once', async () => {
    const ids: string[] = [];
    for (let n = 0; n < WRITERS; n++) ids.push((await h.as.officer.post('/api/programmes', { code: `RENAME-${n}`, name: `Programme ${n}`, family: 'other' })).body.id);
    const replies = await atOnce('officer', (client, n) => client.patch(`/api/programmes/${ids[n]}`, { code: 'RENAMED-PROGRAMME' }));
    expectOneMade(replies, 200, /(code RENAMED-PROGRAMME is already used by|A programme with this code exists already)/, 'code');
    expect(await count('SELECT id FROM programmes WHERE code = ?', 'RENAMED-PROGRAMME')).toBe(1);
  });

  it('calls: one per identifier', async () => {
    const replies = await atOnce('officer', (client) => client.post('/api/calls', { identifier: 'HORIZON-RACE-2027-01', title: 'Race call', deadlines: [{ at: '2027-03-15T17:00', timeZone: 'Europe/Brussels' }] }));
    expectOneMade(replies, 201, /A call with the identifier HORIZON-RACE-2027-01 is already recorded|A call with this identifier is already recorded/, 'identifier');
    expect(await count('SELECT id FROM calls WHERE identifier = ?', 'HORIZON-RACE-2027-01')).toBe(1);
  });

  it('calls: one of several given the same identifier at once', async () => {
    const ids: string[] = [];
    for (let n = 0; n < WRITERS; n++) ids.push((await h.as.officer.post('/api/calls', { identifier: `HORIZON-RENAME-${n}`, title: `Call ${n}` })).body.id);
    const replies = await atOnce('officer', (client, n) => client.patch(`/api/calls/${ids[n]}`, { identifier: 'HORIZON-RENAMED' }));
    expectOneMade(replies, 200, /already recorded/, 'identifier');
    expect(await count('SELECT id FROM calls WHERE identifier = ?', 'HORIZON-RENAMED')).toBe(1);
  });

  it('budgets: one per organisation, partnership and year', async () => {
    const replies = await atOnce('officer', (client) => client.post('/api/budgets', { partnershipId: p1(), organisationId: h.world.organisations.vrrn, year: 2031, amount: '20000' }));
    expectOneMade(replies, 201, /already has a budget for (2031|this year) in this partnership/);
    expect(await count('SELECT id FROM budgets WHERE partnership_id = ? AND year = 2031', p1())).toBe(1);
  });

  it('activity participants: one per person and role', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Participant collision', status: 'planned', endsAt: '2027-04-02T17:00' });
    const person = await createPerson(h.as.officer, { name: 'Griet Janssens', organisationId: h.world.organisations.pfb });
    const replies = await atOnce('officer', (client) => client.post(`/api/activities/${trip.id}/participants`, { personId: person.id, role: 'speaker' }));
    expectOneMade(replies, 201, /already takes part in this role/, 'role');
    expect(await count('SELECT id FROM activity_participants WHERE activity_id = ?', trip.id)).toBe(1);
  });

  it('consortia: one membership per organisation', async () => {
    const proposal = await createProposal(h.as.officer, { partnershipId: p1(), acronym: 'RACE' });
    const org = await createOrganisation(h.as.officer, { name: 'KU Leuven', kind: 'university_research', country: 'BE' });
    const replies = await atOnce('officer', (client) => client.post(`/api/proposals/${proposal.id}/consortium`, { organisationId: org.id, role: 'partner' }));
    expectOneMade(replies, 201, /in the consortium already/, 'organisationId');
    expect(await count('SELECT id FROM consortium_members WHERE proposal_id = ? AND organisation_id = ?', proposal.id, org.id)).toBe(1);
  });

  it('work plans: one per partnership and year', async () => {
    const replies = await atOnce('officer', (client) => client.post('/api/workplans', { partnershipId: p1(), year: 2033 }));
    expectOneMade(replies, 201, /has a work plan for (2033|this year) already/);
    expect(await count('SELECT id FROM work_plans WHERE partnership_id = ? AND year = 2033', p1())).toBe(1);
  });

  it('evaluations: one per partnership and year', async () => {
    const replies = await atOnce('officer', (client) => client.post('/api/evaluations', { partnershipId: p1(), year: 2033 }));
    expectOneMade(replies, 201, /There is an evaluation of (2033|this year) for this partnership already/, 'year');
    expect(await count('SELECT id FROM evaluations WHERE partnership_id = ? AND year = 2033', p1())).toBe(1);
  });

  it('cooperation domains of a partnership: one per code', async () => {
    const labels = { en: 'Hydrogen valleys', de: 'Wasserstofftäler', nl: 'Waterstofvalleien' };
    const replies = await atOnce('officer', (client) => client.post(`/api/partnerships/${p1()}/domains`, { code: 'race-hydrogen', labels }));
    expectOneMade(replies, 201, /A cooperation domain with this code exists already/, 'code');
    expect(await count('SELECT id FROM domains WHERE partnership_id = ? AND code = ?', p1(), 'race-hydrogen')).toBe(1);
  });

  it('feedback links: one per participant, however many writers send them', async () => {
    const trip = await logTrip(h.as.officer, { partnershipIds: [p1()], title: 'Feedback collision', endsAt: '2026-10-02T17:00' });
    for (const name of ['Jan', 'Els', 'Wim']) {
      const person = await createPerson(h.as.officer, { name: `${name} Claes`, organisationId: h.world.organisations.pfb });
      expect((await h.as.officer.post(`/api/activities/${trip.id}/participants`, { personId: person.id, role: 'delegate', attendance: 'attended' })).status).toBe(201);
    }
    const replies = await atOnce('officer', (client) => client.post(`/api/activities/${trip.id}/feedback/links`, {}));
    expectAllAnswered(replies, 201);
    expect(replies.reduce((n, r) => n + r.body.items.length, 0)).toBe(3);
    expect(await count('SELECT id FROM feedback_links WHERE activity_id = ?', trip.id)).toBe(3);
  });
});

describe('the same thing recorded at once where a repeat is harmless', () => {
  it('memberships: a user given a role by several admins at once is a member once', async () => {
    const user = (await h.as.sysadmin.post('/api/users', { email: 'new.member@rhein-neckar.de', name: 'New Member' })).body.user;
    const replies = await atOnce('admin', (client) => client.put(`/api/partnerships/${p1()}/members`, { userId: user.id, role: 'editor' }));
    expectAllAnswered(replies, 200);
    expect(await allRows(h, 'SELECT role FROM memberships WHERE user_id = ?', user.id)).toEqual([{ role: 'editor' }]);
  });

  it('watches: a call watched from several tabs at once is watched once', async () => {
    const call = (await h.as.officer.post('/api/calls', { identifier: 'LIFE-WATCH-RACE', title: 'Watch race' })).body;
    const replies = await atOnce('editor', (client) => client.put(`/api/calls/${call.id}/watch`));
    expectAllAnswered(replies, 200);
    expect(await count('SELECT call_id FROM call_watches WHERE call_id = ? AND user_id = ?', call.id, h.world.users.editor.id)).toBe(1);
  });

  it('reminder settings: saved from several tabs at once, one row holds the last', async () => {
    const replies = await atOnce('viewer', (client, n) => client.put('/api/reminders/settings', { offsets: [n + 1], email: true, timeZone: 'Europe/Berlin' }));
    expectAllAnswered(replies, 200);
    expect(await count('SELECT user_id FROM reminder_settings WHERE user_id = ?', h.world.users.viewer.id)).toBe(1);
  });
});
