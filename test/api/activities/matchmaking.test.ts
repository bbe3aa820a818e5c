import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logTrip, takePart } from '../../support/activity-rows.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createInteraction, createOrganisation } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';

/**
 * The same case as test/unit/activities/matchmaking.test.ts, through the API: today is
 * 23 November 2026; Rhein-Neckar (party VRRN) and Flemish Brabant (party PFB).
 *   BioRN–VIB 30, BioRN–EnergyVille 11, MVV–VIB 9, MVV–EnergyVille 4.
 */
let h: ClockedHarness;
const ids: Record<string, string> = {};

const health = 'domain-health';
const energy = 'domain-energy';

beforeAll(async () => {
  h = await clockedHarness('2026-11-23T10:00:00Z');
  const w = h.world;
  const org = async (name: string, regionId: string, domains: [string, number][], partnershipIds = [w.partnerships.p1]) =>
    (await createOrganisation(h.as.officer, { name, kind: 'cluster_intermediary', country: regionId === w.regions.flemishBrabant ? 'BE' : 'DE', regionId, domains: domains.map(([domainId, maturity]) => ({ domainId, maturity })), partnershipIds })).id as string;
  ids.biorn = await org('BioRN Cluster', w.regions.rheinNeckar, [[health, 4], [energy, 2]]);
  ids.mvv = await org('MVV Energie', w.regions.rheinNeckar, [[energy, 5]]);
  ids.vib = await org('VIB', w.regions.flemishBrabant, [[health, 5], [energy, 1]]);
  ids.energyville = await org('EnergyVille', w.regions.flemishBrabant, [[energy, 4]]);
  ids.dsp = await org('DSP Valley', w.regions.flemishBrabant, [['domain-digital', 4]]);
  // Berlin is not a region of P1: never paired, even with a perfect match
  ids.berlin = await org('Charité Berlin', w.regions.berlin, [[health, 5]]);
  // recorded by PFB without a partnership: PFB's users see it, VRRN's officer does not
  ids.voka = (await createOrganisation(h.as.editor, { name: 'Voka Vlaams-Brabant', kind: 'cluster_intermediary', country: 'BE', regionId: w.regions.flemishBrabant, domains: [{ domainId: health, maturity: 4 }] })).id;
  // a party of P1 with a domain: the administrations organise, they are not suggested
  expect((await h.as.officer.patch(`/api/organisations/${w.organisations.pfb}`, { domains: [{ domainId: health, maturity: 5 }] })).status).toBe(200);

  const mission = await logTrip(h.as.officer, { partnershipIds: [w.partnerships.p1], title: 'Life sciences mission', endsAt: '2024-05-15T17:00' });
  await takePart(h.db, mission.id, { organisationId: ids.biorn });
  await takePart(h.db, mission.id, { organisationId: ids.vib });
  const days = await logTrip(h.as.officer, { partnershipIds: [w.partnerships.p1], title: 'Energy days', endsAt: '2026-06-10T17:00' });
  await takePart(h.db, days.id, { organisationId: ids.mvv });
  await takePart(h.db, days.id, { organisationId: ids.energyville, attendance: 'confirmed' });
  // excused: does not count as meeting
  await takePart(h.db, days.id, { organisationId: ids.vib, attendance: 'excused' });
  await createInteraction(h.as.officer, { organisationId: ids.biorn, occurredAt: '2026-09-01T10:00:00Z', summary: 'Call about the next mission.' });
  ids.event = (await logTrip(h.as.officer, { partnershipIds: [w.partnerships.p1], title: 'Energy matchmaking', status: 'planned', endsAt: '2027-03-10T17:00', domainIds: [energy] })).id;
});
afterAll(() => h.close());

type Pair = { organisationA: { name: string }; organisationB: { name: string }; score: number };
const summary = (items: Pair[]) => items.map((p) => [p.organisationA.name, p.organisationB.name, p.score]);

describe('/api/matchmaking', () => {
  it('suggests pairs across the partner regions of a partnership, ranked, with the hand-computed scores', async () => {
    const reply = await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(summary(reply.body.items)).toEqual([
      ['BioRN Cluster', 'VIB', 30],
      ['BioRN Cluster', 'EnergyVille', 11],
      ['MVV Energie', 'VIB', 9],
      ['MVV Energie', 'EnergyVille', 4]
    ]);
    expect(reply.body).toMatchObject({
      activityId: null,
      partnershipIds: [h.world.partnerships.p1],
      regions: [
        { id: h.world.regions.rheinNeckar, name: 'Rhein-Neckar' },
        { id: h.world.regions.flemishBrabant, name: 'Vlaams-Brabant' }
      ],
      domainIds: [],
      months: 12
    });
    const [best, distant] = reply.body.items;
    expect(best).toMatchObject({
      organisationA: { id: ids.biorn, regionName: 'Rhein-Neckar', lastContactOn: '2026-09-01' },
      organisationB: { id: ids.vib, regionName: 'Vlaams-Brabant', lastContactOn: '2024-05-15' },
      maturityGap: 1,
      maturityWarning: false,
      lastJointContact: { on: '2024-05-15', activityTitle: 'Life sciences mission' },
      contact: 'worth_renewing'
    });
    expect(best.sharedDomains).toEqual([
      expect.objectContaining({ domainId: health, maturityA: 4, maturityB: 5, gap: 1, gapTooLarge: false, labels: expect.objectContaining({ en: 'Health and life sciences' }) }),
      expect.objectContaining({ domainId: energy, maturityA: 2, maturityB: 1, gap: 1, gapTooLarge: false })
    ]);
    expect(best.reasons).toContain('No contact with VIB in the last 12 months.');
    expect(best.reasons.join(' ')).toContain('Contact worth renewing');
    expect(distant).toMatchObject({ maturityWarning: true, maturityGap: 2, contact: 'never_met' });
    expect(distant.reasons.join(' ')).toContain('exchanges fail when maturity differs too much');
    // a German account reads the reasons in German
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.officer.id).execute();
    const german = (await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}`)).body.items[0];
    expect(german.reasons).toContain('Kein Kontakt mit VIB in den letzten 12 Monaten.');
    await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.officer.id).execute();
    const names = JSON.stringify(reply.body.items);
    for (const absent of ['Charité Berlin', 'Voka Vlaams-Brabant', 'Provincie Vlaams-Brabant', 'DSP Valley']) expect(names).not.toContain(absent);
  });

  it('keeps to the domains asked for, or those of the activity', async () => {
    const byDomain = await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&domains=${health}`);
    expect(summary(byDomain.body.items)).toEqual([['BioRN Cluster', 'VIB', 20]]);
    const byActivity = await h.as.viewer.get(`/api/matchmaking?activityId=${ids.event}`);
    expect(byActivity.status, JSON.stringify(byActivity.body)).toBe(200);
    expect(byActivity.body).toMatchObject({ activityId: ids.event, domainIds: [energy] });
    // the viewer (PFB) also sees Voka, but Voka shares no energy interest
    expect(summary(byActivity.body.items)).toEqual([
      ['BioRN Cluster', 'VIB', 20],
      ['BioRN Cluster', 'EnergyVille', 11],
      ['MVV Energie', 'VIB', 9],
      ['MVV Energie', 'EnergyVille', 4]
    ]);
    const overridden = await h.as.viewer.get(`/api/matchmaking?activityId=${ids.event}&domains=${health}&limit=1`);
    expect(summary(overridden.body.items)).toEqual([['BioRN Cluster', 'VIB', 20]]);
  });

  it('only pairs organisations the caller may see', async () => {
    const editor = await h.as.editor.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&domains=${health}`);
    // Voka (PFB's own record): health 4 against BioRN's 4, never met, BioRN contacted lately: 10 + 5 + 2
    expect(summary(editor.body.items)).toEqual([
      ['BioRN Cluster', 'VIB', 20],
      ['BioRN Cluster', 'Voka Vlaams-Brabant', 17]
    ]);
  });

  it('reads "recent" against the N months asked for', async () => {
    const reply = await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&domains=${health}&months=36`);
    // met in May 2024, within 36 months: 10 − 10 + 2 (BioRN) + 2 (VIB, May 2024) = 4
    expect(reply.body.items).toEqual([expect.objectContaining({ contact: 'recent', score: 4 })]);
  });

  it('refuses bad input with field errors, hides other partnerships’ records with 404, and changes nothing', async () => {
    const before = await tableCounts(h);
    expectProblem(await h.as.officer.get('/api/matchmaking'), 400, 'query.partnershipId');
    expectProblem(await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&months=0`), 400, 'query.months');
    expectProblem(await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&limit=1000`), 400, 'query.limit');
    expectProblem(await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&domains=domain-health,domain-nonsense`), 400, 'query.domains.1');
    expectProblem(await h.as.officer.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}&colour=red`), 400, 'query.colour');
    expectProblem(await h.as.outsider.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p1}`), 404);
    expectProblem(await h.as.outsider.get(`/api/matchmaking?activityId=${ids.event}`), 404);
    expectProblem(await h.as.officer.get(`/api/matchmaking?activityId=${ids.event}&partnershipId=${h.world.partnerships.p2}`), 404);
    expectProblem(await h.as.officer.get('/api/matchmaking?activityId=no-such-activity'), 404);
    // the outsider's own partnership has a single region: nothing to pair
    const own = await h.as.outsider.get(`/api/matchmaking?partnershipId=${h.world.partnerships.p2}`);
    expect(own.body.items).toEqual([]);
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('/api/matchmaking for two regions (the matchmaking page)', () => {
  it('pairs the same organisations as the partnership’s regions, by the same rule, parties left out', async () => {
    const w = h.world;
    const byRegions = await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar},${w.regions.flemishBrabant}`);
    expect(byRegions.status, JSON.stringify(byRegions.body)).toBe(200);
    const byPartnership = await h.as.officer.get(`/api/matchmaking?partnershipId=${w.partnerships.p1}`);
    expect(summary(byRegions.body.items)).toEqual(summary(byPartnership.body.items));
    expect(byRegions.body).toMatchObject({ activityId: null, partnershipIds: [], regions: [{ name: 'Rhein-Neckar' }, { name: 'Vlaams-Brabant' }] });
    const names = byRegions.body.items.flatMap((p: Pair) => [p.organisationA.name, p.organisationB.name]);
    expect(names).not.toContain('Provincie Vlaams-Brabant');
    // the other way round: Flemish Brabant is side A
    const reversed = await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.flemishBrabant},${w.regions.rheinNeckar}&domains=${health}`);
    expect(summary(reversed.body.items)).toEqual([['VIB', 'BioRN Cluster', 20]]);
    // Berlin and Rhein-Neckar: the Charité shares health with BioRN
    const berlin = await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar},${w.regions.berlin}&domains=${health}`);
    expect(summary(berlin.body.items)).toEqual([['BioRN Cluster', 'Charité Berlin', expect.any(Number)]]);
    expect(berlin.body.items[0].sharedDomains[0]).toMatchObject({ maturityA: 4, maturityB: 5, gapTooLarge: false });
  });

  it('refuses one region, the same twice, an unknown one, or regions with a partnership', async () => {
    const w = h.world;
    expectProblem(await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar}`), 400, 'query.regionIds');
    expectProblem(await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar},${w.regions.rheinNeckar}`), 400, 'query.regionIds');
    expectProblem(await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar},no-such-region`), 400, 'query.regionIds.1');
    const both = await h.as.officer.get(`/api/matchmaking?regionIds=${w.regions.rheinNeckar},${w.regions.flemishBrabant}&partnershipId=${w.partnerships.p1}`);
    expectProblem(both, 400, 'query.regionIds');
    expect(both.body.errors[0].message).toBe('Give either two regions or a partnership (or an activity), not both.');
  });
});

describe('POST /api/matchmaking/introductions', () => {
  it('makes a task for the partner’s writer naming both organisations, their regions and shared domains, in the owner’s language', async () => {
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    const reply = await h.as.officer.post('/api/matchmaking/introductions', {
      organisationAId: ids.biorn,
      organisationBId: ids.vib,
      partnershipId: h.world.partnerships.p1,
      ownerId: h.world.users.editor.id,
      domainIds: [health]
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      kind: 'other',
      title: 'BioRN Cluster en VIB met elkaar in contact brengen',
      ownerId: h.world.users.editor.id,
      partnershipId: h.world.partnerships.p1,
      subjectType: 'organisation',
      subjectId: ids.biorn,
      subjectLabel: 'BioRN Cluster',
      // two weeks from 23 November 2026
      dueOn: '2026-12-07',
      status: 'open'
    });
    expect(reply.body.description).toContain('BioRN Cluster (Rhein-Neckar)');
    expect(reply.body.description).toContain('VIB (Vlaams-Brabant)');
    const mine = await h.as.editor.get('/api/tasks?mine=true');
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(reply.body.id);
  });

  it('gives a personal introduction to the caller, in English for the English officer', async () => {
    const reply = await h.as.officer.post('/api/matchmaking/introductions', { organisationAId: ids.mvv, organisationBId: ids.energyville, dueOn: '2027-01-15' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ title: 'Introduce MVV Energie and EnergyVille', ownerId: h.world.users.officer.id, partnershipId: null, dueOn: '2027-01-15' });
    expect(reply.body.description).toBe('Matchmaking suggests bringing MVV Energie (Rhein-Neckar) and EnergyVille (Vlaams-Brabant) together.\nWrite to both with a short introduction of the other, or invite them to the next activity.');
  });

  it('refuses an owner who may not own it, an organisation the caller cannot see, the same one twice, and viewers', async () => {
    const before = await tableCounts(h);
    const p1 = h.world.partnerships.p1;
    expectProblem(await h.as.officer.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.vib, partnershipId: p1, ownerId: h.world.users.viewer.id }), 400, 'ownerId');
    expectProblem(await h.as.officer.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.vib, ownerId: h.world.users.editor.id }), 400, 'ownerId');
    expectProblem(await h.as.officer.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.voka, partnershipId: p1 }), 400, 'organisationBId');
    expectProblem(await h.as.officer.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.biorn, partnershipId: p1 }), 400, 'organisationBId');
    expectProblem(await h.as.viewer.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.vib, partnershipId: p1 }), 403);
    expectProblem(await h.as.outsider.post('/api/matchmaking/introductions', { organisationAId: ids.biorn, organisationBId: ids.vib, partnershipId: p1 }), 400, 'organisationAId');
    expect(await tableCounts(h)).toEqual(before);
  });
});
