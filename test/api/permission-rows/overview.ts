/**
 * Permission rows for the overview (the cockpit): every signed-in user reads
 * their own; nothing of P1 reaches the outsider (test/api/overview proves
 * each part with records of its own).
 */
import type { PermissionRows } from './types.js';

const overview: PermissionRows = {
  rows: {
    'GET /api/overview': { url: () => '/api/overview', outsider: 'ok', viewer: 'ok', hides: (i) => i.p1! }
  }
};

export default overview;
