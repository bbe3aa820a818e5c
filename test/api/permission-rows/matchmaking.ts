/** Permission rows for matchmaking (the read: viewers may, outsiders see nothing of P1; an introduction is a task: viewers may not, outsiders cannot name P1's organisations). */
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
    const organisation = await h.as.officer.post('/api/organisations', { name: 'Matrix cluster', kind: 'cluster_intermediary', country: 'DE', regionId: w.regions.rheinNeckar, partnershipIds: [w.partnerships.p1] });
    expect(organisation.status, JSON.stringify(organisation.body)).toBe(201);
    return { mmActivity: activity.body.id, mmP1: w.partnerships.p1, mmOrganisation: organisation.body.id, mmPfb: w.organisations.pfb };
  },
  rows: {
    'GET /api/matchmaking': { url: (i) => `/api/matchmaking?activityId=${i.mmActivity}`, outsider: 404, viewer: 'ok' },
    'POST /api/matchmaking/introductions': {
      url: () => '/api/matchmaking/introductions',
      body: (i) => ({ organisationAId: i.mmOrganisation, organisationBId: i.mmPfb, partnershipId: i.mmP1 }),
      outsider: 400,
      viewer: 403
    }
  }
};
export default matchmaking;
