import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal, insertFundingCall } from '../../support/proposals.js';

let h: ClockedHarness;
let p1: string;
beforeAll(async () => {
  h = await clockedHarness('2026-09-01T08:00:00Z');
  p1 = h.world.partnerships.p1;
});
afterAll(() => h.close());

const milestonesOf = (id: string) => `/api/proposals/${id}/milestones`;

describe('/api/proposals/:id/milestones/plan', () => {
  it('plans back from the call’s next deadline, read where the call published it', async () => {
    const call = await insertFundingCall(h.db, {
      identifier: 'REGIOWIN-2030',
      // a passed round, then Friday 18 December 2026, 16:00 Brussels (15:00 UTC)
      deadlines: [{ at: '2026-03-20T15:00:00Z' }, { at: '2026-12-18T15:00:00Z' }]
    });
    const proposal = await createProposal(h.as.editor, { acronym: 'LTP', partnershipId: p1, callId: call.id });
    const plan = await h.as.viewer.get(`${milestonesOf(proposal.id)}/plan`);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.deadline).toMatchObject({ source: 'call', at: '2026-12-18T15:00:00.000Z', timeZone: 'Europe/Brussels', localDate: '2026-12-18', localTime: '16:00', assumed: false });
    expect(plan.body.rules.map((r: { daysBefore: number }) => r.daysBefore)).toEqual([63, 56, 35, 0]);
    expect(plan.body.items).toEqual([
      { kind: 'descriptions_due', title: 'Project descriptions due', dueOn: '2026-10-16', dueTime: null, daysBefore: 63, movedFrom: null, holiday: null, past: false },
      { kind: 'steering_group', title: 'Steering group prioritisation', dueOn: '2026-10-23', dueTime: null, daysBefore: 56, movedFrom: null, holiday: null, past: false },
      { kind: 'committee_decision', title: 'Committee decision', dueOn: '2026-11-13', dueTime: null, daysBefore: 35, movedFrom: null, holiday: null, past: false },
      { kind: 'submission', title: 'Submission: REGIOWIN-2030', dueOn: '2026-12-18', dueTime: '16:00', daysBefore: 0, movedFrom: null, holiday: null, past: false }
    ]);
    // nothing is stored by a plan
    expect((await h.as.viewer.get(milestonesOf(proposal.id))).body.items).toEqual([]);
  });

  it('takes the local date of a deadline just after midnight, and moves weekend days to Friday', async () => {
    // Sunday 14 March 2027, 23:30 UTC is Monday 15 March, 00:30 in Brussels
    const call = await insertFundingCall(h.db, { deadlines: [{ at: '2027-03-14T23:30:00Z' }] });
    const proposal = await createProposal(h.as.editor, { acronym: 'MIDNIGHT', partnershipId: p1, callId: call.id });
    const plan = (await h.as.editor.get(`${milestonesOf(proposal.id)}/plan`)).body;
    expect(plan.deadline).toMatchObject({ localDate: '2027-03-15', localTime: '00:30' });
    expect(plan.items.map((m: { dueOn: string }) => m.dueOn)).toEqual(['2027-01-11', '2027-01-18', '2027-02-08', '2027-03-15']);
    // from a Sunday given by hand: everything moves to the working day before — Friday, or before Christmas
    // (the partnership's Rhein-Neckar party closes on 24–26 December), and all of it is past on 1 September 2026
    const given = (await h.as.editor.get(`${milestonesOf(proposal.id)}/plan?deadlineOn=2026-03-01&deadlineTime=12:00`)).body;
    expect(given.deadline).toEqual({ source: 'given', deadlineId: null, at: null, timeZone: null, localDate: '2026-03-01', localTime: '12:00', assumed: false });
    expect(given.items.map((m: { dueOn: string; movedFrom: string | null; holiday: string | null; past: boolean }) => [m.dueOn, m.movedFrom, m.holiday, m.past])).toEqual([
      ['2025-12-23', '2025-12-28', 'Boxing Day', true],
      ['2026-01-02', '2026-01-04', null, true],
      ['2026-01-23', '2026-01-25', null, true],
      ['2026-02-27', '2026-03-01', null, true]
    ]);
    expect(given.items[3].dueTime).toBe('12:00');
  });

  it('avoids both parties’ public holidays, names them and the milestones in the reader’s language, and says which dates are past', async () => {
    // Friday 26 Feb 2027, 17:00 Brussels: descriptions due on Christmas Day, the steering group on New Year's Day
    const call = await insertFundingCall(h.db, { identifier: 'INTERREG-NWE-2027', deadlines: [{ at: '2027-02-26T16:00:00Z' }] });
    const proposal = await createProposal(h.as.editor, { acronym: 'HOLI', partnershipId: p1, callId: call.id });
    const brief = (body: { items: { title: string; dueOn: string; movedFrom: string | null; holiday: string | null; past: boolean }[] }) => body.items.map((i) => [i.title, i.dueOn, i.movedFrom, i.holiday, i.past]);
    await h.db.updateTable('users').set({ locale: 'de' }).where('id', '=', h.world.users.editor.id).execute();
    await h.db.updateTable('users').set({ locale: 'nl' }).where('id', '=', h.world.users.viewer.id).execute();
    try {
      // the Rhein-Neckar party (Baden-Württemberg) closes on Christmas Eve and New Year's Eve too: back to Wednesday 23 and 30 December
      expect(brief((await h.as.editor.get(`${milestonesOf(proposal.id)}/plan`)).body)).toEqual([
        // a holiday both places keep is named after the first place by country (BE, then DE)
        ['Abgabe der Projektbeschreibungen', '2026-12-23', '2026-12-25', 'Weihnachten', false],
        ['Priorisierung im Lenkungskreis', '2026-12-30', '2027-01-01', 'Neujahr', false],
        ['Gremienbeschluss', '2027-01-22', null, null, false],
        ['Einreichung: INTERREG-NWE-2027', '2027-02-26', null, null, false]
      ]);
      expect(brief((await h.as.viewer.get(`${milestonesOf(proposal.id)}/plan`)).body).slice(0, 2)).toEqual([
        ['Indienen van de projectbeschrijvingen', '2026-12-23', '2026-12-25', 'Kerstmis', false],
        ['Prioritering door de stuurgroep', '2026-12-30', '2027-01-01', 'Nieuwjaar', false]
      ]);
      // planned from a day in six weeks (1 September 2026 is the harness's today): the first three dates are already past
      const soon = (await h.as.editor.get(`${milestonesOf(proposal.id)}/plan?deadlineOn=2026-10-13`)).body;
      expect(soon.items.map((i: { dueOn: string; past: boolean }) => [i.dueOn, i.past])).toEqual([
        ['2026-08-11', true],
        ['2026-08-18', true],
        ['2026-09-08', false],
        ['2026-10-13', false]
      ]);
    } finally {
      await h.db.updateTable('users').set({ locale: 'en' }).where('id', 'in', [h.world.users.editor.id, h.world.users.viewer.id]).execute();
    }
  });

  it('says what is missing when there is nothing to plan from', async () => {
    const noCall = await createProposal(h.as.editor, { acronym: 'NOCALL', partnershipId: p1 });
    const refused = await h.as.editor.get(`${milestonesOf(noCall.id)}/plan`);
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('Choose the call first');
    const passed = await insertFundingCall(h.db, { deadlines: [{ at: '2026-03-20T15:00:00Z' }] });
    const late = await createProposal(h.as.editor, { acronym: 'LATE', partnershipId: p1, callId: passed.id });
    expectProblem(await h.as.editor.get(`${milestonesOf(late.id)}/plan`), 409);
    expectProblem(await h.as.editor.get(`${milestonesOf(late.id)}/plan?deadlineOn=2026-02-30`), 400, 'query.deadlineOn');
    expectProblem(await h.as.editor.get(`${milestonesOf(late.id)}/plan?deadlineOn=2026-12-18&deadlineTime=4pm`), 400, 'query.deadlineTime');
  });

  it('saves a plan, edited or not, in one go', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'SAVED', partnershipId: p1 });
    const plan = (await h.as.editor.get(`${milestonesOf(proposal.id)}/plan?deadlineOn=2026-12-18&deadlineTime=16:00`)).body;
    const items = plan.items.map((m: { kind: string; title: string; dueOn: string; dueTime: string | null }) => ({ kind: m.kind, title: m.title, dueOn: m.dueOn, dueTime: m.dueTime }));
    items[2] = { ...items[2], dueOn: '2026-11-11', ownerId: h.world.users.admin.id }; // the committee meets on Wednesday
    const saved = await h.as.editor.post(`${milestonesOf(proposal.id)}/plan`, { items });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.items.map((m: { kind: string; dueOn: string; dueTime: string | null; ownerName: string | null }) => [m.kind, m.dueOn, m.dueTime, m.ownerName])).toEqual([
      ['descriptions_due', '2026-10-16', null, null],
      ['steering_group', '2026-10-23', null, null],
      ['committee_decision', '2026-11-11', null, 'Admin'],
      ['submission', '2026-12-18', '16:00', null]
    ]);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update']);
    const before = await tableCounts(h);
    const bad = await h.as.editor.post(`${milestonesOf(proposal.id)}/plan`, { items: [items[0], { ...items[1], ownerId: h.world.users.outsider.id }] });
    expectProblem(bad, 400, 'items.1.ownerId');
    expectProblem(await h.as.editor.post(`${milestonesOf(proposal.id)}/plan`, { items: [] }), 400, 'items');
    expectProblem(await h.as.editor.post(`${milestonesOf(proposal.id)}/plan`, { items: [{ ...items[0], kind: 'party' }] }), 400, 'items.0.kind');
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('/api/proposals/:id/milestones', () => {
  it('adds, changes, completes and removes milestones with owners from the partnership', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'STEPS', partnershipId: p1 });
    const created = await h.as.editor.post(milestonesOf(proposal.id), { kind: 'steering_group', title: 'Lenkungskreis', dueOn: '2026-10-21', dueTime: '14:00', ownerId: h.world.users.officer.id });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ proposalId: proposal.id, kind: 'steering_group', title: 'Lenkungskreis', dueOn: '2026-10-21', dueTime: '14:00', ownerId: h.world.users.officer.id, ownerName: 'Officer', done: false, doneAt: null, version: 1 });
    await h.as.editor.post(milestonesOf(proposal.id), { title: 'Kick-off', dueOn: '2026-09-15' });
    const list = await h.as.viewer.get(milestonesOf(proposal.id));
    expect(list.body.items.map((m: { title: string; kind: string }) => [m.title, m.kind])).toEqual([
      ['Kick-off', 'other'],
      ['Lenkungskreis', 'steering_group']
    ]);

    h.setNow('2026-10-21T15:30:00Z');
    const done = await h.as.officer.patch(`${milestonesOf(proposal.id)}/${created.body.id}`, { done: true }, { ifMatch: '"1"' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ done: true, doneAt: '2026-10-21T15:30:00.000Z', version: 2, title: 'Lenkungskreis' });
    h.setNow('2026-10-22T09:00:00Z');
    expect((await h.as.officer.patch(`${milestonesOf(proposal.id)}/${created.body.id}`, { done: true, title: 'Lenkungskreis (KW43)' })).body.doneAt).toBe('2026-10-21T15:30:00.000Z');
    const stale = await h.as.editor.patch(`${milestonesOf(proposal.id)}/${created.body.id}`, { done: false }, { ifMatch: '"2"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ title: 'Lenkungskreis (KW43)', version: 3 });
    const reopened = await h.as.editor.patch(`${milestonesOf(proposal.id)}/${created.body.id}`, { done: false, ownerId: null, dueTime: null });
    expect(reopened.body).toMatchObject({ done: false, doneAt: null, ownerId: null, ownerName: null, dueTime: null });
    expectProblem(await h.as.editor.delete(`${milestonesOf(proposal.id)}/${created.body.id}`, { ifMatch: '"1"' }), 412);
    expect((await h.as.editor.delete(`${milestonesOf(proposal.id)}/${created.body.id}`)).status).toBe(204);
    expectProblem(await h.as.editor.delete(`${milestonesOf(proposal.id)}/${created.body.id}`), 404);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update']);
    h.setNow('2026-09-01T08:00:00Z');
  });

  it('refuses bad input with field errors and stores nothing; outsiders get 404, viewers 403', async () => {
    const proposal = await createProposal(h.as.editor, { acronym: 'GUARD', partnershipId: p1 });
    const milestone = (await h.as.editor.post(milestonesOf(proposal.id), { title: 'Draft', dueOn: '2026-11-02' })).body;
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.editor.post(milestonesOf(proposal.id), { title: 'X', dueOn: '2026-11-02', ...body });
    expectProblem(await post({ title: '' }), 400, 'title');
    expectProblem(await post({ dueOn: '2026-02-30' }), 400, 'dueOn');
    expectProblem(await post({ dueTime: '25:00' }), 400, 'dueTime');
    expectProblem(await post({ kind: 'party' }), 400, 'kind');
    expectProblem(await post({ ownerId: h.world.users.outsider.id }), 400, 'ownerId');
    expectProblem(await post({ ownerId: 'no-such-user' }), 400, 'ownerId');
    expectProblem(await post({ done: 'yes' }), 400, 'done');
    expectProblem(await h.as.editor.patch(`${milestonesOf(proposal.id)}/${milestone.id}`, { ownerId: h.world.users.outsider.id }), 400, 'ownerId');
    expectProblem(await h.as.outsider.get(milestonesOf(proposal.id)), 404);
    expectProblem(await h.as.outsider.get(`${milestonesOf(proposal.id)}/plan?deadlineOn=2026-12-18`), 404);
    expectProblem(await h.as.outsider.post(milestonesOf(proposal.id), { title: 'X', dueOn: '2026-11-02' }), 404);
    expectProblem(await h.as.outsider.post(`${milestonesOf(proposal.id)}/plan`, { items: [{ title: 'X', dueOn: '2026-11-02' }] }), 404);
    expectProblem(await h.as.outsider.patch(`${milestonesOf(proposal.id)}/${milestone.id}`, { done: true }), 404);
    expectProblem(await h.as.outsider.delete(`${milestonesOf(proposal.id)}/${milestone.id}`), 404);
    expectProblem(await h.as.viewer.post(milestonesOf(proposal.id), { title: 'X', dueOn: '2026-11-02' }), 403);
    expectProblem(await h.as.viewer.post(`${milestonesOf(proposal.id)}/plan`, { items: [{ title: 'X', dueOn: '2026-11-02' }] }), 403);
    expectProblem(await h.as.viewer.patch(`${milestonesOf(proposal.id)}/${milestone.id}`, { done: true }), 403);
    expectProblem(await h.as.viewer.delete(`${milestonesOf(proposal.id)}/${milestone.id}`), 403);
    expect(await tableCounts(h)).toEqual(before);
  });
});
