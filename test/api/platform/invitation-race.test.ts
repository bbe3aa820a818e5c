/**
 * An invitation link submitted twice at the same moment (a double click,
 * two tabs), each submit served by its own app on one database (two server
 * processes; on PostgreSQL each with its own pool, test/support/second-app.ts):
 * one sets the password and signs in, the other is told the link was used
 * (410), as a submit long after is; one session, one audit event, and the
 * password that counts is the winner's. Before, the link was checked
 * outside the transaction that used it: both submits passed the check, both
 * set a password (the later one stayed), and both were signed in.
 *
 * Also a second link of the same person (a new one issued before the first
 * was used) no longer sets a password once one is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness } from '../../support/api.js';
import { client, type Client, expectProblem } from '../../support/http.js';
import { statuses, told, twoApps, type SecondApp } from '../../support/second-app.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
let other: SecondApp;
let close: () => Promise<void>;
let anonymous: [Client, Client];
beforeAll(async () => {
  ({ h, other, close } = await twoApps());
  anonymous = [h.anonymous, client(other.app, null)];
});
afterAll(() => close?.());

const USED = 'This invitation link has been used already: sign in with the password set through it, or ask an administrator for a new link.';

async function invite(email: string): Promise<{ userId: string; token: string }> {
  const invited = await h.as.sysadmin.post('/api/users', { email, name: 'Lotte Janssens', organisationId: h.world.organisations.pfb, memberships: [{ partnershipId: h.world.partnerships.p1, role: 'editor' }] });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  return { userId: invited.body.user.id, token: new URL(invited.body.invitationUrl).pathname.split('/').pop()! };
}

const signIn = (email: string, password: string) => h.anonymous.post('/api/auth/sign-in', { email, password });

describe('an invitation link submitted twice at the same moment, on two processes', () => {
  it('sets the password once: one submit signs in, the other is told the link was used (410)', async () => {
    for (let round = 0; round < 4; round++) {
      const email = `lotte.${round}@vlaamsbrabant.example`;
      const { userId, token } = await invite(email);
      const passwords = [`first-window-passphrase-${round}`, `second-window-passphrase-${round}`];
      const replies = await Promise.all(passwords.map((password, i) => anonymous[i]!.post('/api/auth/accept-invitation', { token, password })));
      expect(statuses(replies), told(replies)).toEqual([200, 410]);
      const refused = replies.find((r) => r.status === 410)!;
      expectProblem(refused, 410);
      expect(refused.body.detail).toBe(USED);
      expect(refused.headers.get('set-cookie')).toBeNull();

      // one session, for the winner; one audit event of the accepted invitation
      expect(await allRows(h, 'SELECT id FROM sessions WHERE user_id = ?', userId)).toHaveLength(1);
      const events = await allRows<{ before: string; after: string }>(h, "SELECT before, after FROM audit_events WHERE entity_type = 'user' AND entity_id = ? AND before LIKE '%invitationPending%'", userId);
      expect(events.map((e) => [JSON.parse(e.before), JSON.parse(e.after)])).toEqual([[{ invitationPending: true }, { invitationPending: false }]]);
      // the password set is the winner's: the loser's does not sign in
      const winner = replies.findIndex((r) => r.status === 200);
      expect((await signIn(email, passwords[winner]!)).status).toBe(200);
      expectProblem(await signIn(email, passwords[1 - winner]!), 401);
    }
  });

  it('answers a link used earlier, and an older link of a person who set a password through a newer one, with the same 410', async () => {
    const email = 'pieter.maes@vlaamsbrabant.example';
    const { userId, token: first } = await invite(email);
    const again = await h.as.sysadmin.post(`/api/users/${userId}/invitation`);
    expect(again.status).toBe(201);
    const second = new URL(again.body.invitationUrl).pathname.split('/').pop()!;
    expect((await h.anonymous.post('/api/auth/accept-invitation', { token: second, password: 'newer-link-passphrase' })).status).toBe(200);

    for (const token of [first, second]) {
      const reply = await anonymous[1]!.post('/api/auth/accept-invitation', { token, password: 'a-password-set-later' });
      expectProblem(reply, 410);
      expect(reply.body.detail).toBe(USED);
      expectProblem(await h.anonymous.get(`/api/auth/invitations/${token}`), 404);
    }
    expect((await signIn(email, 'newer-link-passphrase')).status).toBe(200);
    expectProblem(await signIn(email, 'a-password-set-later'), 401);
  });
});
