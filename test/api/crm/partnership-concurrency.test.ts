/**
 * A partnership's rules that span rows, written from two apps serving one
 * database at the same moment (two server processes,
 * test/support/second-app.ts): two admins demoting each other leave one
 * admin; two renewals of one agreement make one renewal; an organisation
 * and a partnership naming each other stakeholder at once record it once.
 * SQLite runs one transaction at a time; on PostgreSQL the writes hold the
 * partnership (or the agreement renewed) first (db/row-locks.ts), and a
 * stakeholdership written from both sides is inserted once (its key makes
 * the second insert do nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness } from '../../support/api.js';
import { createOrganisation } from '../../support/crm.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps()));
afterAll(() => close?.());

function agreement(title: string, overrides: Record<string, unknown> = {}) {
  const { regions, organisations } = h.world;
  return {
    title,
    parties: [
      { regionId: regions.rheinNeckar, organisationId: organisations.vrrn },
      { regionId: regions.flemishBrabant, organisationId: organisations.pfb }
    ],
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
    ...overrides
  };
}

describe('a partnership written from two processes at once', () => {
  it('keeps an admin when its two admins demote each other at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const created = await h.as.admin.post('/api/partnerships', agreement(`Two admins ${round}`));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id;
      expect((await h.as.admin.put(`/api/partnerships/${id}/members`, { userId: h.world.users.officer.id, role: 'admin' })).status).toBe(200);
      const replies = await Promise.all([
        h.as.admin.put(`/api/partnerships/${id}/members`, { userId: h.world.users.officer.id, role: 'officer' }),
        other.as.officer.put(`/api/partnerships/${id}/members`, { userId: h.world.users.admin.id, role: 'officer' })
      ]);
      // one demotion lands; the other is refused: the last admin stays (409), or its writer was no admin any more when it asked (403)
      expect(statuses(replies).filter((status) => status === 200), told(replies)).toHaveLength(1);
      const refused = replies.find((r) => r.status !== 200)!;
      expect([403, 409], told(replies)).toContain(refused.status);
      if (refused.status === 409) expect(refused.body.detail).toMatch(/keeps at least one admin/);
      expect(await allRows(h, "SELECT user_id FROM memberships WHERE partnership_id = ? AND role = 'admin'", id)).toHaveLength(1);
    }
  });

  it('is renewed once when two renewals of it are recorded at the same moment', async () => {
    for (let round = 0; round < 4; round++) {
      const old = (await h.as.admin.post('/api/partnerships', agreement(`Agreement ${round}`))).body;
      const replies = await Promise.all([
        h.as.admin.post('/api/partnerships', agreement(`Renewal ${round}a`, { predecessorId: old.id, startsOn: '2029-01-01', endsOn: '2032-12-31' })),
        other.as.admin.post('/api/partnerships', agreement(`Renewal ${round}b`, { predecessorId: old.id, startsOn: '2029-01-01', endsOn: '2032-12-31' }))
      ]);
      expect(statuses(replies), told(replies)).toEqual([201, 400]);
      expect(replies.find((r) => r.status === 400)!.body.errors).toMatchObject([{ path: 'predecessorId', message: 'That agreement has already been renewed by another one.' }]);
      expect(await allRows(h, 'SELECT id FROM partnerships WHERE predecessor_id = ?', old.id)).toHaveLength(1);
    }
  });

  it('records a stakeholdership once when the organisation and the partnership name each other at the same moment', async () => {
    const p1 = h.world.partnerships.p1;
    for (let round = 0; round < 4; round++) {
      const org = await createOrganisation(h.as.officer, { name: `Stakeholder ${round}`, kind: 'agency', country: 'BE' });
      const stakeholders = (await h.as.officer.get(`/api/partnerships/${p1}`)).body.stakeholders.map((s: { id: string }) => s.id);
      const replies = await Promise.all([
        h.as.officer.patch(`/api/organisations/${org.id}`, { partnershipIds: [p1] }),
        other.as.officer.patch(`/api/partnerships/${p1}`, { stakeholderIds: [...stakeholders, org.id] })
      ]);
      expect(statuses(replies), told(replies)).toEqual([200, 200]);
      expect(await allRows(h, 'SELECT partnership_id FROM partnership_stakeholders WHERE organisation_id = ?', org.id)).toEqual([{ partnership_id: p1 }]);
    }
  });
});

describe('calendar feeds made from two processes at once', () => {
  it('stop at ten per user', async () => {
    const replies = await Promise.all(Array.from({ length: 14 }, (_, n) => (n % 2 ? other.as.viewer : h.as.viewer).post('/api/calendar/feeds')));
    expect(statuses(replies), told(replies)).toEqual([...Array(10).fill(201), ...Array(4).fill(409)]);
    for (const refused of replies.filter((r) => r.status === 409)) expect(refused.body.detail).toMatch(/You have 10 calendar feeds already/);
    expect(await allRows(h, 'SELECT id FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL', h.world.users.viewer.id)).toHaveLength(10);
  });
});
