/**
 * Permission rows for notifications: each user reads and marks only their
 * own; someone else's is 404. Ids are prefixed `notification…`.
 */
import { expect } from 'vitest';
import { notifyWatchers } from '../../../api/funding/services/notifications.js';
import { insertCallDirect } from '../../support/calls-direct.js';
import type { PermissionRows } from './types.js';

const notifications: PermissionRows = {
  async setup(h) {
    const call = await insertCallDirect(h.db, { identifier: 'MATRIX-NOTIFY-1' });
    await h.as.officer.put(`/api/calls/${call.id}/watch`);
    await h.db.transaction().execute((trx) => notifyWatchers(trx, call.id, 'Matrix notice', null));
    const list = await h.as.officer.get('/api/notifications');
    expect(list.body.items.length, JSON.stringify(list.body)).toBeGreaterThan(0);
    return { notification: list.body.items[0].id };
  },
  rows: {
    'GET /api/notifications': { url: () => '/api/notifications', outsider: 'ok', viewer: 'ok', hides: (i) => i.notification },
    'POST /api/notifications/:id/read': { url: (i) => `/api/notifications/${i.notification}/read`, outsider: 404, viewer: 404 },
    // marking one's own (none unread here) changes nothing
    'POST /api/notifications/read-all': { url: () => '/api/notifications/read-all', outsider: 'ok', viewer: 'skip' }
  }
};
export default notifications;
