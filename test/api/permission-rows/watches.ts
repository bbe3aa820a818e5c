/**
 * Permission rows for watching calls. Calls are public: every signed-in
 * user may watch one (a successful write would change data, so writes are
 * tried on a call that does not exist: 404 for everyone). Ids are prefixed
 * `watch…`.
 */
import { expect } from 'vitest';
import { insertCallDirect } from '../../support/calls-direct.js';
import type { PermissionRows } from './types.js';

const MISSING = '00000000-0000-7000-8000-000000000000';

const watches: PermissionRows = {
  async setup(h) {
    const call = await insertCallDirect(h.db, { identifier: 'MATRIX-WATCH-1', deadlines: [{ at: '2027-03-25T16:00:00Z' }] });
    const watched = await h.as.officer.put(`/api/calls/${call.id}/watch`);
    expect(watched.status, JSON.stringify(watched.body)).toBe(200);
    return { watchCall: call.id };
  },
  rows: {
    'GET /api/calls/watched': { url: () => '/api/calls/watched', outsider: 'ok', viewer: 'ok', hides: (i) => i.watchCall },
    'GET /api/calls/:id/watch': { url: (i) => `/api/calls/${i.watchCall}/watch`, outsider: 'ok', viewer: 'ok' },
    'PUT /api/calls/:id/watch': { url: () => `/api/calls/${MISSING}/watch`, outsider: 404, viewer: 404 },
    'DELETE /api/calls/:id/watch': { url: () => `/api/calls/${MISSING}/watch`, outsider: 404, viewer: 404 }
  }
};
export default watches;
