import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { auditActions, createOrganisation } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';

let h: ClockedHarness;
let p1: string;
let kul: string;
beforeAll(async () => {
  h = await clockedHarness('2026-06-15T10:00:00Z');
  p1 = h.world.partnerships.p1;
  kul = (await createOrganisation(h.as.officer, { name: 'KU Leuven', kind: 'university_research', country: 'BE', partnershipIds: [p1] })).id;
});
afterAll(() => h.close());

const logOf = (id: string) => `/api/proposals/${id}/inform-log`;

describe('/api/proposals/:id/inform-log', () => {
  it('logs who was told when, and flags an idea the partner region learned of later', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'LATE', partnershipId: p1 });
    const first = await h.as.officer.post(logOf(proposal.id), { organisationId: kul, informedOn: '2026-03-02', note: 'Asked about the lab at the conference' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      proposalId: proposal.id,
      items: [{ organisationId: kul, organisationName: 'KU Leuven', informedOn: '2026-03-02', partnerRegion: false, note: 'Asked about the lab at the conference', createdBy: h.world.users.officer.id }],
      partnerInformedOn: null,
      firstOtherContactOn: '2026-03-02',
      firstToInform: { applies: true, ok: false, reason: 'KU Leuven was contacted on 2 March 2026, but the partner region has not been informed yet. Art. 2.3: partners inform each other first.' }
    });
    // the other party is the partner region, without saying so
    const partner = await h.as.officer.post(logOf(proposal.id), { organisationId: h.world.organisations.pfb, informedOn: '2026-03-05' });
    expect(partner.body.items.map((e: { organisationName: string; partnerRegion: boolean }) => [e.organisationName, e.partnerRegion])).toEqual([
      ['KU Leuven', false],
      ['Provincie Vlaams-Brabant', true]
    ]);
    expect(partner.body.firstToInform).toEqual({
      applies: true,
      ok: false,
      reason: 'The partner region learned of it on 5 March 2026, after KU Leuven was contacted on 2 March 2026. Art. 2.3: partners inform each other first.'
    });
    const read = (await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body;
    expect(read).toMatchObject({ partnerInformedOn: '2026-03-05', firstOtherContactOn: '2026-03-02', firstToInform: { ok: false } });
    expect((await h.as.viewer.get(logOf(proposal.id))).body).toEqual(partner.body);
    // each reader in their account language, the days by Intl in it
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    expect((await h.as.viewer.put('/api/auth/me/locale', { locale: 'de' })).status).toBe(204);
    expect((await h.as.editor.get(logOf(proposal.id))).body.firstToInform.reason).toBe('De partnerregio vernam het op 5 maart 2026, nadat KU Leuven op 2 maart 2026 gecontacteerd werd. Art. 2.3: de partners informeren elkaar eerst.');
    expect((await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body.firstToInform.reason).toBe('Die Partnerregion hat am 5. März 2026 davon erfahren, nachdem KU Leuven am 2. März 2026 kontaktiert worden war. Art. 2.3: Die Partner informieren einander zuerst.');
    for (const who of ['editor', 'viewer'] as const) expect((await h.as[who].put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);

    // an earlier word to the partner region (as such, without naming anyone) settles it
    const settled = await h.as.editor.post(logOf(proposal.id), { partnerRegion: true, informedOn: '2026-03-02', note: 'Phone call with the province' });
    expect(settled.body).toMatchObject({ partnerInformedOn: '2026-03-02', firstToInform: { ok: true } });
    expect(settled.body.firstToInform.reason).toContain('on the same day as');
    const entry = settled.body.items.find((e: { note: string | null }) => e.note === 'Phone call with the province');
    expect(entry).toMatchObject({ organisationId: null, organisationName: null, partnerRegion: true });
    expect((await h.as.editor.delete(`${logOf(proposal.id)}/${entry.id}`)).status).toBe(204);
    expect((await h.as.editor.get(logOf(proposal.id))).body.firstToInform.ok).toBe(false);
    expectProblem(await h.as.editor.delete(`${logOf(proposal.id)}/${entry.id}`), 404);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update', 'update', 'update']);
  });

  it('lists the flagged ideas in the partnership’s obligations, by year, only while the rule is on', async () => {
    const early = await createProposal(h.as.officer, { acronym: 'EARLY', partnershipId: p1 });
    await h.as.officer.post(logOf(early.id), { organisationId: kul, informedOn: '2025-11-20' });
    const fine = await createProposal(h.as.officer, { acronym: 'FINE', partnershipId: p1 });
    await h.as.officer.post(logOf(fine.id), { organisationId: h.world.organisations.pfb, informedOn: '2026-01-10' });
    await h.as.officer.post(logOf(fine.id), { organisationId: kul, informedOn: '2026-01-11' });

    const report = await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ partnershipId: p1, year: null, applies: true });
    expect(report.body.items.map((i: { acronym: string }) => i.acronym)).toEqual(['EARLY', 'LATE']);
    expect(report.body.items[0]).toMatchObject({ stage: 'idea', partnerInformedOn: null, firstOtherContactOn: '2025-11-20' });
    const in2025 = await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform?year=2025`);
    expect(in2025.body.items.map((i: { acronym: string }) => i.acronym)).toEqual(['EARLY']);
    expect((await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform?year=2024`)).body.items).toEqual([]);
    expectProblem(await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform?year=last`), 400, 'query.year');
    expectProblem(await h.as.outsider.get(`/api/partnerships/${p1}/first-to-inform`), 404);

    const off = await h.as.admin.patch(`/api/partnerships/${p1}`, { obligations: { firstToInform: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform`)).body).toEqual({ partnershipId: p1, year: null, applies: false, items: [] });
    expect((await h.as.viewer.get(`/api/proposals/${early.id}`)).body.firstToInform).toMatchObject({ applies: false, ok: true });
    await h.as.admin.patch(`/api/partnerships/${p1}`, { obligations: { firstToInform: true } });
  });

  it('refuses bad input with field errors and stores nothing; outsiders get 404, viewers 403', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'GUARD', partnershipId: p1 });
    const entry = (await h.as.officer.post(logOf(proposal.id), { organisationId: kul, informedOn: '2026-06-15' })).body.items[0];
    const hidden = await createOrganisation(h.as.outsider, { name: 'Teltow-Fläming', country: 'DE' });
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.officer.post(logOf(proposal.id), { organisationId: kul, informedOn: '2026-06-01', ...body });
    expectProblem(await post({ informedOn: '2026-06-16' }), 400, 'informedOn');
    expectProblem(await post({ informedOn: '2026-13-01' }), 400, 'informedOn');
    expectProblem(await post({ organisationId: null }), 400, 'organisationId');
    expectProblem(await post({ organisationId: hidden.id }), 400, 'organisationId');
    expectProblem(await post({ partnerRegion: 'yes' }), 400, 'partnerRegion');
    expectProblem(await post({ when: 'yesterday' }), 400, 'when');
    expectProblem(await h.as.outsider.get(logOf(proposal.id)), 404);
    expectProblem(await h.as.outsider.post(logOf(proposal.id), { organisationId: kul, informedOn: '2026-06-01' }), 404);
    expectProblem(await h.as.outsider.delete(`${logOf(proposal.id)}/${entry.id}`), 404);
    expectProblem(await h.as.viewer.post(logOf(proposal.id), { organisationId: kul, informedOn: '2026-06-01' }), 403);
    expectProblem(await h.as.viewer.delete(`${logOf(proposal.id)}/${entry.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
  });
});
