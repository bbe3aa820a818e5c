/** Permission rows for budgets (a budget of VRRN in P1). */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const budgets: PermissionRows = {
  async setup(h) {
    const budget = await h.as.officer.post('/api/budgets', { partnershipId: h.world.partnerships.p1, organisationId: h.world.organisations.vrrn, year: 2026, amount: '20000' });
    expect(budget.status, JSON.stringify(budget.body)).toBe(201);
    return { budget: budget.body.id };
  },
  rows: {
    'GET /api/budgets': { url: () => '/api/budgets', outsider: 'ok', viewer: 'ok', hides: (i) => i.budget },
    'POST /api/budgets': {
      url: () => '/api/budgets',
      body: (i) => ({ partnershipId: i.p1, organisationId: i.pfb, year: 2030, amount: '1000' }),
      outsider: 400,
      viewer: 403
    },
    'GET /api/budgets/:id': { url: (i) => `/api/budgets/${i.budget}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/budgets/:id': { url: (i) => `/api/budgets/${i.budget}`, body: () => ({ amount: '1' }), outsider: 404, viewer: 403 },
    'DELETE /api/budgets/:id': { url: (i) => `/api/budgets/${i.budget}`, outsider: 404, viewer: 403 }
  }
};

export default budgets;
