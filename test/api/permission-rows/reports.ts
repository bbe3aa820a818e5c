/**
 * Permission rows for the annual cycle's Word documents
 * (/api/workplans/{id}.docx, /api/evaluations/{id}.docx). Ids are prefixed
 * `report…`; the plan and evaluation are of 2041 so no other setup's year collides.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const reports: PermissionRows = {
  async setup(h) {
    const p1 = h.world.partnerships.p1;
    const plan = await h.as.officer.post('/api/workplans', { partnershipId: p1, year: 2041 });
    const evaluation = await h.as.officer.post('/api/evaluations', { partnershipId: p1, year: 2041 });
    for (const r of [plan, evaluation]) expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { reportWorkPlan: plan.body.id, reportEvaluation: evaluation.body.id };
  },
  rows: {
    'GET /api/workplans/:file{[\\w-]+\\.docx}': { url: (i) => `/api/workplans/${i.reportWorkPlan}.docx`, outsider: 404, viewer: 'ok' },
    'GET /api/evaluations/:file{[\\w-]+\\.docx}': { url: (i) => `/api/evaluations/${i.reportEvaluation}.docx`, outsider: 404, viewer: 'ok' }
  }
};
export default reports;
