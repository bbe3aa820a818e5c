/**
 * Permission rows for consent, the retention review and the record of
 * processing (issue 10). The person is core.ts's (`person`, of P1).
 */
import type { PermissionRows } from './types.js';

const privacy: PermissionRows = {
  rows: {
    'GET /api/people/:id/consent': { url: (i) => `/api/people/${i.person}/consent`, outsider: 404, viewer: 'ok' },
    'POST /api/people/:id/consent/withdraw': { url: (i) => `/api/people/${i.person}/consent/withdraw`, body: () => ({ how: 'by e-mail of 3 Dec' }), outsider: 404, viewer: 403 },
    'GET /api/people/retention-review': { url: () => '/api/people/retention-review', outsider: 'ok', viewer: 'ok' },
    'POST /api/people/retention-review/keep': { url: () => '/api/people/retention-review/keep', body: (i) => ({ personIds: [i.person], reason: 'Still our contact' }), outsider: 400, viewer: 403 },
    'POST /api/people/retention-review/erase': { url: () => '/api/people/retention-review/erase', body: (i) => ({ personIds: [i.person] }), outsider: 400, viewer: 403 },
    'GET /api/processing-record': { url: () => '/api/processing-record', outsider: 'ok', viewer: 403 },
    'GET /api/processing-record/document.docx': { url: () => '/api/processing-record/document.docx', outsider: 'ok', viewer: 403 }
  }
};
export default privacy;
