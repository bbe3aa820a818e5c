/**
 * The retention review over real HTTP with a fixed clock: who is listed at
 * the boundary of REGIODESK_RETENTION_MONTHS (interactions, participations
 * and being kept all count as contact), only for the partnerships where the
 * caller writes, paged; keeping with a reason and erasing in bulk; and the
 * setting's worded refusal of bad values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionMonthsFrom, settingsFrom } from '../../../api/platform/config.js';
import { addParticipant, logActivity } from '../../support/activities.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { allPages, createInteraction, createPerson } from '../../support/crm.js';
import { expectProblem } from '../../support/http.js';
import { allRows, runSql } from '../../support/sql.js';

const LONG_AGO = '2019-05-01T00:00:00.000Z';

describe('retention review', () => {
  let h: ClockedHarness;
  const ids: Record<string, string> = {};

  /** A person at the organisation, recorded long ago (created_at is set directly: the API stamps the real time). */
  async function oldPerson(name: string, organisationId: string) {
    const person = await createPerson(h.as.sysadmin, { name, organisationId });
    await runSql(h, 'UPDATE people SET created_at = ? WHERE id = ?', LONG_AGO, person.id);
    return person.id as string;
  }

  const listed = async (as: ClockedHarness['as'][keyof ClockedHarness['as']], query = '') => (await allPages(as, `/api/people/retention-review?limit=2${query}`)).items.map((i) => i.name).sort();

  beforeAll(async () => {
    h = await clockedHarness('2026-01-15T10:00:00.000Z', { REGIODESK_RETENTION_MONTHS: '36' });
    const { vrrn, pfb, wfbb } = h.world.organisations;
    ids.met = await oldPerson('Met at the boundary', pfb);
    await createInteraction(h.as.sysadmin, { personId: ids.met, occurredAt: '2023-01-15T10:00:00Z', summary: 'Last call.' });
    ids.took = await oldPerson('Took part recently', vrrn);
    const activity = await logActivity(h.as.sysadmin, { partnershipIds: [h.world.partnerships.p1], title: 'Exchange', startsAt: '2024-06-01T08:00:00Z', endsAt: '2024-06-02T16:00:00Z' });
    await addParticipant(h.as.sysadmin, activity, { personId: ids.took });
    ids.silent1 = await oldPerson('Silent Anna', pfb);
    ids.silent2 = await oldPerson('Silent Bert', vrrn);
    ids.silent3 = await oldPerson('Silent Carla', pfb);
    await createInteraction(h.as.sysadmin, { personId: ids.silent3, occurredAt: '2021-02-01T10:00:00Z', summary: 'Long ago.' });
    ids.otherPartnership = await oldPerson('Silent in Berlin', wfbb);
    ids.recent = await createPerson(h.as.sysadmin, { name: 'Recorded today', organisationId: pfb }).then((p) => p.id);
  });
  afterAll(() => h.close());

  it('lists people without contact for longer than the period, exactly at the boundary not yet', async () => {
    const page = await h.as.officer.get('/api/people/retention-review');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ months: 36, cutoff: '2023-01-15T10:00:00.000Z' });
    // oldest contact first
    expect(page.body.items.map((i: { name: string }) => i.name)).toEqual(['Silent Anna', 'Silent Bert', 'Silent Carla']);
    expect(page.body.items[2]).toMatchObject({ personId: ids.silent3, lastContact: '2021-02-01T10:00:00.000Z', organisationName: 'Provincie Vlaams-Brabant', lawfulBasis: 'public_task', lastKeptReason: null });

    h.setNow('2026-01-15T10:00:00.001Z');
    expect(await listed(h.as.officer)).toEqual(['Met at the boundary', 'Silent Anna', 'Silent Bert', 'Silent Carla']);
    // a participation in June 2024 keeps "Took part recently" off the list until June 2027
    h.setNow('2027-06-02T16:00:00.001Z');
    expect(await listed(h.as.officer)).toContain('Took part recently');
    h.setNow('2026-01-15T10:00:00.001Z');
  });

  it('shows only people of partnerships where the caller writes; a system administrator sees all', async () => {
    expect(await listed(h.as.outsider)).toEqual(['Silent in Berlin']);
    expect(await listed(h.as.editor)).toEqual(['Met at the boundary', 'Silent Anna', 'Silent Bert', 'Silent Carla']);
    expect((await h.as.viewer.get('/api/people/retention-review')).body.items).toEqual([]);
    expect(await listed(h.as.sysadmin)).toEqual(['Met at the boundary', 'Silent Anna', 'Silent Bert', 'Silent Carla', 'Silent in Berlin']);
    expect(await listed(h.as.sysadmin, `&partnershipId=${h.world.partnerships.p2}`)).toEqual(['Silent in Berlin']);
    expect(await listed(h.as.outsider, `&partnershipId=${h.world.partnerships.p1}`)).toEqual([]);
    expectProblem(await h.as.officer.get('/api/people/retention-review?cursor=not-ours'), 400, 'query.cursor');
  });

  it('keeps people with a reason, recorded with the date: they leave the list for another period', async () => {
    expectProblem(await h.as.officer.post('/api/people/retention-review/keep', { personIds: [ids.silent1] }), 400, 'reason');
    expectProblem(await h.as.officer.post('/api/people/retention-review/keep', { personIds: [], reason: 'x' }), 400, 'personIds');
    expectProblem(await h.as.viewer.post('/api/people/retention-review/keep', { personIds: [ids.silent1], reason: 'Still our contact' }), 403);
    expectProblem(await h.as.outsider.post('/api/people/retention-review/keep', { personIds: [ids.silent1], reason: 'Still our contact' }), 400, 'personIds.0');

    const kept = await h.as.officer.post('/api/people/retention-review/keep', { personIds: [ids.silent1, ids.silent2], reason: 'Contact persons for the 2026 delegation' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toEqual({ kept: 2, decidedAt: '2026-01-15T10:00:00.001Z', reviewAgainAfter: '2029-01-15T10:00:00.001Z' });
    const rows = (await allRows(h, 'SELECT person_id, reason, by_user_id, decided_at FROM retention_reviews ORDER BY person_id'));
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ person_id: ids.silent1, reason: 'Contact persons for the 2026 delegation', by_user_id: h.world.users.officer.id, decided_at: '2026-01-15T10:00:00.001Z' });
    expect(await listed(h.as.officer)).toEqual(['Met at the boundary', 'Silent Carla']);

    // another period later they are back, with the reason they were kept for
    h.setNow('2029-01-15T10:00:00.002Z');
    const back = (await allPages(h.as.officer, '/api/people/retention-review')).items.filter((i) => i.personId === ids.silent1);
    expect(back).toEqual([expect.objectContaining({ lastContact: '2026-01-15T10:00:00.001Z', lastKeptReason: 'Contact persons for the 2026 delegation' })]);
    h.setNow('2026-01-15T10:00:00.001Z');
  });

  it('erases in bulk through the people service, reporting whom it refused and why', async () => {
    expectProblem(await h.as.viewer.post('/api/people/retention-review/erase', { personIds: [ids.silent3] }), 403);
    // the contact person of a partnership party cannot be erased
    await runSql(h, 'UPDATE partnership_parties SET contact_person_id = ? WHERE organisation_id = ?', ids.met, h.world.organisations.pfb);
    const reply = await h.as.officer.post('/api/people/retention-review/erase', { personIds: [ids.silent3, ids.met] });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.erased).toEqual([ids.silent3]);
    expect(reply.body.refused).toEqual([{ personId: ids.met, message: expect.stringContaining('contact person') }]);
    expect((await h.as.officer.get(`/api/people/${ids.silent3}`)).status).toBe(404);
    expect((await h.as.officer.get(`/api/people/${ids.met}`)).status).toBe(200);
    expect(await listed(h.as.officer)).toEqual(['Met at the boundary']);
    // someone the caller may not change is refused, not erased
    expectProblem(await h.as.outsider.post('/api/people/retention-review/erase', { personIds: [ids.met] }), 400, 'personIds.0');
    // the outsider erases a person of their own partnership
    const other = await h.as.outsider.post('/api/people/retention-review/erase', { personIds: [ids.otherPartnership] });
    expect(other.body).toEqual({ erased: [ids.otherPartnership], refused: [] });
  });

  it('takes the period from REGIODESK_RETENTION_MONTHS and refuses bad values in words', () => {
    expect(settingsFrom({}).retentionMonths).toBe(36);
    expect(settingsFrom({ REGIODESK_RETENTION_MONTHS: ' 24 ' }).retentionMonths).toBe(24);
    for (const bad of ['0', '-3', '2.5', 'three years', '1201']) {
      expect(() => retentionMonthsFrom(bad)).toThrow(`REGIODESK_RETENTION_MONTHS must be a whole number of months from 1 to 1200 (e.g. 36), not "${bad}".`);
    }
  });
});
