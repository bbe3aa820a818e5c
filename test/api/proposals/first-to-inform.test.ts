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
      unlogged: false,
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
    // nobody named and not the partner region: the entry would say nothing
    expectProblem(await post({ organisationId: null, partnerRegion: false }), 400, 'organisationId');
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

describe('the form’s defaults and a project submitted with nothing logged', () => {
  it('takes an entry naming nobody as the partner region as such: what the form sends untouched (the date, nothing else)', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'DEFAULTS', partnershipId: p1 });
    const saved = await h.as.officer.post(logOf(proposal.id), { informedOn: '2026-06-15', note: '' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.items).toEqual([expect.objectContaining({ organisationId: null, organisationName: null, partnerRegion: true, informedOn: '2026-06-15' })]);
    expect(saved.body).toMatchObject({ partnerInformedOn: '2026-06-15', firstToInform: { ok: true, unlogged: false } });
  });

  it('moves a project to submitted with an empty log, and the answer warns; the obligation turns amber until an entry is logged', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'SILENT', partnershipId: p1, stage: 'in_preparation' });
    // recorded in 2024, a year of the agreement with no breach logged: the obligation of 2024 counts it
    await h.db.updateTable('proposals').set({ created_at: '2024-02-01T09:00:00.000Z' }).where('id', '=', proposal.id).execute();
    const obligation = async () => (await h.as.viewer.get(`/api/partnerships/${p1}/obligations?year=2024`)).body.items.find((o: { code: string }) => o.code === 'first_to_inform');
    const before = await obligation();

    const moved = await h.as.officer.patch(`/api/proposals/${proposal.id}`, { stage: 'submitted' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stage).toBe('submitted');
    const warning = 'Submitted with nothing in the first-to-inform log: record when the partner region was told about this idea. Art. 2.3: partners inform each other first.';
    expect(moved.body.warnings).toEqual([{ code: 'firstToInform_submittedUnlogged', message: warning }]);
    expect(moved.body.firstToInform).toEqual({ applies: true, ok: true, unlogged: true, reason: warning });
    // a reader sees the state (not the one-time warning), each in their language
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'nl' })).status).toBe(204);
    const read = (await h.as.editor.get(`/api/proposals/${proposal.id}`)).body;
    expect(read.warnings).toBeUndefined();
    expect(read.firstToInform).toMatchObject({ unlogged: true, reason: expect.stringMatching(/^Ingediend zonder registratie van informatie bij voorrang/) });
    expect((await h.as.editor.put('/api/auth/me/locale', { locale: 'en' })).status).toBe(204);
    // not a breach: the partnership's report of flagged ideas leaves it out
    expect((await h.as.viewer.get(`/api/partnerships/${p1}/first-to-inform`)).body.items.map((i: { acronym: string }) => i.acronym)).not.toContain('SILENT');

    expect(before).toMatchObject({ state: 'green', facts: { unlogged: 0 } });
    expect(await obligation()).toMatchObject({
      state: 'amber',
      link: `/proposals/${proposal.id}`,
      reason: 'One candidate project of 2024 (SILENT) was submitted with nothing in the first-to-inform log: record when the partner region was told.',
      facts: { flagged: 0, unlogged: 1, unloggedAcronyms: 'SILENT' }
    });

    // logging that the partner region was told ends the warning
    expect((await h.as.officer.post(logOf(proposal.id), { informedOn: '2026-01-20' })).status).toBe(201);
    expect((await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body.firstToInform).toMatchObject({ ok: true, unlogged: false });
    expect(await obligation()).toMatchObject({ state: 'green', facts: { unlogged: 0 } });
  });

  it('does not warn when the log has an entry, nor where the partnership has no first-to-inform rule', async () => {
    const logged = await createProposal(h.as.officer, { acronym: 'LOGGED', partnershipId: p1, stage: 'in_preparation' });
    await h.as.officer.post(logOf(logged.id), { organisationId: h.world.organisations.pfb, informedOn: '2026-05-02' });
    const fine = await h.as.officer.patch(`/api/proposals/${logged.id}`, { stage: 'submitted' });
    expect(fine.status).toBe(200);
    expect(fine.body.warnings).toBeUndefined();

    const off = await h.as.admin.patch(`/api/partnerships/${p1}`, { obligations: { firstToInform: false } });
    expect(off.status).toBe(200);
    const unruled = await createProposal(h.as.officer, { acronym: 'NORULE', partnershipId: p1, stage: 'in_preparation' });
    const moved = await h.as.officer.patch(`/api/proposals/${unruled.id}`, { stage: 'submitted' });
    expect(moved.status).toBe(200);
    expect(moved.body.warnings).toBeUndefined();
    expect(moved.body.firstToInform).toMatchObject({ applies: false, unlogged: false });
    await h.as.admin.patch(`/api/partnerships/${p1}`, { obligations: { firstToInform: true } });
  });
});
