/**
 * The evaluation API through the real app: create and list (with the
 * figures of each year of a range), validation, ETag and If-Match, sections
 * merged by paragraph and the 409 conflict body, assessments co-edited,
 * history and restore, assessments that follow the work plan, propose →
 * approve by each party → adopted (an edit withdraws standing approvals),
 * figures frozen at adoption, and the live stream (SSE) of a second client.
 * The figures are checked once end to end on data logged through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { newId } from '../../../db/ids.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import { client, type Client, expectProblem } from '../../support/http.js';
import { pfbOfficer } from '../../support/work-plans.js';

let h: ApiHarness;
/** an officer of P1 at PFB, so both parties can approve */
let pfb: Client;
let planId: string;
let evaluationId: string;
const YEAR = 2026;

async function addItem(title: string): Promise<string> {
  const reply = await h.as.officer.post(`/api/workplans/${planId}/items`, { title });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return (reply.body.item ?? reply.body).id;
}

async function detail(as: Client = h.as.officer) {
  const reply = await as.get(`/api/evaluations/${evaluationId}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

/** The officer on the same database with the app's clock at `instant` (figures count the activities ended by then). */
function officerAt(instant: string): Client {
  return client(createApp({ db: h.db, settings: settingsFrom({}), clock: () => new Date(instant) }), h.world.users.officer.token);
}

async function section(kind = 'results') {
  return (await detail()).sections.find((s: { kind: string }) => s.kind === kind);
}

async function logActivity(fields: Record<string, unknown>) {
  const reply = await h.as.officer.post('/api/activities', {
    type: 'delegation_trip',
    title: 'Trip',
    timeZone: 'Europe/Brussels',
    status: 'done',
    partnershipIds: [h.world.partnerships.p1],
    ...fields
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

beforeAll(async () => {
  h = await apiHarness();
  pfb = (await pfbOfficer(h)).client;
  const plan = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: YEAR });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  planId = plan.body.id;
  await addItem('Two delegation trips');
  await addItem('An expert exchange on hydrogen');
  const other = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year: YEAR - 1 });
  expect(other.status).toBe(201);
  expect((await h.as.officer.post(`/api/workplans/${other.body.id}/items`, { title: 'Last year’s item' })).status).toBe(201);
});
afterAll(() => h.close());

describe('creating and listing evaluations', () => {
  it('refuses bad input, viewers and outsiders', async () => {
    expectProblem(await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 1999 }), 400, 'year');
    expectProblem(await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: YEAR, extra: 1 }), 400, 'extra');
    expectProblem(await h.as.viewer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: YEAR }), 403);
    expectProblem(await h.as.outsider.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: YEAR }), 400, 'partnershipId');
  });

  it('creates the four sections empty and an assessment of each item of that year’s plan', async () => {
    const reply = await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: YEAR });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    evaluationId = reply.body.id;
    expect(reply.headers.get('ETag')).toBe(`"${reply.body.version}"`);
    expect(reply.body).toMatchObject({ partnershipId: h.world.partnerships.p1, year: YEAR, status: 'draft', workPlanId: planId, canEdit: true, figuresFrozenAt: null, adoptedAt: null });
    expect(reply.body.sections.map((s: { kind: string; body: string; version: number }) => [s.kind, s.body, s.version])).toEqual([
      ['results', '', 1],
      ['challenges', '', 1],
      ['recommendations', '', 1],
      ['next_steps', '', 1]
    ]);
    expect(reply.body.assessments.map((a: { itemTitle: string; rating: null }) => [a.itemTitle, a.rating])).toEqual([
      ['Two delegation trips', null],
      ['An expert exchange on hydrogen', null]
    ]);
    expect(reply.body.approvals.map((a: { organisationName: string; approved: boolean }) => [a.organisationName, a.approved])).toEqual([
      ['Verband Region Rhein-Neckar', false],
      ['Provincie Vlaams-Brabant', false]
    ]);
    expect(reply.body.languages).toEqual(['de', 'nl']);
  });

  it('answers 409 for a second evaluation of the same year', async () => {
    expectProblem(await h.as.editor.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: YEAR }), 409);
  });

  it('lists the evaluations and the figures of every year of a range', async () => {
    const reply = await h.as.viewer.get(`/api/evaluations?partnershipId=${h.world.partnerships.p1}&from=2024&to=2027`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.items.map((e: { id: string }) => e.id)).toEqual([evaluationId]);
    expect(reply.body.years.map((y: { year: number; evaluationId: string | null; status: string | null }) => [y.year, y.evaluationId, y.status])).toEqual([
      [2024, null, null],
      [2025, null, null],
      [2026, evaluationId, 'draft'],
      [2027, null, null]
    ]);
    expect(reply.body.years[0].figures).toMatchObject({ year: 2024, partnershipId: h.world.partnerships.p1, activities: { total: 0 } });
    const one = await h.as.viewer.get(`/api/evaluations?partnershipId=${h.world.partnerships.p1}&year=${YEAR}`);
    expect(one.body.years.map((y: { year: number }) => y.year)).toEqual([YEAR]);
    const hidden = await h.as.outsider.get('/api/evaluations');
    expect(hidden.status).toBe(200);
    expect(JSON.stringify(hidden.body)).not.toContain(evaluationId);
    expectProblem(await h.as.outsider.get(`/api/evaluations?partnershipId=${h.world.partnerships.p1}&year=${YEAR}`), 404);
  });

  it('checks the range', async () => {
    const p1 = h.world.partnerships.p1;
    expectProblem(await h.as.officer.get(`/api/evaluations?partnershipId=${p1}&from=2017`), 400, 'query.to');
    expectProblem(await h.as.officer.get(`/api/evaluations?partnershipId=${p1}&from=2020&to=2017`), 400, 'query.to');
    expectProblem(await h.as.officer.get(`/api/evaluations?partnershipId=${p1}&from=2000&to=2030`), 400, 'query.to');
    expectProblem(await h.as.officer.get('/api/evaluations?from=2017&to=2020'), 400, 'query.partnershipId');
    expectProblem(await h.as.officer.get(`/api/evaluations/${newId()}`), 404);
  });
});

describe('figures counted from data logged through the API', () => {
  it('counts the year’s held activities by their local start, participants, costs against the budget', async () => {
    const { p1 } = h.world.partnerships;
    const { rheinNeckar, flemishBrabant } = h.world.regions;
    const trip = await logActivity({ startsAt: '2026-03-10T09:00', endsAt: '2026-03-11T17:00', hostRegionId: flemishBrabant, politicalLevel: true, domainIds: ['domain-innovation'] });
    await logActivity({ type: 'workshop', startsAt: '2026-12-31T23:30', endsAt: '2027-01-01T01:00', hostRegionId: rheinNeckar, domainIds: ['domain-innovation', 'domain-mobility'] });
    await logActivity({ startsAt: '2026-05-05T09:00', endsAt: '2026-05-05T17:00', status: 'cancelled', hostRegionId: flemishBrabant });
    await logActivity({ type: 'conference', startsAt: '2027-01-01T00:30', endsAt: '2027-01-01T03:00', hostRegionId: flemishBrabant });
    const university = await h.as.officer.post('/api/organisations', { name: 'KU Leuven', kind: 'university_research', country: 'BE', regionId: flemishBrabant, partnershipIds: [p1] });
    expect(university.status, JSON.stringify(university.body)).toBe(201);
    for (const [organisationId, attendance] of [
      [h.world.organisations.vrrn, 'attended'],
      [h.world.organisations.pfb, 'attended'],
      [university.body.id, 'excused']
    ]) {
      const reply = await h.as.officer.post(`/api/activities/${trip}/participants`, { organisationId, role: 'delegate', attendance });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    expect((await h.as.officer.post(`/api/activities/${trip}/costs`, { category: 'travel', amount: '1200.00', state: 'spent', paidByOrganisationId: h.world.organisations.vrrn })).status).toBe(201);
    expect((await h.as.officer.post(`/api/activities/${trip}/costs`, { category: 'catering', amount: '300.00', state: 'planned', paidByOrganisationId: h.world.organisations.vrrn })).status).toBe(201);
    expect((await h.as.officer.post('/api/budgets', { partnershipId: p1, organisationId: h.world.organisations.vrrn, year: YEAR, amount: '4800.00' })).status).toBe(201);

    // counted on 1 February 2027, when all of them have ended
    const { figures, figuresFrozenAt } = await detail(officerAt('2027-02-01T12:00:00Z'));
    expect(figuresFrozenAt).toBeNull();
    // held in 2026 (local time): the trip and the workshop of 23:30 on 31 December; not the cancelled trip, not the conference of 00:30 on 1 January 2027
    expect(figures.activities).toMatchObject({
      total: 2,
      byType: [
        { key: 'delegation_trip', label: 'Delegation trip', count: 1 },
        { key: 'workshop', label: 'Workshop', count: 1 }
      ],
      byDomain: [
        { key: 'domain-innovation', label: 'Innovation and start-ups', count: 2 },
        { key: 'domain-mobility', label: 'Mobility and logistics', count: 1 }
      ],
      byHostRegion: [
        { key: rheinNeckar, label: 'Rhein-Neckar', count: 1 },
        { key: flemishBrabant, label: 'Vlaams-Brabant', count: 1 }
      ],
      political: { count: 1, share: 0.5 }
    });
    expect(figures.participants).toMatchObject({ total: 2, byKind: [{ key: 'regional_authority', count: 2 }], organisations: { total: 2 } });
    // EUR 1,200.00 spent of a EUR 4,800.00 budget; the planned catering is left out
    expect(figures.costs).toEqual({ spentCents: 120_000, budgetCents: 480_000, share: 0.25 });
    expect(figures.feedback).toEqual({ responses: 0, average: null });
    expect(figures.proposals).toMatchObject({ total: 0, approvalRate: null });
    const next = await officerAt('2027-02-01T12:00:00Z').get(`/api/evaluations?partnershipId=${p1}&year=2027`);
    expect(next.body.years[0].figures.activities.byType).toMatchObject([{ key: 'conference', label: 'Conference', count: 1 }]);
    // known keys carry their labels in every language, for the reader's language on the web and the documents' languages
    expect(next.body.years[0].figures.activities.byType[0].labels).toEqual({ en: 'Conference', de: 'Konferenz', nl: 'Conferentie' });
    expect(figures.activities.byDomain[0].labels.de).not.toBe(figures.activities.byDomain[0].labels.en);
    // counted on 20 November 2026 the workshop of 31 December has not happened yet: only the trip is held
    const inNovember = (await detail(officerAt('2026-11-20T12:00:00Z'))).figures;
    expect(inNovember.activities).toMatchObject({ total: 1, byType: [{ key: 'delegation_trip', count: 1 }], political: { count: 1, share: 1 } });
  });
});

describe('co-edited sections', () => {
  it('sends an ETag and needs If-Match', async () => {
    const reply = await h.as.officer.get(`/api/evaluations/${evaluationId}`);
    expect(reply.headers.get('ETag')).toBe(`"${reply.body.version}"`);
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'No base' }), 428, 'If-Match');
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Future' }, { ifMatch: '"99"' }), 412);
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'x', title: 'no' }, { ifMatch: '"1"' }), 400, 'title');
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/summary`, { body: 'x' }, { ifMatch: '"1"' }), 400, 'param.kind');
  });

  it('merges changes to different paragraphs made from the same version', async () => {
    const first = await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Trips.\n\nExchanges.\n\nEvents.' }, { ifMatch: '"1"' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('ETag')).toBe('"2"');
    expect(first.body).toMatchObject({ section: { kind: 'results', version: 2, updatedBy: { name: 'Officer' } }, notes: { mergedFields: [], approvalsWithdrawn: [] } });
    const theirs = await h.as.editor.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Two trips.\n\nExchanges.\n\nEvents.' }, { ifMatch: '"2"' });
    expect(theirs.status).toBe(200);
    const yours = await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Trips.\n\nExchanges.\n\nThree events.' }, { ifMatch: '"2"' });
    expect(yours.status, JSON.stringify(yours.body)).toBe(200);
    expect(yours.body.section).toMatchObject({ body: 'Two trips.\n\nExchanges.\n\nThree events.', version: 4 });
    expect(yours.body.notes.mergedFields).toEqual(['body']);
  });

  it('answers 409 with base, theirs and yours when both changed the same paragraph', async () => {
    const theirs = await h.as.editor.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Two trips.\n\nMany exchanges.\n\nThree events.' }, { ifMatch: '"4"' });
    expect(theirs.status).toBe(200);
    const yours = await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Two trips.\n\nFew exchanges.\n\nThree events.' }, { ifMatch: '"4"' });
    expectProblem(yours, 409);
    expect(yours.body).toMatchObject({
      status: 409,
      baseVersion: 4,
      current: { kind: 'results', version: 5, body: 'Two trips.\n\nMany exchanges.\n\nThree events.' },
      conflicts: [{ field: 'body', base: 'Two trips.\n\nExchanges.\n\nThree events.', theirs: 'Two trips.\n\nMany exchanges.\n\nThree events.', yours: 'Two trips.\n\nFew exchanges.\n\nThree events.' }]
    });
    expect((await section()).version).toBe(5);
  });

  it('keeps every version in the history and restores an earlier one', async () => {
    const history = await h.as.viewer.get(`/api/evaluations/${evaluationId}/sections/results/history`);
    expect(history.status).toBe(200);
    expect(history.body.entityType).toBe('evaluation_section');
    expect(history.body.items.map((e: { version: number; action: string; mergedFrom: number | null }) => [e.version, e.action, e.mergedFrom])).toEqual([
      [5, 'update', null],
      [4, 'merge', 2],
      [3, 'update', null],
      [2, 'update', null],
      [1, 'create', null]
    ]);
    expect(history.body.items[0]).toMatchObject({ actor: { name: 'Editor' }, changes: [{ field: 'body', before: 'Two trips.\n\nExchanges.\n\nThree events.', after: 'Two trips.\n\nMany exchanges.\n\nThree events.' }] });
    expectProblem(await h.as.officer.post(`/api/evaluations/${evaluationId}/sections/results/restore`, { version: 2 }), 428);
    expectProblem(await h.as.officer.post(`/api/evaluations/${evaluationId}/sections/results/restore`, { version: 42 }, { ifMatch: '"5"' }), 400, 'version');
    const restored = await h.as.officer.post(`/api/evaluations/${evaluationId}/sections/results/restore`, { version: 2 }, { ifMatch: '"5"' });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.section).toMatchObject({ body: 'Trips.\n\nExchanges.\n\nEvents.', version: 6 });
    const after = await h.as.officer.get(`/api/evaluations/${evaluationId}/sections/results/history`);
    expect(after.body.items[0]).toMatchObject({ version: 6, action: 'restore' });
  });
});

describe('co-edited assessments', () => {
  it('merges changes to different fields, answers 409 on the same field, restores a field', async () => {
    const [first] = (await detail()).assessments;
    const url = `/api/evaluations/${evaluationId}/assessments/${first.id}`;
    expectProblem(await h.as.officer.patch(url, { rating: 'achieved' }), 428);
    expectProblem(await h.as.officer.patch(url, {}, { ifMatch: '"1"' }), 400);
    expectProblem(await h.as.officer.patch(url, { rating: 'perfect' }, { ifMatch: '"1"' }), 400, 'rating');
    const rated = await h.as.officer.patch(url, { rating: 'achieved' }, { ifMatch: '"1"' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.headers.get('ETag')).toBe('"2"');
    expect(rated.body.assessment).toMatchObject({ rating: 'achieved', comment: null, version: 2, itemTitle: 'Two delegation trips', itemStatus: 'planned' });
    const commented = await h.as.editor.patch(url, { comment: 'Both trips held.' }, { ifMatch: '"1"' });
    expect(commented.status, JSON.stringify(commented.body)).toBe(200);
    expect(commented.body).toMatchObject({ assessment: { rating: 'achieved', comment: 'Both trips held.', version: 3 }, notes: { mergedFields: ['rating'] } });
    const clash = await h.as.editor.patch(url, { rating: 'partly' }, { ifMatch: '"1"' });
    expectProblem(clash, 409);
    expect(clash.body.conflicts).toEqual([{ field: 'rating', base: null, theirs: 'achieved', yours: 'partly' }]);
    const history = await h.as.viewer.get(`${url}/history`);
    expect(history.body.items.map((e: { version: number; action: string }) => [e.version, e.action])).toEqual([
      [3, 'merge'],
      [2, 'update'],
      [1, 'create']
    ]);
    const restored = await h.as.officer.post(`${url}/restore`, { version: 1, fields: ['rating'] }, { ifMatch: '"3"' });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.assessment).toMatchObject({ rating: null, comment: 'Both trips held.', version: 4 });
    expectProblem(await h.as.officer.post(`${url}/restore`, { version: 1, fields: ['title'] }, { ifMatch: '"4"' }), 400, 'fields.0');
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/assessments/${newId()}`, { rating: 'not_achieved' }, { ifMatch: '"1"' }), 404);
  });

  it('gives items added to the plan later an assessment when they are added, and hides those of removed items', async () => {
    const added = await addItem('A joint stand at the EWRC');
    // made with the item, by the work plan's write: reading the evaluation writes nothing
    const stored = await h.db.selectFrom('evaluation_assessments').select('id').where('work_plan_item_id', '=', added).execute();
    expect(stored).toHaveLength(1);
    const revisionsBefore = await h.db.selectFrom('coedit_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const withIt = await detail(h.as.viewer);
    const revisionsAfter = await h.db.selectFrom('coedit_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(revisionsAfter.n).toBe(revisionsBefore.n);
    expect(withIt.assessments.map((a: { workPlanItemId: string }) => a.workPlanItemId)).toContain(added);
    const assessment = withIt.assessments.find((a: { workPlanItemId: string }) => a.workPlanItemId === added);
    expect(assessment).toMatchObject({ rating: null, version: 1, itemTitle: 'A joint stand at the EWRC' });
    const history = await h.as.viewer.get(`/api/evaluations/${evaluationId}/assessments/${assessment.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    const item = (await h.as.officer.get(`/api/workplans/${planId}`)).body.items.find((i: { id: string }) => i.id === added);
    const removed = await h.as.officer.delete(`/api/workplans/${planId}/items/${added}`, { ifMatch: `"${item.version}"` });
    expect(removed.status, JSON.stringify(removed.body)).toBeLessThan(300);
    expect((await detail()).assessments.map((a: { workPlanItemId: string }) => a.workPlanItemId)).not.toContain(added);
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/assessments/${assessment.id}`, { rating: 'dropped' }, { ifMatch: '"1"' }), 404);
  });
});

describe('approval and adoption', () => {
  it('lets only writers propose, and only a proposed evaluation be approved', async () => {
    expectProblem(await pfb.post(`/api/evaluations/${evaluationId}/approve`, {}), 409);
    expectProblem(await h.as.viewer.post(`/api/evaluations/${evaluationId}/propose`), 403);
    const proposed = await h.as.officer.post(`/api/evaluations/${evaluationId}/propose`);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedAt: expect.any(String) });
    expectProblem(await h.as.officer.post(`/api/evaluations/${evaluationId}/propose`), 409);
    expectProblem(await h.as.editor.post(`/api/evaluations/${evaluationId}/approve`, {}), 403);
  });

  it('withdraws standing approvals when the content changes, and says so', async () => {
    const approved = await h.as.officer.post(`/api/evaluations/${evaluationId}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('proposed');
    expect(approved.body.approvals.map((a: { approved: boolean }) => a.approved)).toEqual([true, false]);
    expect(approved.body.canApproveFor).toEqual([approved.body.parties[0].id]);
    const current = await section('challenges');
    const edit = await h.as.editor.patch(`/api/evaluations/${evaluationId}/sections/challenges`, { body: 'Follow-up of the trips.' }, { ifMatch: `"${current.version}"` });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.notes.approvalsWithdrawn).toEqual(['Verband Region Rhein-Neckar']);
    const after = await detail();
    expect(after.approvals[0]).toMatchObject({ approved: false, withdrawn: { by: { name: 'Editor' }, reason: 'Section “Challenges” changed by Editor' } });
    expect(after.status).toBe('proposed');
  });

  it('lets a party take its approval back', async () => {
    expect((await h.as.officer.post(`/api/evaluations/${evaluationId}/approve`, {})).body.approvals[0].approved).toBe(true);
    const back = await h.as.officer.delete(`/api/evaluations/${evaluationId}/approve`);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.approvals[0]).toMatchObject({ approved: false, withdrawn: { reason: 'Withdrawn by Officer' } });
  });

  it('asks before the last approval adopts an evaluation with items unassessed or sections empty: 409 naming them, nothing stored, unless forced', async () => {
    const before = await detail();
    expect((await h.as.officer.post(`/api/evaluations/${evaluationId}/approve`, {})).body.status).toBe('proposed');
    const unassessed = before.assessments.filter((a: { rating: string | null }) => a.rating === null);
    const empty = before.sections.filter((x: { body: string }) => x.body.trim() === '').map((x: { kind: string }) => x.kind);
    expect(unassessed.length + empty.length).toBeGreaterThan(0);
    const counts = await tableCounts(h);
    const refused = await pfb.post(`/api/evaluations/${evaluationId}/approve`, { partyId: before.parties[1].id });
    expectProblem(refused, 409);
    expect(refused.body.code).toBe('problems_evaluations_adoptIncomplete');
    expect(refused.body.missing).toEqual({
      items: unassessed.map((a: { id: string; itemTitle: string }) => ({ assessmentId: a.id, title: a.itemTitle })),
      sections: empty
    });
    expect(refused.body.detail).toContain('would adopt the evaluation, but it is not complete');
    expect(await tableCounts(h)).toEqual(counts);
    const still = await detail();
    expect(still.status).toBe('proposed');
    expect(still.approvals.map((a: { approved: boolean }) => a.approved)).toEqual([true, false]);
    // an approval that does not adopt is not asked
    expect((await h.as.officer.delete(`/api/evaluations/${evaluationId}/approve`)).status).toBe(200);
    expect((await pfb.post(`/api/evaluations/${evaluationId}/approve`, { partyId: before.parties[1].id })).body.status).toBe('proposed');
    expect((await pfb.delete(`/api/evaluations/${evaluationId}/approve`)).status).toBe(200);
  });

  it('adopts once every party approved, freezing the figures; later edits answer 409', async () => {
    const before = await detail();
    expect((await h.as.officer.post(`/api/evaluations/${evaluationId}/approve`, {})).body.status).toBe('proposed');
    // confirmed although incomplete (the previous test saw it refused without)
    const adopted = await pfb.post(`/api/evaluations/${evaluationId}/approve`, { partyId: before.parties[1].id, force: true });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', adoptedAt: expect.any(String), canEdit: false });
    const frozen = await detail();
    expect(frozen.figuresFrozenAt).toBe(frozen.adoptedAt);
    expect(frozen.figures).toEqual(before.figures);

    // a trip logged after the adoption changes the live count of the year, not the adopted figures
    await logActivity({ startsAt: '2026-11-20T09:00', endsAt: '2026-11-20T17:00' });
    const again = await detail();
    expect(again.figures.activities.total).toBe(before.figures.activities.total);
    const list = await h.as.officer.get(`/api/evaluations?partnershipId=${h.world.partnerships.p1}&year=${YEAR}`);
    expect(list.body.years[0]).toMatchObject({ evaluationId, status: 'adopted', figures: { activities: { total: before.figures.activities.total } } });

    const results = again.sections[0];
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/sections/results`, { body: 'Too late' }, { ifMatch: `"${results.version}"` }), 409);
    expectProblem(await h.as.officer.patch(`/api/evaluations/${evaluationId}/assessments/${again.assessments[0].id}`, { rating: 'partly' }, { ifMatch: `"${again.assessments[0].version}"` }), 409);
    expectProblem(await h.as.officer.post(`/api/evaluations/${evaluationId}/sections/results/restore`, { version: 1 }, { ifMatch: `"${results.version}"` }), 409);
    expectProblem(await h.as.officer.delete(`/api/evaluations/${evaluationId}/approve`), 409);
    expectProblem(await h.as.officer.post(`/api/evaluations/${evaluationId}/propose`), 409);
  });
});

describe('live events', () => {
  /** Reads one SSE stream: `next(name)` waits for the next event of that name. */
  function reader(response: Response) {
    const stream = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const events: { event: string; data: any }[] = [];
    async function next(name: string, wanted: (data: any) => boolean = () => true): Promise<any> {
      for (;;) {
        const index = events.findIndex((e) => e.event === name && wanted(e.data));
        if (index >= 0) return events.splice(0, index + 1).at(-1)!.data;
        const { value, done } = await stream.read();
        if (done) throw new Error(`stream ended before ${name}`);
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    }
    return { next, close: () => stream.cancel() };
  }

  it('tells a second client every change and every presence update', async () => {
    const created = await h.as.officer.post('/api/evaluations', { partnershipId: h.world.partnerships.p1, year: 2027 });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expectProblem(await h.as.outsider.get(`/api/evaluations/${id}/events`), 404);

    const response = await h.app.request(`/api/evaluations/${id}/events`, { headers: { Authorization: `Bearer ${h.world.users.officer.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const officer = reader(response);
    const hello = await officer.next('hello');
    expect(hello.presence.viewers.map((v: { name: string }) => v.name)).toEqual(['Officer']);

    const editorStream = await h.app.request(`/api/evaluations/${id}/events`, { headers: { Authorization: `Bearer ${h.world.users.editor.token}` } });
    const editor = reader(editorStream);
    await editor.next('hello');
    const joined = await officer.next('presence', (p) => p.viewers.length === 2);
    expect(joined.viewers.map((v: { name: string; organisationName: string | null }) => [v.name, v.organisationName])).toEqual([
      ['Officer', 'Verband Region Rhein-Neckar'],
      ['Editor', 'Provincie Vlaams-Brabant']
    ]);

    const section = created.body.sections[0];
    expect((await h.as.editor.put(`/api/evaluations/${id}/presence`, { editing: section.id })).status).toBe(204);
    const editing = await officer.next('presence', (p) => p.viewers.some((v: { editing: string | null }) => v.editing));
    expect(editing.viewers.map((v: { name: string; editing: string | null }) => [v.name, v.editing])).toEqual([
      ['Officer', null],
      ['Editor', section.id]
    ]);
    expectProblem(await h.as.viewer.put(`/api/evaluations/${id}/presence`, { editing: section.id }), 403);

    expect((await h.as.editor.patch(`/api/evaluations/${id}/sections/results`, { body: 'Live text' }, { ifMatch: '"1"' })).status).toBe(200);
    const change = await officer.next('section');
    expect(change).toMatchObject({ action: 'update', record: { id: section.id, body: 'Live text', version: 2 }, actor: { name: 'Editor' }, mergedFields: [] });

    expect((await h.as.officer.post(`/api/evaluations/${id}/propose`)).status).toBe(200);
    const header = await editor.next('document');
    expect(header).toMatchObject({ id, status: 'proposed', canEdit: true, canApproveFor: [] });
    const mine = await officer.next('document');
    expect(mine.canApproveFor).toEqual([created.body.parties[0].id]);

    await editor.close();
    const left = await officer.next('presence', (p) => p.viewers.length === 1);
    expect(left.viewers.map((v: { name: string }) => v.name)).toEqual(['Officer']);
    await officer.close();
  });
});
