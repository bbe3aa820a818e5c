/**
 * Permission rows for evaluations: P1's evaluation of 2039 (a year no other
 * setup uses, so reading it adds no assessment during the matrix) with the
 * one item of that year's work plan assessed. Ids are prefixed `evaluation…`.
 * The live stream is tried only where it is refused (an open stream never
 * ends).
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const YEAR = 2039;

const evaluations: PermissionRows = {
  async setup(h) {
    const p1 = h.world.partnerships.p1;
    const plan = await h.as.officer.post('/api/workplans', { partnershipId: p1, year: YEAR });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const item = await h.as.officer.post(`/api/workplans/${plan.body.id}/items`, { title: 'Matrix item' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const evaluation = await h.as.officer.post('/api/evaluations', { partnershipId: p1, year: YEAR });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(201);
    expect(evaluation.body.assessments).toHaveLength(1);
    return { evaluation: evaluation.body.id, evaluationAssessment: evaluation.body.assessments[0].id, evaluationP1: p1 };
  },
  rows: {
    'GET /api/evaluations': { url: (i) => `/api/evaluations?partnershipId=${i.evaluationP1}&year=${YEAR}`, outsider: 404, viewer: 'ok', hides: (i) => i.evaluation },
    'POST /api/evaluations': { url: () => '/api/evaluations', body: (i) => ({ partnershipId: i.evaluationP1, year: YEAR + 1 }), outsider: 400, viewer: 403 },
    'GET /api/evaluations/:id': { url: (i) => `/api/evaluations/${i.evaluation}`, outsider: 404, viewer: 'ok' },
    'GET /api/evaluations/:id/events': { url: (i) => `/api/evaluations/${i.evaluation}/events`, outsider: 404, viewer: 'skip' },
    'PUT /api/evaluations/:id/presence': { url: (i) => `/api/evaluations/${i.evaluation}/presence`, body: () => ({ editing: null }), outsider: 404, viewer: 'ok' },
    'PATCH /api/evaluations/:id/sections/:kind': { url: (i) => `/api/evaluations/${i.evaluation}/sections/results`, body: () => ({ body: 'Matrix' }), outsider: 404, viewer: 403 },
    'GET /api/evaluations/:id/sections/:kind/history': { url: (i) => `/api/evaluations/${i.evaluation}/sections/results/history`, outsider: 404, viewer: 'ok' },
    'POST /api/evaluations/:id/sections/:kind/restore': { url: (i) => `/api/evaluations/${i.evaluation}/sections/results/restore`, body: () => ({ version: 1 }), outsider: 404, viewer: 403 },
    'PATCH /api/evaluations/:id/assessments/:assessmentId': {
      url: (i) => `/api/evaluations/${i.evaluation}/assessments/${i.evaluationAssessment}`,
      body: () => ({ rating: 'achieved' }),
      outsider: 404,
      viewer: 403
    },
    'GET /api/evaluations/:id/assessments/:assessmentId/history': { url: (i) => `/api/evaluations/${i.evaluation}/assessments/${i.evaluationAssessment}/history`, outsider: 404, viewer: 'ok' },
    'POST /api/evaluations/:id/assessments/:assessmentId/restore': {
      url: (i) => `/api/evaluations/${i.evaluation}/assessments/${i.evaluationAssessment}/restore`,
      body: () => ({ version: 1 }),
      outsider: 404,
      viewer: 403
    },
    'POST /api/evaluations/:id/propose': { url: (i) => `/api/evaluations/${i.evaluation}/propose`, outsider: 404, viewer: 403 },
    'POST /api/evaluations/:id/approve': { url: (i) => `/api/evaluations/${i.evaluation}/approve`, body: () => ({}), outsider: 404, viewer: 403 },
    'DELETE /api/evaluations/:id/approve': { url: (i) => `/api/evaluations/${i.evaluation}/approve`, outsider: 404, viewer: 403 }
  }
};
export default evaluations;
