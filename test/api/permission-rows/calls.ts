/**
 * Permission rows for funding calls: shared reference data, so every
 * signed-in user reads them. Writers anywhere (the outsider too) may write;
 * to change nothing the rows send writes that are refused after the role
 * check (a taken identifier, a missing programme). Deleting is for system
 * administrators. Ids are prefixed `funding…`.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const calls: PermissionRows = {
  async setup(h) {
    const call = await h.as.officer.post('/api/calls', {
      identifier: 'MATRIX-CALL-2027',
      title: 'Matrix call',
      programmeId: 'programme-life',
      deadlines: [{ at: '2027-09-23T17:00' }]
    });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    return { fundingCall: call.body.id };
  },
  rows: {
    'GET /api/calls': { url: () => '/api/calls', outsider: 'ok', viewer: 'ok' },
    'POST /api/calls': { url: () => '/api/calls', body: () => ({ identifier: 'MATRIX-CALL-2027', title: 'Taken identifier' }), outsider: 409, viewer: 403 },
    'GET /api/calls/:id': { url: (i) => `/api/calls/${i.fundingCall}`, outsider: 'ok', viewer: 'ok' },
    'PATCH /api/calls/:id': { url: (i) => `/api/calls/${i.fundingCall}`, body: () => ({ programmeId: 'programme-does-not-exist' }), outsider: 400, viewer: 403 },
    'DELETE /api/calls/:id': { url: (i) => `/api/calls/${i.fundingCall}`, outsider: 403, viewer: 403, officer: 403 },
    'GET /api/calls/:id/deadline-changes': { url: (i) => `/api/calls/${i.fundingCall}/deadline-changes`, outsider: 'ok', viewer: 'ok' }
  }
};

export default calls;
