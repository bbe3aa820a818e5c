/**
 * Permission rows for reminder settings: each signed-in user reads and
 * saves their own (saving is not tried: it would add a row).
 */
import type { PermissionRows } from './types.js';

const reminders: PermissionRows = {
  rows: {
    'GET /api/reminders/settings': { url: () => '/api/reminders/settings', outsider: 'ok', viewer: 'ok' },
    'PUT /api/reminders/settings': { url: () => '/api/reminders/settings', body: () => ({ offsets: [7], email: false, timeZone: 'Europe/Brussels' }), outsider: 'skip', viewer: 'skip' }
  }
};
export default reminders;
