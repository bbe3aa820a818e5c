/**
 * Permission rows for funding programmes: shared reference data, so every
 * signed-in user reads them. Writers anywhere (the outsider too) may write;
 * to change nothing the rows send writes that are refused after the role
 * check (a taken code, a missing parent). Deleting is for system
 * administrators. Ids are prefixed `funding…`.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const programmes: PermissionRows = {
  async setup(h) {
    const programme = await h.as.officer.post('/api/programmes', { code: 'MATRIX-PROGRAMME', name: 'Matrix programme', family: 'other' });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    return { fundingProgramme: programme.body.id };
  },
  rows: {
    'GET /api/programmes': { url: () => '/api/programmes', outsider: 'ok', viewer: 'ok' },
    'POST /api/programmes': { url: () => '/api/programmes', body: () => ({ code: 'MATRIX-PROGRAMME', name: 'Taken code', family: 'other' }), outsider: 409, viewer: 403 },
    'GET /api/programmes/:id': { url: (i) => `/api/programmes/${i.fundingProgramme}`, outsider: 'ok', viewer: 'ok' },
    'PATCH /api/programmes/:id': { url: (i) => `/api/programmes/${i.fundingProgramme}`, body: () => ({ parentId: 'programme-does-not-exist' }), outsider: 400, viewer: 403 },
    'DELETE /api/programmes/:id': { url: (i) => `/api/programmes/${i.fundingProgramme}`, outsider: 403, viewer: 403, officer: 403 }
  }
};

export default programmes;
