/**
 * Permission rows for a person's rights (/api/people/{id}/…): the access log
 * is for system administrators, the export for writers; both 404 to
 * outsiders. Uses core.ts's person. (Erasure is DELETE /api/people/:id, in core.ts.)
 */
import type { PermissionRows } from './types.js';

const personRights: PermissionRows = {
  rows: {
    'GET /api/people/:id/reads': { url: (i) => `/api/people/${i.person}/reads`, outsider: 404, viewer: 403, officer: 403 },
    'GET /api/people/:id/rights': { url: (i) => `/api/people/${i.person}/rights`, outsider: 404, viewer: 'ok' },
    'GET /api/people/:id/export': { url: (i) => `/api/people/${i.person}/export`, outsider: 404, viewer: 403 },
    'GET /api/people/:id/export.docx': { url: (i) => `/api/people/${i.person}/export.docx`, outsider: 404, viewer: 403 }
  }
};
export default personRights;
