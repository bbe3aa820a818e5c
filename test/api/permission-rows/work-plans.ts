/**
 * Permission rows for work plans. Ids are prefixed `wp…` so other features'
 * setups cannot overwrite them. The setup adopts revision 1 (approved by
 * both parties) and amends it, so revisions, diffs and item writes exist.
 */
import { expect } from 'vitest';
import { newItem, newPlan, pfbOfficer } from '../../support/work-plans.js';
import type { PermissionRows } from './types.js';

const workPlans: PermissionRows = {
  async setup(h) {
    const plan = await newPlan(h, 2050, { introduction: 'Matrix plan' });
    const item = await newItem(h, plan.id, { title: 'Matrix item' });
    const pfb = (await pfbOfficer(h)).client;
    expect((await h.as.officer.post(`/api/workplans/${plan.id}/propose`)).status).toBe(200);
    expect((await h.as.officer.post(`/api/workplans/${plan.id}/approve`, {})).status).toBe(200);
    expect((await pfb.post(`/api/workplans/${plan.id}/approve`, {})).body.status).toBe('adopted');
    expect((await h.as.officer.post(`/api/workplans/${plan.id}/amend`, { reason: 'Matrix' })).status).toBe(200);
    return { wpPlan: plan.id, wpItem: item.id, wpP1: h.world.partnerships.p1 };
  },
  rows: {
    'GET /api/workplans': { url: () => '/api/workplans', outsider: 'ok', viewer: 'ok', hides: (i) => i.wpPlan },
    'POST /api/workplans': { url: () => '/api/workplans', body: (i) => ({ partnershipId: i.wpP1, year: 2051 }), outsider: 400, viewer: 403 },
    'GET /api/workplans/:id': { url: (i) => `/api/workplans/${i.wpPlan}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/workplans/:id': { url: (i) => `/api/workplans/${i.wpPlan}`, body: () => ({ introduction: 'Changed' }), outsider: 404, viewer: 403 },
    'POST /api/workplans/:id/propose': { url: (i) => `/api/workplans/${i.wpPlan}/propose`, outsider: 404, viewer: 403 },
    'POST /api/workplans/:id/approve': { url: (i) => `/api/workplans/${i.wpPlan}/approve`, body: () => ({}), outsider: 404, viewer: 403 },
    'DELETE /api/workplans/:id/approve': { url: (i) => `/api/workplans/${i.wpPlan}/approve`, outsider: 404, viewer: 403 },
    'POST /api/workplans/:id/amend': { url: (i) => `/api/workplans/${i.wpPlan}/amend`, body: () => ({ reason: 'Matrix' }), outsider: 404, viewer: 403 },
    'GET /api/workplans/:id/revisions/:number': { url: (i) => `/api/workplans/${i.wpPlan}/revisions/1`, outsider: 404, viewer: 'ok' },
    'GET /api/workplans/:id/diff': { url: (i) => `/api/workplans/${i.wpPlan}/diff?from=1`, outsider: 404, viewer: 'ok' },
    'GET /api/workplans/:id/items': { url: (i) => `/api/workplans/${i.wpPlan}/items`, outsider: 404, viewer: 'ok' },
    'POST /api/workplans/:id/items': { url: (i) => `/api/workplans/${i.wpPlan}/items`, body: () => ({ title: 'Matrix' }), outsider: 404, viewer: 403 },
    'PATCH /api/workplans/:id/items/:itemId': { url: (i) => `/api/workplans/${i.wpPlan}/items/${i.wpItem}`, body: () => ({ title: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/workplans/:id/items/:itemId': { url: (i) => `/api/workplans/${i.wpPlan}/items/${i.wpItem}`, outsider: 404, viewer: 403 },
    'POST /api/workplans/:id/items/:itemId/move': { url: (i) => `/api/workplans/${i.wpPlan}/items/${i.wpItem}/move`, body: () => ({ after: null }), outsider: 404, viewer: 403 },
    'GET /api/workplans/:id/items/:itemId/history': { url: (i) => `/api/workplans/${i.wpPlan}/items/${i.wpItem}/history`, outsider: 404, viewer: 'ok' },
    'POST /api/workplans/:id/items/:itemId/restore': { url: (i) => `/api/workplans/${i.wpPlan}/items/${i.wpItem}/restore`, body: () => ({ version: 1 }), outsider: 404, viewer: 403 },
    // the stream never ends by itself: its reading is tested in work-plan-events.test.ts
    'GET /api/workplans/:id/events': { url: (i) => `/api/workplans/${i.wpPlan}/events`, outsider: 404, viewer: 'skip' },
    'PUT /api/workplans/:id/presence': { url: (i) => `/api/workplans/${i.wpPlan}/presence`, body: () => ({ editing: null }), outsider: 404, viewer: 'ok' }
  }
};
export default workPlans;
