/** Permission rows for the cost items of an activity (an activity of P1). */
import { expect } from 'vitest';
import { logActivity } from '../../support/activities.js';
import type { PermissionRows } from './types.js';

const costBody = () => ({ category: 'travel', amount: '120.00' });

const costs: PermissionRows = {
  async setup(h) {
    const costActivity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Matrix cost trip' });
    const cost = await h.as.officer.post(`/api/activities/${costActivity}/costs`, { category: 'travel', amount: '250.00', paidByOrganisationId: h.world.organisations.vrrn });
    expect(cost.status, JSON.stringify(cost.body)).toBe(201);
    return { costActivity, cost: cost.body.id };
  },
  rows: {
    'GET /api/activities/:id/costs': { url: (i) => `/api/activities/${i.costActivity}/costs`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/costs': { url: (i) => `/api/activities/${i.costActivity}/costs`, body: costBody, outsider: 404, viewer: 403 },
    'PATCH /api/activities/:id/costs/:costId': { url: (i) => `/api/activities/${i.costActivity}/costs/${i.cost}`, body: () => ({ state: 'spent' }), outsider: 404, viewer: 403 },
    'DELETE /api/activities/:id/costs/:costId': { url: (i) => `/api/activities/${i.costActivity}/costs/${i.cost}`, outsider: 404, viewer: 403 }
  }
};

export default costs;
