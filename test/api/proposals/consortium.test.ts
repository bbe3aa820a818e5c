import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions, createOrganisation } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal, insertFundingCall } from '../../support/proposals.js';

let h: ApiHarness;
let p1: string;
let kul: string;
let noordBrabant: string;
beforeAll(async () => {
  h = await apiHarness();
  p1 = h.world.partnerships.p1;
  kul = (await createOrganisation(h.as.officer, { name: 'KU Leuven', kind: 'university_research', country: 'BE', regionId: h.world.regions.flemishBrabant, partnershipIds: [p1] })).id;
  // a third partner from outside the partner regions
  noordBrabant = (await createOrganisation(h.as.officer, { name: 'Provincie Noord-Brabant', kind: 'regional_authority', country: 'NL', partnershipIds: [p1] })).id;
});
afterAll(() => h.close());

const consortiumOf = (id: string) => `/api/proposals/${id}/consortium`;

describe('/api/proposals/:id/consortium', () => {
  it('adds partners with budgets, takes the call’s rate by default, and works out what each must raise', async () => {
    const call = await insertFundingCall(h.db, { rate: '0.6', programmeRate: '0.8', minContributionCents: 500_000_00, maxContributionCents: 2_000_000_00 });
    const proposal = await createProposal(h.as.editor, { acronym: 'H2REGIO', partnershipId: p1, callId: call.id, leadOrganisationId: h.world.organisations.vrrn });
    const lead = (await h.as.editor.get(consortiumOf(proposal.id))).body.members[0];
    const budget = await h.as.editor.patch(`${consortiumOf(proposal.id)}/${lead.id}`, { budget: '400000.01' }, { ifMatch: '"1"' });
    expect(budget.status, JSON.stringify(budget.body)).toBe(200);
    expect(budget.headers.get('etag')).toBe('"2"');

    const added = await h.as.editor.post(consortiumOf(proposal.id), { organisationId: kul, budget: 333.33, cofinancingRate: '0.85' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.headers.get('etag')).toBe('"1"');
    expect(added.body.member).toMatchObject({
      organisationId: kul,
      organisationName: 'KU Leuven',
      regionName: 'Vlaams-Brabant',
      country: 'BE',
      role: 'partner',
      budget: '333.33',
      budgetCents: 33_333,
      cofinancingRate: '0.85',
      effectiveRate: '0.85',
      rateSource: 'partner',
      euContributionCents: 28_333, // 283.3305 → 283.33
      ownContributionCents: 5_000,
      version: 1
    });
    const third = await h.as.editor.post(consortiumOf(proposal.id), { organisationId: noordBrabant, role: 'associated' });
    expect(third.body.member).toMatchObject({ regionName: null, country: 'NL', role: 'associated', budget: '0.00', effectiveRate: '0.6', rateSource: 'call' });

    const consortium = await h.as.viewer.get(consortiumOf(proposal.id));
    expect(consortium.status).toBe(200);
    expect(consortium.body).toMatchObject({
      proposalId: proposal.id,
      callId: call.id,
      terms: { callRate: '0.6', programmeRate: '0.8', minContributionCents: 500_000_00, maxContributionCents: 2_000_000_00 },
      // 40,000,001 × 0.6 = 24,000,000.6 → 24,000,001
      totals: { budgetCents: 40_033_334, euContributionCents: 24_028_334, ownContributionCents: 16_005_000 },
      warnings: [{ code: 'below_minimum', memberId: null }]
    });
    expect(consortium.body.warnings[0].message).toBe("The EU contribution asked for (€240,283.34) is below the call's minimum of €500,000.00.");
    expect(consortium.body.members.map((m: { organisationName: string; role: string }) => [m.organisationName, m.role])).toEqual([
      ['Verband Region Rhein-Neckar', 'lead'],
      ['KU Leuven', 'partner'],
      ['Provincie Noord-Brabant', 'associated']
    ]);
    // above the maximum: a warning, never a refusal
    const big = await h.as.editor.patch(`${consortiumOf(proposal.id)}/${lead.id}`, { budget: '5000000' });
    expect(big.status).toBe(200);
    expect(big.body.consortium.warnings.map((w: { code: string }) => w.code)).toEqual(['above_maximum']);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update', 'update', 'update']);
    const trail = await h.as.viewer.get(`/api/audit?entityType=proposal&entityId=${proposal.id}`);
    expect(trail.body.items[0]).toMatchObject({ before: { consortiumMember: { budgetCents: 40_000_001 } }, after: { consortiumMember: { budgetCents: 500_000_000 } } });
  });

  it('falls back to the programme’s rate, and warns when there is no rate at all', async () => {
    const programmeOnly = await insertFundingCall(h.db, { programmeRate: '0.4' });
    const proposal = await createProposal(h.as.editor, { acronym: 'RATES', partnershipId: p1, callId: programmeOnly.id });
    const member = (await h.as.editor.post(consortiumOf(proposal.id), { organisationId: kul, budget: '1000' })).body;
    expect(member.member).toMatchObject({ effectiveRate: '0.4', rateSource: 'programme', euContributionCents: 40_000, ownContributionCents: 60_000 });
    expect(member.consortium.warnings.map((w: { code: string }) => w.code)).toEqual(['no_lead']);
    const noCall = await h.as.editor.patch(`/api/proposals/${proposal.id}`, { callId: null });
    expect(noCall.body.callId).toBeNull();
    const after = await h.as.editor.get(consortiumOf(proposal.id));
    expect(after.body.members[0]).toMatchObject({ effectiveRate: null, rateSource: 'none', euContributionCents: 0, ownContributionCents: 100_000 });
    expect(after.body.warnings.map((w: { code: string }) => w.code)).toEqual(['no_lead', 'no_rate']);
  });

  it('keeps exactly one lead, in step with the proposal’s lead organisation', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'LEADS', partnershipId: p1, leadOrganisationId: h.world.organisations.vrrn });
    const kulMember = (await h.as.editor.post(consortiumOf(proposal.id), { organisationId: kul, role: 'lead' })).body;
    expect(kulMember.consortium.members.map((m: { organisationId: string; role: string }) => [m.organisationId, m.role])).toEqual([
      [kul, 'lead'],
      [h.world.organisations.vrrn, 'partner']
    ]);
    let read = (await h.as.editor.get(`/api/proposals/${proposal.id}`)).body;
    expect(read).toMatchObject({ leadOrganisationId: kul, leadOrganisationName: 'KU Leuven', version: 2 });

    const vrrnMember = kulMember.consortium.members[1];
    const promoted = await h.as.editor.patch(`${consortiumOf(proposal.id)}/${vrrnMember.id}`, { role: 'lead' });
    expect(promoted.body.consortium.members.filter((m: { role: string }) => m.role === 'lead').map((m: { organisationId: string }) => m.organisationId)).toEqual([h.world.organisations.vrrn]);
    expect((await h.as.editor.get(`/api/proposals/${proposal.id}`)).body.leadOrganisationId).toBe(h.world.organisations.vrrn);

    const demoted = await h.as.editor.patch(`${consortiumOf(proposal.id)}/${vrrnMember.id}`, { role: 'partner' });
    expect(demoted.body.consortium.warnings.map((w: { code: string }) => w.code)).toContain('no_lead');
    read = (await h.as.editor.get(`/api/proposals/${proposal.id}`)).body;
    expect(read.leadOrganisationId).toBeNull();

    await h.as.editor.patch(`${consortiumOf(proposal.id)}/${kulMember.member.id}`, { role: 'lead' });
    const removed = await h.as.editor.delete(`${consortiumOf(proposal.id)}/${kulMember.member.id}`);
    expect(removed.status).toBe(204);
    expect((await h.as.editor.get(`/api/proposals/${proposal.id}`)).body.leadOrganisationId).toBeNull();
    expect((await h.as.editor.get(consortiumOf(proposal.id))).body.members.map((m: { organisationId: string }) => m.organisationId)).toEqual([h.world.organisations.vrrn]);
  });

  it('refuses bad input with field errors, a second membership with 409, and stores nothing', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'BAD', partnershipId: p1, leadOrganisationId: h.world.organisations.vrrn });
    const member = (await h.as.editor.get(consortiumOf(proposal.id))).body.members[0];
    const hidden = await createOrganisation(h.as.outsider, { name: 'Luckenwalde', country: 'DE' });
    const other = await createProposal(h.as.editor, { acronym: 'OTHER', partnershipId: p1 });
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.editor.post(consortiumOf(proposal.id), { organisationId: kul, ...body });
    expectProblem(await post({ budget: '12,50' }), 400, 'budget');
    expectProblem(await post({ budget: '-5' }), 400, 'budget');
    expectProblem(await post({ budget: '1.005' }), 400, 'budget');
    expectProblem(await post({ cofinancingRate: '60' }), 400, 'cofinancingRate');
    expectProblem(await post({ cofinancingRate: 0 }), 400, 'cofinancingRate');
    expectProblem(await post({ role: 'sponsor' }), 400, 'role');
    expectProblem(await post({ organisationId: hidden.id }), 400, 'organisationId');
    expectProblem(await post({ organisationId: undefined }), 400, 'organisationId');
    expectProblem(await post({ organisationId: h.world.organisations.vrrn }), 409, 'organisationId');
    expectProblem(await h.as.editor.patch(`${consortiumOf(proposal.id)}/${member.id}`, { organisationId: kul }), 400, 'organisationId');
    expectProblem(await h.as.editor.patch(`${consortiumOf(proposal.id)}/${member.id}`, { budget: 'much' }), 400, 'budget');
    expectProblem(await h.as.editor.patch(`${consortiumOf(proposal.id)}/no-such-member`, { budget: '1' }), 404);
    // a member of another proposal is not found under this one
    expectProblem(await h.as.editor.patch(`${consortiumOf(other.id)}/${member.id}`, { budget: '1' }), 404);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('honours If-Match on change and removal', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'MATCH', partnershipId: p1 });
    const added = (await h.as.editor.post(consortiumOf(proposal.id), { organisationId: kul, budget: '100' })).body.member;
    await h.as.officer.patch(`${consortiumOf(proposal.id)}/${added.id}`, { budget: '200' }, { ifMatch: '"1"' });
    const stale = await h.as.editor.patch(`${consortiumOf(proposal.id)}/${added.id}`, { budget: '300' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ budget: '200.00', version: 2 });
    expectProblem(await h.as.editor.delete(`${consortiumOf(proposal.id)}/${added.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.editor.delete(`${consortiumOf(proposal.id)}/${added.id}`, { ifMatch: '"2"' })).status).toBe(204);
  });

  it('answers 404 to outsiders and 403 to viewers, and hides organisations the reader may not see', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'SHY', partnershipId: p1 });
    // recorded by PFB (the editor's organisation), in no partnership: VRRN's officer may not see it
    const own = await createOrganisation(h.as.editor, { name: 'Leuven MindGate', country: 'BE', regionId: h.world.regions.flemishBrabant });
    const added = (await h.as.editor.post(consortiumOf(proposal.id), { organisationId: own.id, budget: '10' })).body.member;
    const seenByOfficer = (await h.as.officer.get(consortiumOf(proposal.id))).body.members[0];
    expect(seenByOfficer).toMatchObject({ organisationId: own.id, organisationName: null, regionName: null, country: null, budgetCents: 1000 });
    expect((await h.as.viewer.get(consortiumOf(proposal.id))).body.members[0].organisationName).toBe('Leuven MindGate');
    const before = await tableCounts(h);
    expectProblem(await h.as.outsider.get(consortiumOf(proposal.id)), 404);
    expectProblem(await h.as.outsider.post(consortiumOf(proposal.id), { organisationId: kul }), 404);
    expectProblem(await h.as.outsider.patch(`${consortiumOf(proposal.id)}/${added.id}`, { budget: '1' }), 404);
    expectProblem(await h.as.outsider.delete(`${consortiumOf(proposal.id)}/${added.id}`), 404);
    expectProblem(await h.as.viewer.post(consortiumOf(proposal.id), { organisationId: kul }), 403);
    expectProblem(await h.as.viewer.patch(`${consortiumOf(proposal.id)}/${added.id}`, { budget: '1' }), 403);
    expectProblem(await h.as.viewer.delete(`${consortiumOf(proposal.id)}/${added.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
  });
});
