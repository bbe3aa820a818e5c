import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { allPages, auditActions, createOrganisation } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal, insertFundingCall } from '../../support/proposals.js';
import { jsonText } from '../../../db/json-columns.js';
import { firstRow } from '../../support/sql.js';

let h: ApiHarness;
let p1: string;
let p2: string;
beforeAll(async () => {
  h = await apiHarness();
  p1 = h.world.partnerships.p1;
  p2 = h.world.partnerships.p2;
});
afterAll(() => h.close());

const acronyms = (items: { acronym: string }[]) => items.map((i) => i.acronym);

describe('/api/proposals', () => {
  it('records a candidate project with call, domains and lead, and reads it back with an ETag', async () => {
    const call = await insertFundingCall(h.db, { identifier: 'INTERREG-NWE-2026-1', title: 'Interreg NWE, call 1', programmeRate: '0.6' });
    const created = await h.as.editor.post('/api/proposals', {
      acronym: 'GREENTECH',
      title: 'Innovationszentrum Green Tech',
      description: 'Lighthouse project of RegioWIN 2030 with partners in Flemish Brabant.',
      partnershipId: p1,
      callId: call.id,
      domainIds: ['domain-energy', 'domain-innovation'],
      leadOrganisationId: h.world.organisations.vrrn
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      acronym: 'GREENTECH',
      title: 'Innovationszentrum Green Tech',
      partnershipId: p1,
      callId: call.id,
      call: { id: call.id, identifier: 'INTERREG-NWE-2026-1', title: 'Interreg NWE, call 1', programmeId: call.programmeId },
      stage: 'idea',
      nextStages: ['exploring', 'withdrawn'],
      domainIds: ['domain-innovation', 'domain-energy'],
      leadOrganisationId: h.world.organisations.vrrn,
      leadOrganisationName: 'Verband Region Rhein-Neckar',
      scoringMatrixId: null,
      scoringLockedAt: null,
      partnerInformedOn: null,
      firstOtherContactOn: null,
      firstToInform: { applies: true, ok: true, unlogged: false, reason: 'No one has been told about this idea yet.' },
      createdBy: h.world.users.editor.id,
      version: 1
    });
    const read = await h.as.viewer.get(`/api/proposals/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);
    // the lead is the consortium's lead
    const consortium = await h.as.viewer.get(`/api/proposals/${created.body.id}/consortium`);
    expect(consortium.body.members).toMatchObject([{ organisationId: h.world.organisations.vrrn, role: 'lead', budgetCents: 0 }]);
    expect(await auditActions(h, 'proposal', created.body.id)).toEqual(['create']);
    const trail = await h.as.viewer.get(`/api/audit?entityType=proposal&entityId=${created.body.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({ action: 'create', after: { acronym: 'GREENTECH', leadOrganisationId: h.world.organisations.vrrn } });
    expectProblem(await h.as.outsider.get(`/api/audit?entityType=proposal&entityId=${created.body.id}`), 404);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const p2Domain = await h.as.outsider.post(`/api/partnerships/${p2}/domains`, { code: 'hub-corridor', labels: { en: 'Innovation corridor', de: 'Innovationskorridor', nl: 'Innovatiecorridor' } });
    expect(p2Domain.status, JSON.stringify(p2Domain.body)).toBe(201);
    const hidden = await createOrganisation(h.as.outsider, { name: 'Potsdam Science Park', country: 'DE' });
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.editor.post('/api/proposals', { acronym: 'X', title: 'X', partnershipId: p1, ...body });
    expectProblem(await h.as.editor.post('/api/proposals', { title: 'No acronym', partnershipId: p1 }), 400, 'acronym');
    expectProblem(await post({ acronym: '   ' }), 400, 'acronym');
    expectProblem(await post({ stage: 'dreaming' }), 400, 'stage');
    expectProblem(await post({ colour: 'green' }), 400, 'colour');
    expectProblem(await post({ domainIds: ['domain-health', 'domain-health'] }), 400, 'domainIds.1');
    expectProblem(await post({ partnershipId: p2 }), 400, 'partnershipId');
    expectProblem(await post({ partnershipId: 'no-such-partnership' }), 400, 'partnershipId');
    expectProblem(await post({ callId: 'no-such-call' }), 400, 'callId');
    expectProblem(await post({ scoringMatrixId: 'no-such-matrix' }), 400, 'scoringMatrixId');
    const several = await post({ domainIds: ['domain-health', p2Domain.body.id, 'domain-nothing'], leadOrganisationId: hidden.id });
    expectProblem(several, 400, 'domainIds.1');
    expect(several.body.errors.map((e: { path: string }) => e.path)).toEqual(['domainIds.1', 'domainIds.2', 'leadOrganisationId']);
    expectProblem(await h.as.editor.post('/api/proposals', null, { raw: '{"acronym":' }), 400);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('answers 404 to outsiders and 403 to viewers who write, changing nothing', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'HIDDEN', partnershipId: p1 });
    const before = await tableCounts(h);
    const missing = await h.as.outsider.get('/api/proposals/00000000-0000-7000-8000-000000000000');
    const invisible = await h.as.outsider.get(`/api/proposals/${proposal.id}`);
    expectProblem(invisible, 404);
    expect(invisible.body).toEqual(missing.body);
    expectProblem(await h.as.outsider.patch(`/api/proposals/${proposal.id}`, { title: 'Taken over' }), 404);
    expectProblem(await h.as.outsider.delete(`/api/proposals/${proposal.id}`), 404);
    expectProblem(await h.as.outsider.get(`/api/proposals/board?partnershipId=${p1}`), 404);
    expect(acronyms((await allPages(h.as.outsider, '/api/proposals')).items)).not.toContain('HIDDEN');
    expectProblem(await h.as.viewer.post('/api/proposals', { acronym: 'V', title: 'By a viewer', partnershipId: p1 }), 403);
    expectProblem(await h.as.viewer.patch(`/api/proposals/${proposal.id}`, { title: 'Renamed by a viewer' }), 403);
    expectProblem(await h.as.viewer.delete(`/api/proposals/${proposal.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.sysadmin.get(`/api/proposals/${proposal.id}`)).status).toBe(200);
  });

  it('honours If-Match: a stale version gets 412 with the current proposal', async () => {
    const proposal = await createProposal(h.as.officer, { acronym: 'CELIS', partnershipId: p1 });
    const ok = await h.as.officer.patch(`/api/proposals/${proposal.id}`, { title: 'Creative Europe Links' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await h.as.editor.patch(`/api/proposals/${proposal.id}`, { title: 'Something else' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ title: 'Creative Europe Links', version: 2 });
    expectProblem(await h.as.editor.delete(`/api/proposals/${proposal.id}`, { ifMatch: '"1"' }), 412);
    expectProblem(await h.as.editor.patch(`/api/proposals/${proposal.id}`, { title: 'x' }, { ifMatch: 'yesterday' }), 400, 'If-Match');
    expect((await h.as.editor.get(`/api/proposals/${proposal.id}`)).body.title).toBe('Creative Europe Links');
  });

  it('moves along the pipeline only where allowed, with a 409 naming the next stages', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'CHIPS', partnershipId: p1 });
    const move = (stage: string) => h.as.editor.patch(`/api/proposals/${proposal.id}`, { stage });
    const skipped = await move('submitted');
    expectProblem(skipped, 409, 'stage');
    expect(skipped.body.detail).toBe('A proposal cannot move from “idea” to “submitted”: from “idea” it can move to “exploring” or “withdrawn”.');
    expect(skipped.body.allowedStages).toEqual(['exploring', 'withdrawn']);
    for (const stage of ['exploring', 'in_preparation', 'submitted', 'approved', 'running']) expect((await move(stage)).body.stage).toBe(stage);
    expectProblem(await move('withdrawn'), 409);
    const closed = await move('closed');
    expect(closed.body).toMatchObject({ stage: 'closed', nextStages: [] });
    expectProblem(await move('idea'), 409);

    const other = await createProposal(h.as.editor, { acronym: 'FCH', partnershipId: p1, stage: 'in_preparation' });
    const withdrawn = await h.as.editor.patch(`/api/proposals/${other.id}`, { stage: 'withdrawn' });
    expect(withdrawn.body).toMatchObject({ stage: 'withdrawn', nextStages: ['idea'] });
    expect((await h.as.editor.patch(`/api/proposals/${other.id}`, { stage: 'idea' })).body.stage).toBe('idea');
    // past proposals can be recorded in the stage they ended in
    expect((await createProposal(h.as.editor, { acronym: 'OLD', partnershipId: p1, stage: 'rejected' })).stage).toBe('rejected');
  });

  it('changes only the fields sent, moves the lead in step with the consortium, and keeps domains to the partnership', async () => {
    const mannheim = await createOrganisation(h.as.officer, { name: 'Stadt Mannheim', kind: 'municipality', country: 'DE', regionId: h.world.regions.rheinNeckar, partnershipIds: [p1] });
    const proposal = await createProposal(h.as.officer, { acronym: 'RAUM', partnershipId: p1, domainIds: ['domain-smart-region'], leadOrganisationId: h.world.organisations.vrrn });
    const changed = await h.as.officer.patch(`/api/proposals/${proposal.id}`, { leadOrganisationId: mannheim.id });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ acronym: 'RAUM', domainIds: ['domain-smart-region'], leadOrganisationId: mannheim.id, leadOrganisationName: 'Stadt Mannheim', version: 2 });
    const members = (await h.as.officer.get(`/api/proposals/${proposal.id}/consortium`)).body.members;
    expect(members.map((m: { organisationName: string; role: string }) => [m.organisationName, m.role])).toEqual([
      ['Stadt Mannheim', 'lead'],
      ['Verband Region Rhein-Neckar', 'partner']
    ]);
    const cleared = await h.as.officer.patch(`/api/proposals/${proposal.id}`, { leadOrganisationId: null, description: 'Coworking in rural towns', domainIds: [] });
    expect(cleared.body).toMatchObject({ leadOrganisationId: null, leadOrganisationName: null, description: 'Coworking in rural towns', domainIds: [] });
    expect((await h.as.officer.get(`/api/proposals/${proposal.id}/consortium`)).body.members.every((m: { role: string }) => m.role === 'partner')).toBe(true);
    const unchanged = await h.as.officer.patch(`/api/proposals/${proposal.id}`, {});
    expect(unchanged.body.version).toBe(cleared.body.version + 1);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update']);
  });

  it('lists by partnership, stage, call, programme and words, in keyset pages, and shows a board', async () => {
    const p3 = 'partnership-listing';
    await h.db.insertInto('partnerships').values({ id: p3, title: 'Listing partnership', signed_on: null, starts_on: null, ends_on: null, notice_months: null, notice_sent_on: null, predecessor_id: null, forms: jsonText([]) }).execute();
    await h.db.insertInto('memberships').values({ user_id: h.world.users.officer.id, partnership_id: p3, role: 'officer' }).execute();
    const call = await insertFundingCall(h.db, { programmeRate: '0.5' });
    const other = await insertFundingCall(h.db);
    const make = (acronym: string, extra: Record<string, unknown> = {}) => createProposal(h.as.sysadmin, { acronym, title: `${acronym} project`, partnershipId: p3, ...extra });
    await make('ALPHA', { callId: call.id });
    await make('BRAVO', { stage: 'exploring', callId: other.id });
    await make('CHARLIE', { stage: 'exploring', title: 'Wasserstoff für die Region' });
    await make('DELTA', { stage: 'submitted', callId: call.id });
    await make('ECHO');
    const list = async (query: string) => acronyms((await allPages(h.as.sysadmin, `/api/proposals?partnershipId=${p3}&${query}`)).items);
    const forward = await allPages(h.as.sysadmin, `/api/proposals?partnershipId=${p3}&sort=acronym&limit=2`);
    expect(forward.pages).toBe(3);
    expect(acronyms(forward.items)).toEqual(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO']);
    expect(await list('sort=-acronym')).toEqual(['ECHO', 'DELTA', 'CHARLIE', 'BRAVO', 'ALPHA']);
    expect(await list('sort=createdAt&limit=1')).toEqual(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO']);
    expect(await list('stage=exploring&sort=acronym')).toEqual(['BRAVO', 'CHARLIE']);
    expect(await list(`callId=${call.id}&sort=acronym`)).toEqual(['ALPHA', 'DELTA']);
    expect(await list(`programmeId=${call.programmeId}&sort=acronym`)).toEqual(['ALPHA', 'DELTA']);
    expect(await list('q=wasser')).toEqual(['CHARLIE']);
    expect(await list('q=charl')).toEqual(['CHARLIE']);
    expect(await list('q="NOT')).toEqual([]);
    // a member of P1 only sees nothing of P3, as if it did not exist
    expect(acronyms((await allPages(h.as.editor, `/api/proposals?partnershipId=${p3}`)).items)).toEqual([]);
    expect(acronyms((await allPages(h.as.officer, `/api/proposals?partnershipId=${p3}&sort=acronym`)).items)).toHaveLength(5);
    expectProblem(await h.as.sysadmin.get('/api/proposals?stage=dreaming'), 400, 'query.stage');
    expectProblem(await h.as.sysadmin.get('/api/proposals?cursor=garbage'), 400, 'query.cursor');

    const board = await h.as.officer.get(`/api/proposals/board?partnershipId=${p3}`);
    expect(board.status).toBe(200);
    expect(board.body.columns.map((c: { stage: string; count: number }) => [c.stage, c.count])).toEqual([
      ['idea', 2],
      ['exploring', 2],
      ['in_preparation', 0],
      ['submitted', 1],
      ['approved', 0],
      ['rejected', 0],
      ['withdrawn', 0],
      ['running', 0],
      ['closed', 0]
    ]);
    expect(acronyms(board.body.columns[1].items)).toEqual(['BRAVO', 'CHARLIE']);
    expectProblem(await h.as.officer.get('/api/proposals/board'), 400, 'query.partnershipId');
  });

  it('deletes a proposal with everything hanging off it, keeping it all in the audit trail', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'GONE', partnershipId: p1, leadOrganisationId: h.world.organisations.pfb });
    await h.as.editor.post(`/api/proposals/${proposal.id}/milestones`, { title: 'Draft ready', dueOn: '2026-05-04' });
    await h.as.editor.post(`/api/proposals/${proposal.id}/inform-log`, { organisationId: h.world.organisations.pfb, informedOn: '2026-01-12' });
    const deleted = await h.as.editor.delete(`/api/proposals/${proposal.id}`, { ifMatch: '"1"' });
    expect(deleted.status).toBe(204);
    expectProblem(await h.as.editor.get(`/api/proposals/${proposal.id}`), 404);
    for (const table of ['consortium_members', 'milestones', 'inform_log', 'proposal_domains']) {
      expect(((await firstRow(h, `SELECT count(*) AS n FROM ${table} WHERE proposal_id = ?`, proposal.id)) as { n: number }).n, table).toBe(0);
    }
    const row = (await firstRow(h, "SELECT before FROM audit_events WHERE entity_type = 'proposal' AND entity_id = ? AND action = 'delete'", proposal.id)) as { before: string };
    expect(JSON.parse(row.before)).toMatchObject({
      acronym: 'GONE',
      takesAlong: {
        consortium: [{ organisationId: h.world.organisations.pfb, role: 'lead' }],
        milestones: [{ title: 'Draft ready', dueOn: '2026-05-04' }],
        informLog: [{ organisationId: h.world.organisations.pfb, informedOn: '2026-01-12', partnerRegion: true }],
        scores: []
      }
    });
    expectProblem(await h.as.editor.get(`/api/audit?entityType=proposal&entityId=${proposal.id}`), 404);
    expect((await h.as.sysadmin.get(`/api/audit?entityType=proposal&entityId=${proposal.id}`)).body.items[0].action).toBe('delete');
  });
});
