/**
 * Withdrawing consent over real HTTP: the history (given on record, given
 * again on a changed source, withdrawn with when and how), who relied on it,
 * readers refused, and the mail rule — a person who withdrew gets no
 * feedback link, the one thing RegioDesk hands out to be sent to a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addParticipant, logActivity } from '../../support/activities.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createInteraction, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { allRows, firstRow, runSql } from '../../support/sql.js';

const NOW = '2026-12-07T09:00:00.000Z';

describe('consent', () => {
  let h: ClockedHarness;
  beforeAll(async () => {
    h = await clockedHarness(NOW);
  });
  afterAll(() => h.close());

  async function personOnConsent(name: string) {
    return createPerson(h.as.officer, {
      name,
      organisationId: h.world.organisations.pfb,
      emails: ['someone@example.org'],
      lawfulBasis: 'consent',
      consentDate: '2026-03-02',
      consentSource: 'Sign-up form at the Leuven fair'
    });
  }

  it('records consent given when a person is kept on consent, and again when its source changes', async () => {
    const person = await personOnConsent('Lotte Claes');
    const first = await h.as.editor.get(`/api/people/${person.id}/consent`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: 'given', lawfulBasis: 'consent', canWithdraw: true });
    expect(first.body.history).toEqual([
      { event: 'given', on: '2026-03-02', how: 'Sign-up form at the Leuven fair', by: { id: h.world.users.officer.id, name: 'Officer' }, at: NOW }
    ]);
    // a change elsewhere in the record is no new consent; a changed source is
    await h.as.officer.patch(`/api/people/${person.id}`, { function: 'Cluster manager' });
    await h.as.officer.patch(`/api/people/${person.id}`, { consentSource: 'Renewed by e-mail', consentDate: '2026-11-30' });
    const after = await h.as.officer.get(`/api/people/${person.id}/consent`);
    expect(after.body.history.map((e: { event: string; how: string }) => [e.event, e.how])).toEqual([
      ['given', 'Sign-up form at the Leuven fair'],
      ['given', 'Renewed by e-mail']
    ]);
  });

  it('reads the consent of a person written straight into the database (the demo seed) from their record, and withdraws it', async () => {
    const id = '01900000-0000-7000-8000-00000000c0de';
    await runSql(h, "INSERT INTO people (id, organisation_id, name, emails, phones, languages, lawful_basis, consent_date, consent_source, created_at, updated_at) VALUES (?, ?, 'Seeded Sanne', '[]', '[]', '[]', 'consent', '2025-05-05', 'Seeded form', '2025-05-05T08:00:00.000Z', '2025-05-05T08:00:00.000Z')", id, h.world.organisations.pfb);
    const before = await h.as.officer.get(`/api/people/${id}/consent`);
    expect(before.body).toMatchObject({ state: 'given', canWithdraw: true, history: [{ event: 'given', on: '2025-05-05', how: 'Seeded form', by: null, at: '2025-05-05T08:00:00.000Z' }] });
    expect(before.body.reliedOn.since).toBe('2025-05-05');
    const reply = await h.as.officer.post(`/api/people/${id}/consent/withdraw`, { how: 'by letter' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.history).toEqual([
      { event: 'given', on: '2025-05-05', how: 'Seeded form', by: null, at: '2025-05-05T08:00:00.000Z' },
      { event: 'withdrawn', on: '2026-12-07', how: 'by letter', by: { id: h.world.users.officer.id, name: 'Officer' }, at: NOW }
    ]);
    expect(reply.body.state).toBe('withdrawn');
  });

  it('withdraws consent in one action, with when and how, audited, and shows who relied on it', async () => {
    const person = await personOnConsent('Pieter Janssens');
    await createInteraction(h.as.officer, { personId: person.id, occurredAt: '2026-04-01T10:00:00Z', summary: 'Phoned about the delegation.' });
    await createInteraction(h.as.officer, { personId: person.id, occurredAt: '2026-05-01T10:00:00Z', summary: 'Sent the programme.' });
    await createInteraction(h.as.editor, { personId: person.id, occurredAt: '2026-06-01T10:00:00Z', summary: 'Met in Leuven.' });
    // before consent was given: not relied on it
    await createInteraction(h.as.editor, { personId: person.id, occurredAt: '2025-06-01T10:00:00Z', summary: 'Old note.' });
    const activityId = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Biotech exchange', startsAt: '2026-09-01T08:00:00Z', endsAt: '2026-09-02T16:00:00Z' });
    await addParticipant(h.as.officer, activityId, { personId: person.id });

    const reply = await h.as.editor.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by e-mail of 3 Dec', on: '2026-12-03' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.state).toBe('withdrawn');
    expect(reply.body.canWithdraw).toBe(false);
    expect(reply.body.history.at(-1)).toEqual({ event: 'withdrawn', on: '2026-12-03', how: 'by e-mail of 3 Dec', by: { id: h.world.users.editor.id, name: 'Editor' }, at: NOW });
    const relied = reply.body.reliedOn;
    expect(relied.since).toBe('2026-03-02');
    expect(relied.interactions).toEqual([
      { user: { id: h.world.users.editor.id, name: 'Editor' }, count: 1, latest: '2026-06-01T10:00:00.000Z' },
      { user: { id: h.world.users.officer.id, name: 'Officer' }, count: 2, latest: '2026-05-01T10:00:00.000Z' }
    ]);
    expect(relied.activities).toEqual([{ id: activityId, title: 'Biotech exchange', startsAt: '2026-09-01T08:00:00.000Z', role: 'delegate' }]);
    expect(relied.partnerships).toEqual([{ id: h.world.partnerships.p1, title: 'Rhein-Neckar – Flemish Brabant' }]);

    const audit = (await allRows(h, "SELECT actor_id, before, after FROM audit_events WHERE entity_type = 'person' AND entity_id = ? ORDER BY at, id", person.id)) as { actor_id: string; before: string; after: string }[];
    expect(JSON.parse(audit.at(-1)!.after)).toEqual({ consent: { state: 'withdrawn', on: '2026-12-03', how: 'by e-mail of 3 Dec' } });
    expect(audit.at(-1)!.actor_id).toBe(h.world.users.editor.id);

    // once is enough: a second withdrawal says when the first was
    const again = await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by phone' });
    expectProblem(again, 409);
    expect(again.body.detail).toContain('already withdrawn on 2026-12-03');
  });

  it('refuses readers, outsiders, bad input and people not kept on consent', async () => {
    const person = await personOnConsent('Sofie Maes');
    const viewer = await h.as.viewer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by e-mail of 3 Dec' });
    expectProblem(viewer, 403);
    expect((await h.as.viewer.get(`/api/people/${person.id}/consent`)).body.canWithdraw).toBe(false);
    expectProblem(await h.as.outsider.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by e-mail' }), 404);
    expectProblem(await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, {}), 400, 'how');
    expectProblem(await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: '   ' }), 400, 'how');
    expectProblem(await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'x'.repeat(301) }), 400, 'how');
    expectProblem(await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by e-mail', on: '2027-01-10' }), 400, 'on');
    expectProblem(await h.as.officer.post(`/api/people/${person.id}/consent/withdraw`, { how: 'by e-mail', on: '2026-01-10' }), 400, 'on');
    expect((await h.as.officer.get(`/api/people/${person.id}/consent`)).body.state).toBe('given');

    const onPublicTask = await createPerson(h.as.officer, { name: 'Karel De Smet', organisationId: h.world.organisations.pfb });
    const refused = await h.as.officer.post(`/api/people/${onPublicTask.id}/consent/withdraw`, { how: 'by e-mail' });
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('not on consent');
    expect((await h.as.officer.get(`/api/people/${onPublicTask.id}/consent`)).body).toMatchObject({ state: 'none', history: [], canWithdraw: false });
  });

  it('sends a person who withdrew no feedback link, and says why', async () => {
    const withdrew = await personOnConsent('Hanne Peeters');
    const stays = await personOnConsent('Bram Wouters');
    const activityId = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Smart region workshop', startsAt: '2026-11-10T08:00:00Z', endsAt: '2026-11-10T16:00:00Z' });
    const withdrewAt = await addParticipant(h.as.officer, activityId, { personId: withdrew.id });
    const staysAt = await addParticipant(h.as.officer, activityId, { personId: stays.id });
    expect((await h.as.officer.post(`/api/people/${withdrew.id}/consent/withdraw`, { how: 'told us at the workshop' })).status).toBe(200);

    const links = await h.as.officer.post(`/api/activities/${activityId}/feedback/links`, {});
    expect(links.status, JSON.stringify(links.body)).toBe(201);
    expect(links.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([staysAt]);
    expect(links.body.skipped).toEqual([{ participantId: withdrewAt, participantName: 'Hanne Peeters', reason: 'consent_withdrawn' }]);
    // asking for them by name, or for a new link, changes nothing
    const named = await h.as.officer.post(`/api/activities/${activityId}/feedback/links`, { participantIds: [withdrewAt], reissue: true });
    expect(named.body.items).toEqual([]);
    expect(named.body.skipped[0].reason).toBe('consent_withdrawn');
    expect(((await firstRow(h, 'SELECT count(*) AS n FROM feedback_links WHERE participant_id = ?', withdrewAt)) as { n: number }).n).toBe(0);

    // consent given again (a new date and source) lifts the rule
    await h.as.officer.patch(`/api/people/${withdrew.id}`, { consentDate: '2026-12-06', consentSource: 'Asked to be invited again, by phone' });
    const renewed = await h.as.officer.post(`/api/activities/${activityId}/feedback/links`, { participantIds: [withdrewAt] });
    expect(renewed.body.items.map((i: { participantId: string }) => i.participantId)).toEqual([withdrewAt]);
  });
});
