/**
 * Permission rows for the deadline dashboard: every signed-in user reads
 * it; milestones of P1's proposals must not reach the outsider (the
 * dashboard test proves that with a milestone of its own).
 */
import type { PermissionRows } from './types.js';

const deadlines: PermissionRows = {
  rows: {
    'GET /api/deadlines': { url: () => '/api/deadlines?days=366', outsider: 'ok', viewer: 'ok' }
  }
};

export default deadlines;
