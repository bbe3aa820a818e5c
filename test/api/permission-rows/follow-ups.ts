/**
 * Permission rows for follow-ups: the proposal and creation under an
 * activity, the default rule under a partnership. Ids are prefixed `fu…`.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const followUps: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const activity = await h.as.officer.post('/api/activities', {
      type: 'expert_exchange',
      partnershipIds: [w.partnerships.p1],
      title: 'Matrix exchange',
      startsAt: '2026-06-01T09:00',
      endsAt: '2026-06-02T17:00',
      timeZone: 'Europe/Brussels',
      status: 'done'
    });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    return { fuActivity: activity.body.id, fuP1: w.partnerships.p1 };
  },
  rows: {
    'GET /api/activities/:id/follow-ups/proposal': { url: (i) => `/api/activities/${i.fuActivity}/follow-ups/proposal`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/follow-ups': { url: (i) => `/api/activities/${i.fuActivity}/follow-ups`, body: () => ({}), outsider: 404, viewer: 403 },
    'GET /api/partnerships/:id/follow-up-rule': { url: (i) => `/api/partnerships/${i.fuP1}/follow-up-rule`, outsider: 404, viewer: 'ok' },
    'PUT /api/partnerships/:id/follow-up-rule': { url: (i) => `/api/partnerships/${i.fuP1}/follow-up-rule`, body: () => ({ rule: 'FREQ=MONTHLY;COUNT=1' }), outsider: 404, viewer: 403 }
  }
};
export default followUps;
