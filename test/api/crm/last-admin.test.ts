/**
 * A partnership keeps at least one admin, whichever door changes its roles:
 * its members endpoint (PUT /api/partnerships/{id}/members, the
 * partnership's admins) or a user's memberships (PATCH /api/users/{id},
 * system administrators). Both go through one rule
 * (api/crm/services/memberships.ts). Before, the user's door set roles
 * without it: a system administrator demoting or dropping a partnership's
 * only admin left the partnership with none.
 *
 * And at the same moment through both doors, from two apps on one database
 * (two server processes; on PostgreSQL each with its own pool,
 * test/support/second-app.ts): of two demotions of a partnership's two
 * admins, one lands and the other is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
beforeAll(async () => ({ h, other, close } = await twoApps()));
afterAll(() => close?.());

type Membership = { partnershipId: string; role: string };

async function membershipsOf(userId: string): Promise<Membership[]> {
  const user = await h.as.sysadmin.get(`/api/users/${userId}`);
  expect(user.status).toBe(200);
  return user.body.memberships.map((m: Membership) => ({ partnershipId: m.partnershipId, role: m.role }));
}

const admins = (partnershipId: string) => allRows<{ user_id: string }>(h, "SELECT user_id FROM memberships WHERE partnership_id = ? AND role = 'admin' ORDER BY user_id", partnershipId);

async function newPartnership(title: string): Promise<string> {
  const { regions, organisations } = h.world;
  const created = await h.as.admin.post('/api/partnerships', {
    title,
    parties: [
      { regionId: regions.rheinNeckar, organisationId: organisations.vrrn },
      { regionId: regions.flemishBrabant, organisationId: organisations.pfb }
    ],
    startsOn: '2025-01-01',
    endsOn: '2028-12-31'
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

describe('a user’s memberships changed by a system administrator (PATCH /api/users/{id})', () => {
  it('neither demote nor drop a partnership’s last admin: 409 naming the membership, and nothing changes', async () => {
    const { admin } = h.world.users;
    const p1 = h.world.partnerships.p1;
    const held = await membershipsOf(admin.id);
    expect(held).toEqual([{ partnershipId: p1, role: 'admin' }]);
    const before = await tableCounts(h);

    const demoted = await h.as.sysadmin.patch(`/api/users/${admin.id}`, { memberships: [{ partnershipId: p1, role: 'officer' }] });
    expectProblem(demoted, 409, 'memberships.0.role');
    expect(demoted.body.detail).toBe('A partnership keeps at least one admin: make someone else admin of “Rhein-Neckar – Flemish Brabant” first.');
    expect(demoted.body.errors).toMatchObject([{ path: 'memberships.0.role', message: 'The last admin cannot be removed or demoted.' }]);

    const dropped = await h.as.sysadmin.patch(`/api/users/${admin.id}`, { name: 'Admin (left)', memberships: [{ partnershipId: h.world.partnerships.p2, role: 'viewer' }] });
    expectProblem(dropped, 409, 'memberships');
    expect(dropped.body.detail).toMatch(/keeps at least one admin/);

    expect(await tableCounts(h)).toEqual(before);
    expect(await membershipsOf(admin.id)).toEqual(held);
    expect((await h.as.sysadmin.get(`/api/users/${admin.id}`)).body.name).toBe('Admin');
  });

  it('nor disable a partnership’s last admin who can sign in (409 at `disabled`); a disabled admin counts for none', async () => {
    const p = await newPartnership('Disabling the last admin');
    const invite = async (email: string) => {
      const made = await h.as.sysadmin.post('/api/users', { email, name: email.split('@')[0], organisationId: h.world.organisations.pfb, memberships: [{ partnershipId: p, role: 'admin' }] });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.user.id as string;
    };
    const first = await invite('first.admin@test.regiodesk.eu');
    // the world's admin hands over: the new user is the partnership's only admin
    const { admin } = h.world.users;
    expect((await h.as.sysadmin.patch(`/api/users/${admin.id}`, { memberships: (await membershipsOf(admin.id)).filter((m) => m.partnershipId !== p) })).status).toBe(200);

    const refused = await h.as.sysadmin.patch(`/api/users/${first}`, { disabled: true });
    expectProblem(refused, 409, 'disabled');
    expect(refused.body.detail).toBe('A partnership keeps at least one admin: make someone else admin of “Disabling the last admin” first.');
    expect(refused.body.errors).toMatchObject([{ path: 'disabled', message: 'The last admin of a partnership cannot be disabled.' }]);
    expect((await h.as.sysadmin.get(`/api/users/${first}`)).body.disabled).toBe(false);

    // with a second admin the first may be disabled; then the second is the last one who can sign in
    const second = await invite('second.admin@test.regiodesk.eu');
    expect((await h.as.sysadmin.patch(`/api/users/${first}`, { disabled: true })).status).toBe(200);
    expectProblem(await h.as.sysadmin.patch(`/api/users/${second}`, { memberships: [] }), 409, 'memberships');
    expectProblem(await h.as.sysadmin.patch(`/api/users/${second}`, { disabled: true }), 409, 'disabled');
    expect(await admins(p)).toEqual([{ user_id: first }, { user_id: second }].sort((a, b) => a.user_id.localeCompare(b.user_id)));
    // the disabled admin's own role may go: it administers nothing
    expect((await h.as.sysadmin.patch(`/api/users/${first}`, { memberships: [] })).status).toBe(200);
  });

  it('hand the role over once someone else is admin; the members endpoint then keeps the new admin with the same words', async () => {
    const { admin, officer } = h.world.users;
    const p = await newPartnership('Handing over the admin role');
    expectProblem(await h.as.admin.put(`/api/partnerships/${p}/members`, { userId: admin.id, role: 'officer' }), 409, 'role');
    expect((await h.as.sysadmin.patch(`/api/users/${officer.id}`, { memberships: [...(await membershipsOf(officer.id)), { partnershipId: p, role: 'admin' }] })).status).toBe(200);
    const handedOver = await h.as.sysadmin.patch(`/api/users/${admin.id}`, { memberships: (await membershipsOf(admin.id)).filter((m) => m.partnershipId !== p) });
    expect(handedOver.status, JSON.stringify(handedOver.body)).toBe(200);
    expect(await admins(p)).toEqual([{ user_id: officer.id }]);
    // the new last admin is kept through the members endpoint as well
    const refused = await h.as.officer.put(`/api/partnerships/${p}/members`, { userId: officer.id, role: null });
    expectProblem(refused, 409, 'role');
    expect(refused.body.detail).toBe('A partnership keeps at least one admin: make someone else admin of “Handing over the admin role” first.');
  });
});

describe('the two doors at the same moment, on two processes', () => {
  it('leave one admin when a partnership’s two admins are demoted, one through each door', async () => {
    const { admin, officer } = h.world.users;
    for (let round = 0; round < 4; round++) {
      const p = await newPartnership(`Two doors ${round}`);
      expect((await h.as.admin.put(`/api/partnerships/${p}/members`, { userId: officer.id, role: 'admin' })).status).toBe(200);
      const adminsRoles = (await membershipsOf(admin.id)).map((m) => (m.partnershipId === p ? { ...m, role: 'officer' } : m));
      const replies = await Promise.all([
        h.as.sysadmin.patch(`/api/users/${admin.id}`, { memberships: adminsRoles }),
        other.as.sysadmin.put(`/api/partnerships/${p}/members`, { userId: officer.id, role: 'editor' })
      ]);
      expect(statuses(replies), told(replies)).toEqual([200, 409]);
      expect(replies.find((r) => r.status === 409)!.body.detail).toMatch(/keeps at least one admin/);
      expect(await admins(p), told(replies)).toHaveLength(1);
    }
  });
});
