/** Permission rows for matchmaking (a read: viewers may, outsiders see nothing of P1). */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const matchmaking: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const activity = await h.as.officer.post('/api/activities', {
      type: 'matchmaking_event',
      partnershipIds: [w.partnerships.p1],
      title: 'Matrix matchmaking',
      startsAt: '2026-06-10T09:00',
      endsAt: '2026-06-10T17:00',
      timeZone: 'Europe/Brussels',
      domainIds: ['domain-health']
    });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    return { mmActivity: activity.body.id, mmP1: w.partnerships.p1 };
  },
  rows: {
    'GET /api/matchmaking': { url: (i) => `/api/matchmaking?activityId=${i.mmActivity}`, outsider: 404, viewer: 'ok' }
  }
};
export default matchmaking;
