import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logActivity } from '../../support/activities.js';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createOrganisation } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal, insertFundingCall } from '../../support/proposals.js';

/**
 * A hand-computed case through HTTP: a proposal on health whose call adds
 * energy and the keyword "hydrogen".
 *
 *   BioRN Cluster (Rhein-Neckar)  health 5: 10 + 2; partner in CHIPS
 *                                 (approved): 6; one activity of P1: 1   = 19
 *   VIB (Vlaams-Brabant)          health 4: 10 + 2                       = 12
 *   SAP SE (Rhein-Neckar)         energy 2: 10                           = 10
 *   Hydrogen Europe (no region,   keyword: 5, a third partner            =  5
 *     a stakeholder of P1)
 *   DSP Valley: digital only; KU Leuven: already in the consortium; the
 *   parties VRRN and PFB: never suggested; Hydrogen Potsdam Science Park:
 *   in Rhein-Neckar with health 5, but recorded by WFBB (P2) and in no
 *   partnership of P1, so P1's members never see it.
 */
let h: ClockedHarness;
let p1: string;
let biorn: string;
let proposal: string;
beforeAll(async () => {
  h = await clockedHarness('2026-06-15T10:00:00Z');
  const w = h.world;
  p1 = w.partnerships.p1;
  const org = (name: string, fields: Record<string, unknown>) => createOrganisation(h.as.officer, { name, kind: 'company', country: 'DE', ...fields });
  biorn = (await org('BioRN Cluster', { regionId: w.regions.rheinNeckar, domains: [{ domainId: 'domain-health', maturity: 5 }], partnershipIds: [p1] })).id;
  await org('VIB', { country: 'BE', regionId: w.regions.flemishBrabant, domains: [{ domainId: 'domain-health', maturity: 4 }] });
  await org('SAP SE', { regionId: w.regions.rheinNeckar, domains: [{ domainId: 'domain-energy', maturity: 2 }] });
  await org('Hydrogen Europe', { country: 'BE', partnershipIds: [p1] });
  await org('DSP Valley', { country: 'BE', regionId: w.regions.flemishBrabant, domains: [{ domainId: 'domain-digital', maturity: 4 }] });
  const kul = (await org('KU Leuven', { country: 'BE', regionId: w.regions.flemishBrabant, domains: [{ domainId: 'domain-health', maturity: 5 }] })).id;
  await createOrganisation(h.as.outsider, { name: 'Hydrogen Potsdam Science Park', country: 'DE', regionId: w.regions.rheinNeckar, domains: [{ domainId: 'domain-health', maturity: 5 }] });

  const chips = await createProposal(h.as.officer, { acronym: 'CHIPS', partnershipId: p1, stage: 'approved' });
  await h.as.officer.post(`/api/proposals/${chips.id}/consortium`, { organisationId: biorn });
  const trip = await logActivity(h.as.officer, { partnershipIds: [p1], title: 'Life sciences mission', startsAt: '2026-05-04T08:00:00Z', endsAt: '2026-05-05T16:00:00Z' });
  const participant = await h.as.officer.post(`/api/activities/${trip}/participants`, { organisationId: biorn, role: 'delegate', attendance: 'attended' });
  expect(participant.status, JSON.stringify(participant.body)).toBe(201);

  const call = await insertFundingCall(h.db, { domainIds: ['domain-energy'], keywords: ['hydrogen', 'fuel cells'] });
  proposal = (await createProposal(h.as.officer, { acronym: 'H2HEALTH', partnershipId: p1, callId: call.id, domainIds: ['domain-health'], leadOrganisationId: w.organisations.vrrn })).id;
  await h.as.officer.post(`/api/proposals/${proposal}/consortium`, { organisationId: kul });
});
afterAll(() => h.close());

describe('/api/proposals/:id/consortium-suggestions', () => {
  it('suggests organisations of the partner regions and third partners, ranked, each with its record and reasons', async () => {
    const before = await tableCounts(h);
    const reply = await h.as.officer.get(`/api/proposals/${proposal}/consortium-suggestions`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ proposalId: proposal, partnershipId: p1, domainIds: ['domain-health', 'domain-energy'], keywords: ['hydrogen', 'fuel cells'], notice: null });
    expect(reply.body.regions.map((r: { name: string }) => r.name)).toEqual(['Rhein-Neckar', 'Vlaams-Brabant']);
    expect(reply.body.items.map((s: { organisation: { name: string }; score: number; thirdPartner: boolean }) => [s.organisation.name, s.score, s.thirdPartner])).toEqual([
      ['BioRN Cluster', 19, false],
      ['VIB', 12, false],
      ['SAP SE', 10, false],
      ['Hydrogen Europe', 5, true]
    ]);
    const [first, , , last] = reply.body.items;
    expect(first).toMatchObject({
      organisation: { id: biorn, regionName: 'Rhein-Neckar', country: 'DE' },
      matchingDomains: [{ domainId: 'domain-health', maturity: 5, labels: { en: 'Health and life sciences' } }],
      matchingKeywords: [],
      record: { proposals: [{ acronym: 'CHIPS', stage: 'approved', role: 'partner' }], activities: [{ title: 'Life sciences mission', on: '2026-05-05' }] }
    });
    expect(first.reasons).toEqual([
      'Works on Health and life sciences (maturity 5), leading in Health and life sciences.',
      'Partner in 1 of our proposals: CHIPS (Approved, Partner).',
      'Took part in 1 of our activities, the last “Life sciences mission” on 5 May 2026.'
    ]);
    expect(last.reasons).toEqual(['Its name matches the call’s keyword “hydrogen”.', 'No record with us yet: a new partner.', 'A third partner, outside the partner regions.']);
    // a Dutch account reads the reasons in Dutch, the domains by their Dutch names
    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.viewer.id).execute();
    const dutch = (await h.as.viewer.get(`/api/proposals/${proposal}/consortium-suggestions`)).body.items.at(-1);
    expect(dutch.reasons).toEqual(['De naam past bij het trefwoord van de oproep “hydrogen”.', 'Nog geen voorgeschiedenis met ons: een nieuwe partner.', 'Een derde partner, buiten de partnerregio’s.']);
    await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.viewer.id).execute();
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.officer.get(`/api/proposals/${proposal}/consortium-suggestions?limit=2`)).body.items).toHaveLength(2);
    // PFB's viewer sees only what PFB may see: VIB and SAP SE were recorded by VRRN outside the partnership
    const pfb = (await h.as.viewer.get(`/api/proposals/${proposal}/consortium-suggestions`)).body;
    expect(pfb.items.map((s: { organisation: { name: string } }) => s.organisation.name)).toEqual(['BioRN Cluster', 'Hydrogen Europe']);
  });

  it('counts only activities that ended before now, and says when there is nothing to match against', async () => {
    h.setNow('2026-05-01T00:00:00Z');
    const earlier = (await h.as.officer.get(`/api/proposals/${proposal}/consortium-suggestions`)).body;
    expect(earlier.items[0]).toMatchObject({ organisation: { name: 'BioRN Cluster' }, score: 18, record: { activities: [] } });
    h.setNow('2026-06-15T10:00:00Z');
    const bare = await createProposal(h.as.officer, { acronym: 'BARE', partnershipId: p1 });
    const nothing = (await h.as.viewer.get(`/api/proposals/${bare.id}/consortium-suggestions`)).body;
    expect(nothing).toMatchObject({ domainIds: [], keywords: [], items: [], notice: expect.stringContaining('Nothing to match against') });
    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.viewer.id).execute();
    expect((await h.as.viewer.get(`/api/proposals/${bare.id}/consortium-suggestions`)).body.notice).toBe('Nog niets om mee te vergelijken: geef het projectidee zijn domeinen, of kies een oproep met domeinen of trefwoorden.');
    await h.db.updateTable('users').set({ locale: 'en' }).where('id', '=', h.world.users.viewer.id).execute();
  });

  it('answers 404 to outsiders and refuses a bad limit', async () => {
    expectProblem(await h.as.outsider.get(`/api/proposals/${proposal}/consortium-suggestions`), 404);
    expectProblem(await h.as.viewer.get(`/api/proposals/${proposal}/consortium-suggestions?limit=0`), 400, 'query.limit');
    expectProblem(await h.as.viewer.get(`/api/proposals/${proposal}/consortium-suggestions?colour=red`), 400, 'query.colour');
  });
});
