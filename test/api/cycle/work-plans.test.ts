/**
 * The work plan API: plans per partnership and year, items co-edited with
 * If-Match (428 without, 412 ahead, merge of different fields, 409 with the
 * conflict for the same field, paragraphs of the description merged),
 * history and restore, moves, removal, propose → approve by each party →
 * adopted and frozen, approvals withdrawn by an edit, amend and the diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { logActivity, recordPerson } from '../../support/activities.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { expectProblem, type Client } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';
import { newItem, newPlan, pfbOfficer } from '../../support/work-plans.js';
import { allRows } from '../../support/sql.js';

let h: ApiHarness;
let pfb: Client;
let standardDomain: string;

beforeAll(async () => {
  h = await apiHarness();
  pfb = (await pfbOfficer(h)).client;
  const domain = await h.db.selectFrom('domains').select('id').where('partnership_id', 'is', null).executeTakeFirst();
  standardDomain = domain?.id ?? '';
  if (!domain) {
    standardDomain = newId();
    await h.db.insertInto('domains').values({ id: standardDomain, partnership_id: null, number: 1, code: 'test', label_en: 'Economy', label_de: 'Wirtschaft', label_nl: 'Economie' }).execute();
  }
});
afterAll(() => h.close());

const url = (planId: string, rest = '') => `/api/workplans/${planId}${rest}`;

describe('work plans per partnership and year', () => {
  it('creates, lists and reads a plan with its parties, languages and approvals; a second plan for the year is 409', async () => {
    const plan = await newPlan(h, 2027, { introduction: 'Our plan.' });
    expect(plan).toMatchObject({ year: 2027, status: 'draft', revision: 1, introduction: 'Our plan.', languages: ['de', 'nl'], itemCount: 0, canEdit: true, canApproveFor: [], items: [], revisions: [] });
    expect((plan as any).parties.map((p: any) => p.organisationName)).toEqual(['Verband Region Rhein-Neckar', 'Provincie Vlaams-Brabant']);
    expect((plan as any).approvals.map((a: any) => a.approved)).toEqual([false, false]);

    const again = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2027 });
    expectProblem(again, 409);
    expect(again.body.workPlanId).toBe(plan.id);

    const list = await h.as.viewer.get(`/api/workplans?partnershipId=${h.world.partnerships.p1}&year=2027`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: any) => p.id)).toEqual([plan.id]);
    expect(list.body.items[0].canEdit).toBe(false);
    expect((await h.as.outsider.get('/api/workplans')).body.items).toEqual([]);

    const detail = await h.as.viewer.get(url(plan.id));
    expect(detail.status).toBe(200);
    expect(detail.headers.get('ETag')).toBe('"1"');
    expectProblem(await h.as.outsider.get(url(plan.id)), 404);
    expectProblem(await h.as.viewer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2030 }), 403);
    expectProblem(await h.as.outsider.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: 2030 }), 400, 'partnershipId');
  });

  it('carries the open items of the year before over, keeping quarters, and names the target dates it dropped', async () => {
    const last = await newPlan(h, 2040);
    await newItem(h, last.id, { title: 'Open one', targetQuarter: 2 });
    await newItem(h, last.id, { title: 'Done one', status: 'done' });
    await newItem(h, last.id, { title: 'Running one', status: 'in_progress', targetDate: '2040-05-01' });
    const next = await newPlan(h, 2041, { carryOver: true });
    expect(next.items.map((i: any) => [i.title, i.targetDate, i.targetQuarter, i.version])).toEqual([
      ['Open one', null, 2, 1],
      ['Running one', null, null, 1]
    ]);
    expect((next as any).droppedTargetDates).toEqual([{ itemId: next.items[1].id, title: 'Running one', targetDate: '2040-05-01' }]);
  });
});

describe('items and their references', () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await newPlan(h, 2028)).id;
  });

  it('adds an item with a domain, party, person, activity and proposal of the partnership', async () => {
    const detail = await h.as.officer.get(url(planId));
    const pfbParty = detail.body.parties[1].id;
    const activity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Study visit Leuven' });
    const proposal = await createProposal(h.as.officer, { partnershipId: h.world.partnerships.p1, acronym: 'GREEN' });
    const person = await recordPerson(h.as.officer, 'Anna Peeters', h.world.organisations.pfb);
    const reply = await pfb.post(url(planId, '/items'), {
      title: 'Joint study visit',
      domainId: standardDomain,
      responsiblePartyId: pfbParty,
      responsiblePersonId: person,
      targetQuarter: 3,
      activityIds: [activity],
      proposalIds: [proposal.id]
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.headers.get('ETag')).toBe('"1"');
    expect(reply.body.notes).toEqual({ mergedFields: [], approvalsWithdrawn: [] });
    expect(reply.body.item).toMatchObject({
      title: 'Joint study visit',
      responsiblePartyName: 'Provincie Vlaams-Brabant',
      responsiblePersonId: person,
      responsiblePersonName: 'Anna Peeters',
      status: 'planned',
      activities: [{ id: activity, title: 'Study visit Leuven' }],
      proposals: [{ id: proposal.id, acronym: 'GREEN' }],
      version: 1,
      updatedBy: { name: 'Pfb Officer' }
    });
    expect(reply.body.item.domainLabel.en).toEqual(expect.any(String));
  });

  it('refuses references outside the partnership with 400 at each path', async () => {
    const otherActivity = await logActivity(h.as.outsider, { partnershipIds: [h.world.partnerships.p2] });
    const otherProposal = await createProposal(h.as.outsider, { partnershipId: h.world.partnerships.p2, acronym: 'P2' });
    const p2Party = (await h.db.selectFrom('partnership_parties').select('id').where('partnership_id', '=', h.world.partnerships.p2).executeTakeFirstOrThrow()).id;
    const p2Domain = newId();
    await h.db.insertInto('domains').values({ id: p2Domain, partnership_id: h.world.partnerships.p2, number: null, code: 'p2-own', label_en: 'Berlin only', label_de: 'Nur Berlin', label_nl: 'Alleen Berlijn' }).execute();
    const reply = await h.as.officer.post(url(planId, '/items'), {
      title: 'Bad links',
      domainId: p2Domain,
      responsiblePartyId: p2Party,
      responsiblePersonId: 'no-such-person',
      activityIds: [otherActivity],
      proposalIds: ['nope', otherProposal.id]
    });
    expectProblem(reply, 400);
    expect(reply.body.errors.map((e: any) => e.path).sort()).toEqual(['activityIds.0', 'domainId', 'proposalIds.0', 'proposalIds.1', 'responsiblePartyId', 'responsiblePersonId']);
    expectProblem(await h.as.officer.post(url(planId, '/items'), { title: '' }), 400, 'title');
    expectProblem(await h.as.viewer.post(url(planId, '/items'), { title: 'x' }), 403);
  });
});

describe('co-editing an item', () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await newPlan(h, 2029)).id;
  });

  it('requires If-Match (428), refuses a version ahead of the stored one (412) and answers ETag', async () => {
    const item = await newItem(h, planId, { title: 'Conference' });
    expectProblem(await h.as.officer.patch(url(planId, `/items/${item.id}`), { title: 'Big conference' }), 428, 'If-Match');
    const ahead = await h.as.officer.patch(url(planId, `/items/${item.id}`), { title: 'Big conference' }, { ifMatch: '"7"' });
    expectProblem(ahead, 412);
    expect(ahead.body.current).toMatchObject({ id: item.id, version: 1 });
    expect(ahead.body.detail).toBe('Version 7 of this record does not exist yet; it is at version 1. Reload it and apply your change again.');
    const ok = await h.as.officer.patch(url(planId, `/items/${item.id}`), { title: 'Big conference' }, { ifMatch: '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ETag')).toBe('"2"');
    expect(ok.body).toEqual({ item: expect.objectContaining({ title: 'Big conference', version: 2 }), notes: { mergedFields: [], approvalsWithdrawn: [] } });
    expectProblem(await h.as.viewer.patch(url(planId, `/items/${item.id}`), { title: 'x' }, { ifMatch: '"2"' }), 403);
    expectProblem(await h.as.officer.patch(url(planId, `/items/${item.id}`), {}, { ifMatch: '"2"' }), 400);
  });

  it('refuses a target date outside the plan’s year, and a date with a quarter, also after a merge (400 at the field, worded)', async () => {
    const outside = await h.as.officer.post(url(planId, '/items'), { title: 'Late', targetDate: '2031-03-01' });
    expectProblem(outside, 400, 'targetDate');
    expect(outside.body.errors).toMatchObject([{ path: 'targetDate', message: 'Choose a date in 2029, the plan’s year.' }]);
    const both = await h.as.officer.post(url(planId, '/items'), { title: 'Both', targetDate: '2029-03-01', targetQuarter: 2 });
    expect(both.body.errors).toMatchObject([{ path: 'targetDate', message: 'Give a target date or a quarter, not both.' }]);

    const item = await newItem(h, planId, { title: 'Dated' });
    expectProblem(await h.as.officer.patch(url(planId, `/items/${item.id}`), { targetDate: '2031-03-01', targetQuarter: 2 }, { ifMatch: '"1"' }), 400, 'targetDate');
    expect((await h.as.officer.patch(url(planId, `/items/${item.id}`), { targetDate: '2029-03-01' }, { ifMatch: '"1"' })).status).toBe(200);
    // the other writer started from version 1 and chose a quarter: merged with the date, it would hold both
    const merged = await pfb.patch(url(planId, `/items/${item.id}`), { targetQuarter: 3 }, { ifMatch: '"1"' });
    expectProblem(merged, 400, 'targetQuarter');
    expect(merged.body.errors).toMatchObject([{ path: 'targetQuarter', message: 'Give a target date or a quarter, not both.' }]);
    const switched = await pfb.patch(url(planId, `/items/${item.id}`), { targetDate: null, targetQuarter: 3 }, { ifMatch: '"2"' });
    expect(switched.body.item).toMatchObject({ targetDate: null, targetQuarter: 3 });
  });

  it('words length and choice errors', async () => {
    const long = await h.as.officer.post(url(planId, '/items'), { title: 'x'.repeat(301) });
    expect(long.body.errors).toMatchObject([{ path: 'title', message: 'At most 300 characters.' }]);
    const status = await h.as.officer.post(url(planId, '/items'), { title: 'Status', status: 'in_progress\n\nplanned' });
    expect(status.body.errors).toMatchObject([{ path: 'status', message: 'Choose planned, in_progress, done or dropped.' }]);
  });

  it('merges changes to different fields made from the same version, and says which fields it kept', async () => {
    const item = await newItem(h, planId, { title: 'Workshop', indicator: 'Participants' });
    const a = await h.as.officer.patch(url(planId, `/items/${item.id}`), { status: 'in_progress' }, { ifMatch: '"1"' });
    expect(a.status).toBe(200);
    const b = await pfb.patch(url(planId, `/items/${item.id}`), { targetValue: '40' }, { ifMatch: '"1"' });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    expect(b.body.item).toMatchObject({ status: 'in_progress', targetValue: '40', version: 3 });
    expect(b.body.notes.mergedFields).toEqual(['status']);
  });

  it('answers 409 with base, theirs and yours when the same field changed, and writes nothing', async () => {
    const item = await newItem(h, planId, { title: 'Fair' });
    await h.as.officer.patch(url(planId, `/items/${item.id}`), { title: 'Trade fair' }, { ifMatch: '"1"' });
    const clash = await pfb.patch(url(planId, `/items/${item.id}`), { title: 'Jobs fair', status: 'done' }, { ifMatch: '"1"' });
    expectProblem(clash, 409);
    expect(clash.body).toMatchObject({ title: 'Merge conflict', baseVersion: 1, current: { title: 'Trade fair', version: 2 }, conflicts: [{ field: 'title', base: 'Fair', theirs: 'Trade fair', yours: 'Jobs fair' }] });
    const items = (await h.as.viewer.get(url(planId, '/items'))).body.items;
    expect(items.find((i: any) => i.id === item.id)).toMatchObject({ title: 'Trade fair', status: 'planned', version: 2 });
  });

  it('merges the description paragraph by paragraph, and conflicts on the same paragraph', async () => {
    const item = await newItem(h, planId, { title: 'Exchange', description: 'Goals.\n\nProgramme.\n\nBudget.' });
    await h.as.officer.patch(url(planId, `/items/${item.id}`), { description: 'Goals: jobs.\n\nProgramme.\n\nBudget.' }, { ifMatch: '"1"' });
    const merged = await pfb.patch(url(planId, `/items/${item.id}`), { description: 'Goals.\n\nProgramme.\n\nBudget: 5000 €.' }, { ifMatch: '"1"' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.item.description).toBe('Goals: jobs.\n\nProgramme.\n\nBudget: 5000 €.');
    expect(merged.body.notes.mergedFields).toEqual(['description']);
    const clash = await pfb.patch(url(planId, `/items/${item.id}`), { description: 'Goals: growth.\n\nProgramme.\n\nBudget.' }, { ifMatch: '"1"' });
    expectProblem(clash, 409);
    expect(clash.body.conflicts.map((c: any) => c.field)).toEqual(['description']);
  });

  it('merges the linked activities as sets', async () => {
    const a1 = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'A1' });
    const a2 = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'A2' });
    const a3 = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'A3' });
    const item = await newItem(h, planId, { title: 'Linked', activityIds: [a1] });
    await h.as.officer.patch(url(planId, `/items/${item.id}`), { activityIds: [a1, a2] }, { ifMatch: '"1"' });
    const merged = await pfb.patch(url(planId, `/items/${item.id}`), { activityIds: [a3] }, { ifMatch: '"1"' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.item.activityIds).toEqual([a2, a3]);
  });

  it('keeps every version: history lists who changed what, restore brings values back as a new version', async () => {
    const item = await newItem(h, planId, { title: 'Seminar', indicator: 'Talks' });
    await h.as.officer.patch(url(planId, `/items/${item.id}`), { title: 'Seminar on hydrogen', indicator: 'Speakers' }, { ifMatch: '"1"' });
    await pfb.patch(url(planId, `/items/${item.id}`), { status: 'done' }, { ifMatch: '"1"' });
    const history = await h.as.viewer.get(url(planId, `/items/${item.id}/history`));
    expect(history.status).toBe(200);
    expect(history.body.entityType).toBe('work_plan_item');
    expect(history.body.items.map((e: any) => [e.version, e.action, e.actor?.name, e.mergedFrom])).toEqual([
      [3, 'merge', 'Pfb Officer', 1],
      [2, 'update', 'Officer', null],
      [1, 'create', 'Officer', null]
    ]);
    expect(history.body.items[1].changes).toEqual([
      { field: 'title', before: 'Seminar', after: 'Seminar on hydrogen' },
      { field: 'indicator', before: 'Talks', after: 'Speakers' }
    ]);

    expectProblem(await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 1, fields: ['title'] }), 428);
    expectProblem(await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 1, fields: ['title'] }, { ifMatch: '"2"' }), 412);
    expectProblem(await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 9 }, { ifMatch: '"3"' }), 400, 'version');
    expectProblem(await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 1, fields: ['colour'] }, { ifMatch: '"3"' }), 400, 'fields.0');
    const restored = await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 1, fields: ['title'] }, { ifMatch: '"3"' });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.item).toMatchObject({ title: 'Seminar', indicator: 'Speakers', status: 'done', version: 4 });
    const all = await h.as.officer.post(url(planId, `/items/${item.id}/restore`), { version: 1 }, { ifMatch: '"4"' });
    expect(all.body.item).toMatchObject({ title: 'Seminar', indicator: 'Talks', status: 'planned', version: 5 });
    const latest = (await h.as.viewer.get(url(planId, `/items/${item.id}/history`))).body.items[0];
    expect(latest).toMatchObject({ version: 5, action: 'restore' });
  });

  it('moves items by a fractional position, and a stale move of a moved item is a conflict', async () => {
    const fresh = (await newPlan(h, 2031)).id;
    const a = await newItem(h, fresh, { title: 'A' });
    const b = await newItem(h, fresh, { title: 'B' });
    const c = await newItem(h, fresh, { title: 'C' });
    const moved = await h.as.officer.post(url(fresh, `/items/${c.id}/move`), { after: a.id }, { ifMatch: '"1"' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.item.position).toBeGreaterThan(a.position);
    expect(moved.body.item.position).toBeLessThan(b.position);
    const order = async () => (await h.as.viewer.get(url(fresh, '/items'))).body.items.map((i: any) => i.title);
    expect(await order()).toEqual(['A', 'C', 'B']);
    await h.as.officer.post(url(fresh, `/items/${b.id}/move`), { after: null }, { ifMatch: '"1"' });
    expect(await order()).toEqual(['B', 'A', 'C']);
    expectProblem(await pfb.post(url(fresh, `/items/${c.id}/move`), { after: null }, { ifMatch: '"1"' }), 409);
    expectProblem(await pfb.post(url(fresh, `/items/${c.id}/move`), { after: 'nope' }, { ifMatch: '"2"' }), 400, 'after');
    expectProblem(await pfb.post(url(fresh, `/items/${c.id}/move`), { after: null }), 428);
    // a move and a field change from the same version both stand
    const edit = await pfb.patch(url(fresh, `/items/${b.id}`), { title: 'B, renamed' }, { ifMatch: '"1"' });
    expect(edit.status).toBe(200);
    expect(await order()).toEqual(['B, renamed', 'A', 'C']);
  });

  it('removes an item (409 if it changed since the remover’s version), keeps its history, and restore brings it back', async () => {
    const item = await newItem(h, planId, { title: 'To go' });
    await pfb.patch(url(planId, `/items/${item.id}`), { indicator: 'Meetings' }, { ifMatch: '"1"' });
    const stale = await h.as.officer.delete(url(planId, `/items/${item.id}`), { ifMatch: '"1"' });
    expectProblem(stale, 409);
    expect(stale.body.conflicts).toEqual([{ field: 'indicator', base: null, theirs: 'Meetings', yours: null }]);
    expectProblem(await h.as.officer.delete(url(planId, `/items/${item.id}`)), 428);
    const removed = await h.as.officer.delete(url(planId, `/items/${item.id}`), { ifMatch: '"2"' });
    expect(removed.status).toBe(200);
    expect((await h.as.viewer.get(url(planId, '/items'))).body.items.map((i: any) => i.id)).not.toContain(item.id);
    expectProblem(await pfb.patch(url(planId, `/items/${item.id}`), { title: 'Still here?' }, { ifMatch: '"3"' }), 409);
    const history = (await h.as.viewer.get(url(planId, `/items/${item.id}/history`))).body.items;
    expect(history[0]).toMatchObject({ version: 3, action: 'delete', changes: [{ field: 'removed', before: false, after: true }] });
    const back = await pfb.post(url(planId, `/items/${item.id}/restore`), { version: 2 }, { ifMatch: '"3"' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.item).toMatchObject({ title: 'To go', indicator: 'Meetings', version: 4 });
    expect((await h.as.viewer.get(url(planId, '/items'))).body.items.map((i: any) => i.id)).toContain(item.id);
  });

  it('co-edits the introduction with If-Match and paragraph merge', async () => {
    const plan = await newPlan(h, 2032, { introduction: 'Why.\n\nHow.' });
    expectProblem(await h.as.officer.patch(url(plan.id), { introduction: 'x' }), 428);
    const a = await h.as.officer.patch(url(plan.id), { introduction: 'Why: jobs.\n\nHow.' }, { ifMatch: '"1"' });
    expect(a.status).toBe(200);
    expect(a.headers.get('ETag')).toBe('"2"');
    const b = await pfb.patch(url(plan.id), { introduction: 'Why.\n\nHow: together.' }, { ifMatch: '"1"' });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    expect(b.body).toMatchObject({ workPlan: { introduction: 'Why: jobs.\n\nHow: together.', version: 3 }, notes: { mergedFields: ['introduction'], approvalsWithdrawn: [] } });
    expectProblem(await pfb.patch(url(plan.id), { introduction: 'Why: growth.\n\nHow.' }, { ifMatch: '"1"' }), 409);
  });
});

describe('approval by each party, adoption, amendment', () => {
  it('proposes, approves by party, withdraws on an edit (saying so), adopts when both approved, freezes, amends and diffs', async () => {
    const plan = await newPlan(h, 2033, { introduction: 'Joint plan for 2033.' });
    const first = await newItem(h, plan.id, { title: 'Mission to Leuven', description: 'Meet the province.' });
    const second = await newItem(h, plan.id, { title: 'Hydrogen valley' });

    expectProblem(await h.as.officer.post(url(plan.id, '/approve'), {}), 409);
    expectProblem(await h.as.viewer.post(url(plan.id, '/propose')), 403);
    const proposed = await h.as.officer.post(url(plan.id, '/propose'));
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedAt: expect.any(String) });
    expectProblem(await h.as.officer.post(url(plan.id, '/propose')), 409);

    // the editor (PFB) may edit but not approve; the VRRN officer may not approve for PFB
    expectProblem(await h.as.editor.post(url(plan.id, '/approve'), {}), 403);
    const pfbParty = proposed.body.parties[1].id;
    expectProblem(await h.as.officer.post(url(plan.id, '/approve'), { partyId: pfbParty }), 403);
    expectProblem(await h.as.officer.post(url(plan.id, '/approve'), { partyId: 'nope' }), 400, 'partyId');

    const vrrnApproved = await h.as.officer.post(url(plan.id, '/approve'), {});
    expect(vrrnApproved.status).toBe(200);
    expect(vrrnApproved.body.approvals.map((a: any) => a.approved)).toEqual([true, false]);
    expect(vrrnApproved.body.approvals[0].approvedBy.name).toBe('Officer');
    expect((await pfb.get(url(plan.id))).body.canApproveFor).toEqual([pfbParty]);

    // an edit by PFB withdraws VRRN's approval and says so
    const edit = await pfb.patch(url(plan.id, `/items/${first.id}`), { targetQuarter: 2 }, { ifMatch: '"1"' });
    expect(edit.status).toBe(200);
    expect(edit.body.notes.approvalsWithdrawn).toEqual(['Verband Region Rhein-Neckar']);
    const after = (await h.as.viewer.get(url(plan.id))).body;
    expect(after.status).toBe('proposed');
    expect(after.approvals[0]).toMatchObject({ approved: false, withdrawn: { by: { name: 'Pfb Officer' }, reason: 'Item “Mission to Leuven” changed by Pfb Officer' } });

    // withdrawing one's own approval
    await pfb.post(url(plan.id, '/approve'), {});
    // the party named in the query is checked like any input: a control character is a 400 at the field, nothing withdrawn
    expectProblem(await pfb.delete(url(plan.id, '/approve?partyId=a%00b')), 400, 'query.partyId');
    const withdrawn = await pfb.delete(url(plan.id, '/approve'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.approvals[1]).toMatchObject({ approved: false, withdrawn: { reason: 'Withdrawn by Pfb Officer' } });

    // both approve: adopted and frozen as revision 1
    await h.as.officer.post(url(plan.id, '/approve'), {});
    const adopted = await pfb.post(url(plan.id, '/approve'), {});
    expect(adopted.body).toMatchObject({ status: 'adopted', adoptedAt: expect.any(String), canEdit: false });
    expect(adopted.body.approvals.map((a: any) => a.approved)).toEqual([true, true]);
    const frozen = await h.as.viewer.get(url(plan.id, '/revisions/1'));
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({ number: 1, workPlan: { status: 'adopted', revision: 1, introduction: 'Joint plan for 2033.' } });
    expect(frozen.body.workPlan.items.map((i: any) => [i.title, i.targetQuarter])).toEqual([
      ['Mission to Leuven', 2],
      ['Hydrogen valley', null]
    ]);
    expectProblem(await h.as.viewer.get(url(plan.id, '/revisions/2')), 404);

    // adopted: edits are 409 until amended
    const refused = await h.as.officer.patch(url(plan.id, `/items/${second.id}`), { title: 'x' }, { ifMatch: '"1"' });
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('amend');
    expectProblem(await h.as.officer.post(url(plan.id, '/items'), { title: 'New' }), 409);
    // progress is recorded on the adopted plan without an amendment; the approvals stand and revision 1 stays as adopted
    expect(adopted.body.canRecordProgress).toBe(true);
    expectProblem(await h.as.viewer.patch(url(plan.id, `/items/${second.id}`), { status: 'done' }, { ifMatch: '"1"' }), 403);
    expectProblem(await h.as.officer.patch(url(plan.id, `/items/${second.id}`), { status: 'done', title: 'Done' }, { ifMatch: '"1"' }), 409);
    const progress = await h.as.officer.patch(url(plan.id, `/items/${second.id}`), { status: 'in_progress' }, { ifMatch: '"1"' });
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ item: { status: 'in_progress', version: 2 }, notes: { approvalsWithdrawn: [] } });
    const stillAdopted = (await h.as.viewer.get(url(plan.id))).body;
    expect(stillAdopted).toMatchObject({ status: 'adopted', canRecordProgress: false });
    expect(stillAdopted.approvals.map((a: any) => a.approved)).toEqual([true, true]);
    expect((await h.as.viewer.get(url(plan.id, '/revisions/1'))).body.workPlan.items[1].status).toBe('planned');
    const backToPlanned = await h.as.officer.patch(url(plan.id, `/items/${second.id}`), { status: 'planned' }, { ifMatch: '"2"' });
    expect(backToPlanned.body.item.version).toBe(3);
    expectProblem(await h.as.officer.post(url(plan.id, '/amend'), {}), 400, 'reason');
    const amended = await h.as.officer.post(url(plan.id, '/amend'), { reason: 'A new mission' });
    expect(amended.body).toMatchObject({ status: 'draft', revision: 2, adoptedAt: null, approvals: [{ approved: false }, { approved: false }] });
    const withReason = (await h.as.viewer.get(url(plan.id))).body;
    expect(withReason.amendments).toEqual([{ revision: 2, reason: 'A new mission', by: { id: expect.any(String), name: expect.any(String) }, at: expect.any(String) }]);
    expectProblem(await h.as.officer.post(url(plan.id, '/amend'), { reason: 'again' }), 409);

    await pfb.patch(url(plan.id, `/items/${first.id}`), { description: 'Meet the province and the university.' }, { ifMatch: '"2"' });
    await pfb.delete(url(plan.id, `/items/${second.id}`), { ifMatch: '"1"' });
    const added = await newItem(h, plan.id, { title: 'Mission to Mannheim' }, pfb);
    await h.as.officer.patch(url(plan.id), { introduction: 'Joint plan for 2033, amended.' }, { ifMatch: '"1"' });

    const diff = await h.as.viewer.get(url(plan.id, '/diff?from=1'));
    expect(diff.status, JSON.stringify(diff.body)).toBe(200);
    expect(diff.body.from).toBe(1);
    expect(diff.body.to).toBeNull();
    const byId = Object.fromEntries(diff.body.items.map((i: any) => [i.itemId, i]));
    expect(byId[added.id]).toMatchObject({ change: 'added', title: 'Mission to Mannheim' });
    expect(byId[second.id]).toMatchObject({ change: 'removed', title: 'Hydrogen valley' });
    expect(byId[first.id].change).toBe('changed');
    const description = byId[first.id].fields.find((f: any) => f.field === 'description');
    expect(description.words.filter((w: any) => w.change === 'added').map((w: any) => w.text).join('')).toContain('and the university');
    expect(diff.body.introduction.some((w: any) => w.change === 'added' && w.text.includes('amended'))).toBe(true);
    expect(diff.body.amendments.map((a: any) => [a.revision, a.reason])).toEqual([[2, 'A new mission']]);
    expectProblem(await h.as.viewer.get(url(plan.id, '/diff?from=3')), 400, 'from');

    // adopting revision 2 and diffing 1 → 2
    await h.as.officer.post(url(plan.id, '/propose'));
    await h.as.officer.post(url(plan.id, '/approve'), {});
    expect((await pfb.post(url(plan.id, '/approve'), {})).body.status).toBe('adopted');
    const between = await h.as.viewer.get(url(plan.id, '/diff?from=1&to=2'));
    expect(between.body.to).toBe(2);
    expect(between.body.items.map((i: any) => i.change).sort()).toEqual(['added', 'changed', 'removed']);
    expect((await h.as.viewer.get(url(plan.id))).body.revisions.map((r: any) => r.number)).toEqual([1, 2]);
  });

  it('records every write in the audit trail of the plan', async () => {
    const plan = await newPlan(h, 2034);
    const item = await newItem(h, plan.id, { title: 'Audited' });
    await h.as.officer.patch(url(plan.id, `/items/${item.id}`), { title: 'Audited twice' }, { ifMatch: '"1"' });
    const rows = (await allRows(h, "SELECT action FROM audit_events WHERE entity_type = 'work_plan' AND entity_id = ? ORDER BY at", plan.id)) as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);
  });
});
