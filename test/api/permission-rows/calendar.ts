/**
 * Permission rows for calendar feeds: each user's own (someone else's is
 * 404); the ICS address needs no sign-in but a valid token — without one
 * it is 404 for everybody, signed in or not. Ids are prefixed `calendar…`.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const calendar: PermissionRows = {
  async setup(h) {
    const feed = await h.as.officer.post('/api/calendar/feeds');
    expect(feed.status, JSON.stringify(feed.body)).toBe(201);
    return { calendarFeed: feed.body.id };
  },
  rows: {
    'GET /api/calendar/feeds': { url: () => '/api/calendar/feeds', outsider: 'ok', viewer: 'ok', hides: (i) => i.calendarFeed },
    'POST /api/calendar/feeds': { url: () => '/api/calendar/feeds', outsider: 'skip', viewer: 'skip' },
    'DELETE /api/calendar/feeds/:id': { url: (i) => `/api/calendar/feeds/${i.calendarFeed}`, outsider: 404, viewer: 404 },
    'GET /api/calendar.ics': { url: () => '/api/calendar.ics?token=rdcal_not-a-real-token', anonymous: 404, outsider: 404, viewer: 404 }
  }
};
export default calendar;
