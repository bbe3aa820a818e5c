import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { auditActions } from '../../support/crm.js';
import { tableCounts } from '../../support/database.js';
import { expectProblem } from '../../support/http.js';
import { createProposal } from '../../support/proposals.js';

let h: ApiHarness;
let p1: string;
beforeAll(async () => {
  h = await apiHarness();
  p1 = h.world.partnerships.p1;
});
afterAll(() => h.close());

const REGIOWIN = 'scoring-regiowin-2030-ltp';
const levels = (...points: number[]) => points.map((p) => ({ points: p, description: `Level worth ${p}` }));

/** Three criteria worth 1, 3 or 5, weighing 1, 1.5 (the group's chapter weight) and 2: at best 22.5. */
const handCase = {
  name: 'Hand-computed matrix',
  partnershipId: '',
  groups: [
    { code: 'a', title: 'Quality', criteria: [{ number: 1, title: 'Coherence', levels: levels(1, 3, 5) }] },
    {
      code: 'b',
      title: 'Impact',
      weight: '1.5',
      criteria: [
        { number: 2, title: 'Reach', levels: levels(5, 1, 3) },
        { number: 3, title: 'Durability', weight: 2, levels: levels(1, 3, 5) }
      ]
    }
  ]
};

async function createMatrix() {
  const created = await h.as.officer.post('/api/scoring-matrices', { ...handCase, partnershipId: p1 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const criterionIds = (matrix: { groups: { criteria: { id: string }[] }[] }) => matrix.groups.flatMap((g) => g.criteria.map((c) => c.id));

describe('/api/scoring-matrices', () => {
  it('has the RegioWIN 2030 lighthouse-project matrix of seed 002 for everyone', async () => {
    const read = await h.as.outsider.get(`/api/scoring-matrices/${REGIOWIN}`);
    expect(read.status).toBe(200);
    const matrix = read.body;
    expect(matrix).toMatchObject({ id: REGIOWIN, partnershipId: null, criteriaCount: 19, maxWeightedTotal: 95, scored: false });
    expect(matrix.groups.map((g: { code: string }) => g.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    const criteria = matrix.groups.flatMap((g: { criteria: unknown[] }) => g.criteria);
    expect(criteria.map((c: { number: number }) => c.number)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(criteria.every((c: { levels: { points: number }[]; weight: string }) => c.weight === '1' && c.levels.map((l) => l.points).join() === '1,3,5')).toBe(true);
    expect(criteria[1]).toMatchObject({ id: `${REGIOWIN}-c06`, title: 'Finanzierbarkeit der Maßnahme (Financial feasibility of the measure)', levels: [{ points: 1, description: 'Kostenplan nicht aussagekräftig, Finanzierung unklar' }, { points: 3 }, { points: 5 }] });
    expect(matrix.groups[8].title).toBe('Strategische Bedeutung des Projektes für die Region (Strategic importance of the project for the region)');
    const list = await h.as.viewer.get('/api/scoring-matrices');
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(REGIOWIN);
  });

  it('creates a partnership’s own matrix with chapter weights, for its admins and officers only', async () => {
    const matrix = await createMatrix();
    expect(matrix).toMatchObject({ name: 'Hand-computed matrix', partnershipId: p1, criteriaCount: 3, maxWeightedTotal: 22.5, scored: false, version: 1 });
    expect(matrix.groups[1].criteria.map((c: { weight: string; levels: { points: number }[] }) => [c.weight, c.levels.map((l) => l.points)])).toEqual([
      ['1.5', [1, 3, 5]],
      ['2', [1, 3, 5]]
    ]);
    expect(await auditActions(h, 'scoring_matrix', matrix.id)).toEqual(['create']);
    expect((await h.as.viewer.get(`/api/audit?entityType=scoring_matrix&entityId=${matrix.id}`)).status).toBe(200);
    expectProblem(await h.as.outsider.get(`/api/scoring-matrices/${matrix.id}`), 404);
    expect((await h.as.outsider.get('/api/scoring-matrices')).body.items.map((m: { id: string }) => m.id)).toEqual([REGIOWIN]);
    expect((await h.as.viewer.get(`/api/scoring-matrices?partnershipId=${p1}`)).body.items.map((m: { id: string }) => m.id)).toEqual([matrix.id, REGIOWIN]);

    const before = await tableCounts(h);
    expectProblem(await h.as.editor.post('/api/scoring-matrices', { ...handCase, partnershipId: p1 }), 403);
    expectProblem(await h.as.viewer.post('/api/scoring-matrices', { ...handCase, partnershipId: p1 }), 403);
    expectProblem(await h.as.officer.post('/api/scoring-matrices', { ...handCase, partnershipId: null }), 403);
    expectProblem(await h.as.officer.patch(`/api/scoring-matrices/${REGIOWIN}`, { name: 'Mine now' }), 403);
    expectProblem(await h.as.outsider.post('/api/scoring-matrices', { ...handCase, partnershipId: p1 }), 400, 'partnershipId');
    expect(await tableCounts(h)).toEqual(before);
    const global = await h.as.sysadmin.post('/api/scoring-matrices', { ...handCase, name: 'For everyone', partnershipId: null });
    expect(global.status).toBe(201);
    expect((await h.as.outsider.get(`/api/scoring-matrices/${global.body.id}`)).status).toBe(200);
  });

  it('refuses bad matrices with field errors and stores nothing', async () => {
    const before = await tableCounts(h);
    const post = (body: Record<string, unknown>) => h.as.officer.post('/api/scoring-matrices', { ...handCase, partnershipId: p1, ...body });
    const group = (criteria: unknown[], extra: Record<string, unknown> = {}) => [{ code: 'a', title: 'A', criteria, ...extra }];
    expectProblem(await post({ name: '' }), 400, 'name');
    expectProblem(await post({ groups: [] }), 400, 'groups');
    expectProblem(await post({ groups: [handCase.groups[0], handCase.groups[0]] }), 400, 'groups.1.code');
    expectProblem(await post({ groups: group([]) }), 400, 'groups.0.criteria');
    expectProblem(await post({ groups: group([{ title: 'One level', levels: levels(3) }]) }), 400, 'groups.0.criteria.0.levels');
    expectProblem(await post({ groups: group([{ title: 'Twice', levels: levels(1, 3, 3) }]) }), 400, 'groups.0.criteria.0.levels.2.points');
    expectProblem(await post({ groups: group([{ title: 'Fractions', levels: levels(1, 2.5) }]) }), 400, 'groups.0.criteria.0.levels.1.points');
    expectProblem(await post({ groups: group([{ title: 'Weightless', weight: '0', levels: levels(1, 5) }]) }), 400, 'groups.0.criteria.0.weight');
    expectProblem(await post({ groups: group([{ title: 'Heavy', levels: levels(1, 5) }], { weight: '1.555' }) }), 400, 'groups.0.weight');
    expectProblem(await post({ partnershipId: 'no-such-partnership' }), 400, 'partnershipId');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('renames with If-Match, and replaces criteria only until someone scored with them', async () => {
    const matrix = await createMatrix();
    const renamed = await h.as.officer.patch(`/api/scoring-matrices/${matrix.id}`, { name: 'Lighthouse 2027' }, { ifMatch: '"1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    const stale = await h.as.admin.patch(`/api/scoring-matrices/${matrix.id}`, { name: 'Other' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ name: 'Lighthouse 2027', version: 2 });
    const replaced = await h.as.officer.patch(`/api/scoring-matrices/${matrix.id}`, { groups: [{ code: 'x', title: 'Only', criteria: [{ title: 'One', levels: levels(0, 10) }] }] });
    expect(replaced.body).toMatchObject({ criteriaCount: 1, maxWeightedTotal: 10 });
    const proposal = await createProposal(h.as.editor, { acronym: 'FROZEN', partnershipId: p1, scoringMatrixId: matrix.id });
    await h.as.editor.put(`/api/proposals/${proposal.id}/scores`, { scores: [{ criterionId: criterionIds(replaced.body)[0], points: 10 }] });
    expect((await h.as.officer.get(`/api/scoring-matrices/${matrix.id}`)).body.scored).toBe(true);
    expectProblem(await h.as.officer.patch(`/api/scoring-matrices/${matrix.id}`, { groups: handCase.groups }), 409, 'groups');
    expect((await h.as.officer.patch(`/api/scoring-matrices/${matrix.id}`, { description: 'Still allowed' })).body.description).toBe('Still allowed');
    expect(await auditActions(h, 'scoring_matrix', matrix.id)).toEqual(['create', 'update', 'update', 'update']);
  });
});

describe('/api/proposals/:id/scores', () => {
  it('scores the hand-computed case by three reviewers independently', async () => {
    const matrix = await createMatrix();
    const [c1, c2, c3] = criterionIds(matrix);
    const proposal = await createProposal(h.as.editor, { acronym: 'SCORED', partnershipId: p1 });
    const url = `/api/proposals/${proposal.id}/scores`;
    const empty = await h.as.viewer.get(url);
    expect(empty.body).toEqual({ proposalId: proposal.id, matrixId: null, locked: false, lockedAt: null, maxWeightedTotal: null, criteria: [], reviewers: [], completeReviewers: 0, meanWeightedTotal: null, spread: null });
    expectProblem(await h.as.admin.put(url, { scores: [{ criterionId: c1, points: 5 }] }), 400, 'matrixId');

    const anna = await h.as.admin.put(url, { matrixId: matrix.id, scores: [{ criterionId: c1, points: 5, comment: 'Clear structure' }, { criterionId: c2, points: 3 }, { criterionId: c3, points: 1 }] });
    expect(anna.status, JSON.stringify(anna.body)).toBe(200);
    expect((await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body.scoringMatrixId).toBe(matrix.id);
    await h.as.officer.put(url, { scores: [{ criterionId: c1, points: 3 }, { criterionId: c2, points: 5 }, { criterionId: c3, points: 3 }] });
    await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 1 }, { criterionId: c2, points: 1 }] });

    const sheet = (await h.as.viewer.get(url)).body;
    expect(sheet).toMatchObject({ matrixId: matrix.id, locked: false, maxWeightedTotal: 22.5, completeReviewers: 2, meanWeightedTotal: 14, spread: 5 });
    expect(sheet.reviewers.map((r: { name: string; weightedTotal: number; rawTotal: number; complete: boolean }) => [r.name, r.weightedTotal, r.rawTotal, r.complete])).toEqual([
      ['Admin', 11.5, 9, true],
      ['Editor', 2.5, 2, false],
      ['Officer', 16.5, 11, true]
    ]);
    expect(sheet.reviewers[0].scores[0]).toMatchObject({ criterionId: c1, points: 5, comment: 'Clear structure' });
    expect(sheet.criteria.map((c: { number: number; weight: string; mean: number; spread: number }) => [c.number, c.weight, c.mean, c.spread])).toEqual([
      [1, '1', 3, 4],
      [2, '1.5', 3, 4],
      [3, '2', 2, 2]
    ]);

    // a reviewer changes a score and takes another back
    const changed = await h.as.editor.put(url, { scores: [{ criterionId: c3, points: 5 }, { criterionId: c2, points: null }] });
    expect(changed.body.reviewers.find((r: { name: string }) => r.name === 'Editor')).toMatchObject({ weightedTotal: 11, scoredCriteria: 2, complete: false });
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update', 'update', 'update']);
  });

  it('accepts only the criterion’s level points and the proposal’s own matrix, and stores nothing otherwise', async () => {
    const matrix = await createMatrix();
    const other = await createMatrix();
    const [c1] = criterionIds(matrix);
    const proposal = await createProposal(h.as.editor, { acronym: 'STRICT', partnershipId: p1, scoringMatrixId: matrix.id });
    const url = `/api/proposals/${proposal.id}/scores`;
    const before = await tableCounts(h);
    const wrong = await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 4 }] });
    expectProblem(wrong, 400, 'scores.0.points');
    expect(wrong.body.errors[0].message).toBe('Choose one of the levels: 1, 3, 5 points.');
    expectProblem(await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 5 }, { criterionId: criterionIds(other)[0], points: 5 }] }), 400, 'scores.1.criterionId');
    expectProblem(await h.as.editor.put(url, { scores: [{ criterionId: `${REGIOWIN}-c05`, points: 5 }] }), 400, 'scores.0.criterionId');
    expectProblem(await h.as.editor.put(url, { scores: [] }), 400, 'scores');
    expectProblem(await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 5 }, { criterionId: c1, points: 3 }] }), 400, 'scores.1.criterionId');
    expectProblem(await h.as.editor.put(url, { scores: [{ criterionId: c1, points: '5' }] }), 400, 'scores.0.points');
    expectProblem(await h.as.editor.put(url, { matrixId: other.id, scores: [{ criterionId: c1, points: 5 }] }), 409, 'matrixId');
    expectProblem(await h.as.viewer.put(url, { scores: [{ criterionId: c1, points: 5 }] }), 403);
    expectProblem(await h.as.outsider.put(url, { scores: [{ criterionId: c1, points: 5 }] }), 404);
    expectProblem(await h.as.outsider.get(url), 404);
    expect(await tableCounts(h)).toEqual(before);
    // once scored, the proposal keeps its matrix
    await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 5 }] });
    expectProblem(await h.as.editor.patch(`/api/proposals/${proposal.id}`, { scoringMatrixId: other.id }), 409, 'scoringMatrixId');
    expectProblem(await h.as.editor.patch(`/api/proposals/${proposal.id}`, { scoringMatrixId: 'no-such-matrix' }), 400, 'scoringMatrixId');
  });

  it('is locked by an admin or officer: further scores answer 409 until unlocked', async () => {
    const matrix = await createMatrix();
    const [c1] = criterionIds(matrix);
    const proposal = await createProposal(h.as.editor, { acronym: 'LOCKED', partnershipId: p1, scoringMatrixId: matrix.id });
    const url = `/api/proposals/${proposal.id}/scores`;
    await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 3 }] });
    expectProblem(await h.as.editor.post(`${url}/lock`), 403);
    expectProblem(await h.as.viewer.post(`${url}/lock`), 403);
    expectProblem(await h.as.outsider.post(`${url}/lock`), 404);
    const locked = await h.as.officer.post(`${url}/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ locked: true, lockedAt: expect.any(String) });
    expect((await h.as.officer.post(`${url}/lock`)).body.lockedAt).toBe(locked.body.lockedAt);
    const proposalNow = (await h.as.viewer.get(`/api/proposals/${proposal.id}`)).body;
    expect(proposalNow).toMatchObject({ scoringLockedAt: locked.body.lockedAt, version: 2 });

    const before = await tableCounts(h);
    const refused = await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 5 }] });
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('locked');
    expectProblem(await h.as.admin.put(url, { scores: [{ criterionId: c1, points: 1 }] }), 409);
    expectProblem(await h.as.editor.patch(`/api/proposals/${proposal.id}`, { scoringMatrixId: REGIOWIN }), 409, 'scoringMatrixId');
    expectProblem(await h.as.editor.delete(`${url}/lock`), 403);
    expectProblem(await h.as.outsider.delete(`${url}/lock`), 404);
    expect(await tableCounts(h)).toEqual(before);
    expect((await h.as.viewer.get(url)).body.reviewers[0].scores[0].points).toBe(3);

    const unlocked = await h.as.admin.delete(`${url}/lock`);
    expect(unlocked.body).toMatchObject({ locked: false, lockedAt: null });
    expect((await h.as.editor.put(url, { scores: [{ criterionId: c1, points: 5 }] })).status).toBe(200);
    expect(await auditActions(h, 'proposal', proposal.id)).toEqual(['create', 'update', 'update', 'update', 'update']);
  });

  it('ranks a partnership’s candidates by mean weighted total', async () => {
    const matrix = await createMatrix();
    const ids = criterionIds(matrix);
    const score = async (acronym: string, sheets: [keyof ApiHarness['as'], number[]][]) => {
      const proposal = await createProposal(h.as.editor, { acronym, partnershipId: p1, scoringMatrixId: matrix.id });
      for (const [who, points] of sheets) {
        const reply = await h.as[who].put(`/api/proposals/${proposal.id}/scores`, { scores: points.map((p, i) => ({ criterionId: ids[i], points: p })) });
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      }
      return proposal.id;
    };
    // weighted totals: BIO 5+7.5+10 = 22.5 and 3+4.5+6 = 13.5 → mean 18, spread 9
    //                  HAI 3+7.5+6 = 16.5 → 16.5;  RAUM 1+1.5+2 = 4.5 and 5+4.5+2 = 11.5 → 8
    //                  NONE only a partial sheet → no rank
    await score('HAI', [['admin', [3, 5, 3]]]);
    const bio = await score('BIO', [
      ['admin', [5, 5, 5]],
      ['officer', [3, 3, 3]]
    ]);
    await score('RAUM', [
      ['editor', [1, 1, 1]],
      ['officer', [5, 3, 1]]
    ]);
    await score('NONE', [['editor', [5]]]);
    await h.as.officer.post(`/api/proposals/${bio}/scores/lock`);
    const ranking = await h.as.viewer.get(`/api/scoring-matrices/${matrix.id}/ranking?partnershipId=${p1}`);
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ matrixId: matrix.id, partnershipId: p1, maxWeightedTotal: 22.5 });
    expect(ranking.body.items.map((i: { rank: number | null; acronym: string; meanWeightedTotal: number | null; spread: number | null; completeReviewers: number; locked: boolean }) => [i.rank, i.acronym, i.meanWeightedTotal, i.spread, i.completeReviewers, i.locked])).toEqual([
      [1, 'BIO', 18, 9, 2, true],
      [2, 'HAI', 16.5, 0, 1, false],
      [3, 'RAUM', 8, 7, 2, false],
      [null, 'NONE', null, null, 0, false]
    ]);
    expectProblem(await h.as.outsider.get(`/api/scoring-matrices/${matrix.id}/ranking?partnershipId=${p1}`), 404);
    expectProblem(await h.as.outsider.get(`/api/scoring-matrices/${REGIOWIN}/ranking?partnershipId=${p1}`), 404);
    expectProblem(await h.as.viewer.get(`/api/scoring-matrices/${matrix.id}/ranking`), 400, 'query.partnershipId');
    expect((await h.as.viewer.get(`/api/scoring-matrices/${REGIOWIN}/ranking?partnershipId=${p1}`)).body.items).toEqual([]);
  });
});
