/**
 * Permission rows for participant feedback: the officers' routes on an
 * activity of P1, the averages, and the public personal link (no account:
 * anyone holding a valid token reads it; an unknown token is 404 for all).
 */
import { expect } from 'vitest';
import { addParticipant, logActivity, recordPerson } from '../../support/activities.js';
import type { PermissionRows } from './types.js';

const feedback: PermissionRows = {
  async setup(h) {
    const feedbackActivity = await logActivity(h.as.officer, { partnershipIds: [h.world.partnerships.p1], title: 'Matrix feedback trip' });
    const person = await recordPerson(h.as.officer, 'Matrix Participant', h.world.organisations.pfb);
    await addParticipant(h.as.officer, feedbackActivity, { personId: person });
    const links = await h.as.officer.post(`/api/activities/${feedbackActivity}/feedback/links`, {});
    expect(links.status, JSON.stringify(links.body)).toBe(201);
    return { feedbackActivity, feedbackToken: links.body.items[0].path.split('/').pop() };
  },
  rows: {
    'GET /api/activities/:id/feedback': { url: (i) => `/api/activities/${i.feedbackActivity}/feedback`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/feedback/links': { url: (i) => `/api/activities/${i.feedbackActivity}/feedback/links`, body: () => ({}), outsider: 404, viewer: 403 },
    'POST /api/activities/:id/feedback/close': { url: (i) => `/api/activities/${i.feedbackActivity}/feedback/close`, outsider: 404, viewer: 403 },
    'GET /api/feedback/summary': { url: () => '/api/feedback/summary', outsider: 'ok', viewer: 'ok', hides: (i) => i.feedbackActivity },
    'GET /api/feedback/:token': { url: (i) => `/api/feedback/${i.feedbackToken}`, anonymous: 'ok', outsider: 'ok', viewer: 'ok' },
    'PUT /api/feedback/:token': { url: () => '/api/feedback/not-a-real-feedback-token', body: () => ({ rating: 4 }), anonymous: 404, outsider: 404, viewer: 404 }
  }
};

export default feedback;
