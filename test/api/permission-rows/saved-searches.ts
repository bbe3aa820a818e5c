/**
 * Permission rows for saved searches: each user's own; someone else's is
 * 404, a new one for anybody is 201 (not tried: it would add a row). Ids
 * are prefixed `savedSearch…`.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const savedSearches: PermissionRows = {
  async setup(h) {
    const search = await h.as.officer.post('/api/saved-searches', { name: 'Matrix search', criteria: { keyword: 'matrix' } });
    expect(search.status, JSON.stringify(search.body)).toBe(201);
    return { savedSearch: search.body.id };
  },
  rows: {
    'GET /api/saved-searches': { url: () => '/api/saved-searches', outsider: 'ok', viewer: 'ok', hides: (i) => i.savedSearch },
    'POST /api/saved-searches': { url: () => '/api/saved-searches', body: () => ({ name: 'Matrix' }), outsider: 'skip', viewer: 'skip' },
    'GET /api/saved-searches/:id': { url: (i) => `/api/saved-searches/${i.savedSearch}`, outsider: 404, viewer: 404 },
    'PATCH /api/saved-searches/:id': { url: (i) => `/api/saved-searches/${i.savedSearch}`, body: () => ({ name: 'Renamed' }), outsider: 404, viewer: 404 },
    'DELETE /api/saved-searches/:id': { url: (i) => `/api/saved-searches/${i.savedSearch}`, outsider: 404, viewer: 404 }
  }
};
export default savedSearches;
