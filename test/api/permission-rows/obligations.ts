/**
 * Permission rows for the annual cycle's obligations and reminders
 * (/api/partnerships/:id/obligations and …/cycle). Ids are prefixed `cycle…`.
 */
import type { PermissionRows } from './types.js';

const obligations: PermissionRows = {
  async setup(h) {
    return { cycleP1: h.world.partnerships.p1 };
  },
  rows: {
    'GET /api/partnerships/:id/obligations': { url: (i) => `/api/partnerships/${i.cycleP1}/obligations?year=2026`, outsider: 404, viewer: 'ok' },
    'GET /api/partnerships/:id/cycle': { url: (i) => `/api/partnerships/${i.cycleP1}/cycle`, outsider: 404, viewer: 'ok' },
    'PATCH /api/partnerships/:id/cycle': { url: (i) => `/api/partnerships/${i.cycleP1}/cycle`, body: () => ({ leadWeeks: 6 }), outsider: 404, viewer: 403 },
    'POST /api/partnerships/:id/cycle/run': { url: (i) => `/api/partnerships/${i.cycleP1}/cycle/run`, outsider: 404, viewer: 403 }
  }
};
export default obligations;
