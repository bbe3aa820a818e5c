/**
 * Permission rows for activities, their participants, programme, outcomes,
 * CSV export and minutes. Ids are prefixed `act…` so other features' setups
 * cannot overwrite them.
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const activityBody = (i: Record<string, string>) => ({
  type: 'delegation_trip',
  partnershipIds: [i.p1],
  title: 'Matrix trip',
  startsAt: '2026-05-04T09:00',
  endsAt: '2026-05-05T17:00',
  timeZone: 'Europe/Brussels'
});

const activities: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const activity = await h.as.officer.post('/api/activities', { ...activityBody({ p1: w.partnerships.p1 }), title: 'Matrixreise Leuven' });
    expect(activity.status, JSON.stringify(activity.body)).toBe(201);
    const act = activity.body.id as string;
    const participant = await h.as.officer.post(`/api/activities/${act}/participants`, { organisationId: w.organisations.pfb, role: 'host' });
    const item = await h.as.officer.post(`/api/activities/${act}/agenda`, { topic: 'Welcome' });
    const outcome = await h.as.officer.post(`/api/activities/${act}/outcomes`, { kind: 'note', text: 'Matrix outcome' });
    for (const r of [participant, item, outcome]) expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { act, actParticipant: participant.body.id, actAgendaItem: item.body.id, actOutcome: outcome.body.id, actPfb: w.organisations.pfb };
  },
  rows: {
    'GET /api/activities': { url: () => '/api/activities', outsider: 'ok', viewer: 'ok', hides: (i) => i.act },
    'GET /api/activities/export.csv': { url: () => '/api/activities/export.csv', outsider: 'ok', viewer: 'ok', hides: (i) => i.act },
    'POST /api/activities': { url: () => '/api/activities', body: activityBody, outsider: 400, viewer: 403 },
    'GET /api/activities/:id': { url: (i) => `/api/activities/${i.act}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/activities/:id': { url: (i) => `/api/activities/${i.act}`, body: () => ({ title: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/activities/:id': { url: (i) => `/api/activities/${i.act}`, outsider: 404, viewer: 403 },
    'GET /api/activities/:id/minutes.docx': { url: (i) => `/api/activities/${i.act}/minutes.docx`, outsider: 404, viewer: 'ok' },
    'GET /api/activities/:id/participants': { url: (i) => `/api/activities/${i.act}/participants`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/participants': {
      url: (i) => `/api/activities/${i.act}/participants`,
      body: (i) => ({ organisationId: i.actPfb, role: 'guest' }),
      outsider: 404,
      viewer: 403
    },
    'PATCH /api/activities/:id/participants/:participantId': {
      url: (i) => `/api/activities/${i.act}/participants/${i.actParticipant}`,
      body: () => ({ attendance: 'attended' }),
      outsider: 404,
      viewer: 403
    },
    'DELETE /api/activities/:id/participants/:participantId': { url: (i) => `/api/activities/${i.act}/participants/${i.actParticipant}`, outsider: 404, viewer: 403 },
    'GET /api/activities/:id/agenda': { url: (i) => `/api/activities/${i.act}/agenda`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/agenda': { url: (i) => `/api/activities/${i.act}/agenda`, body: () => ({ topic: 'Matrix topic' }), outsider: 404, viewer: 403 },
    'PATCH /api/activities/:id/agenda/:itemId': { url: (i) => `/api/activities/${i.act}/agenda/${i.actAgendaItem}`, body: () => ({ topic: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/activities/:id/agenda/:itemId': { url: (i) => `/api/activities/${i.act}/agenda/${i.actAgendaItem}`, outsider: 404, viewer: 403 },
    'GET /api/activities/:id/outcomes': { url: (i) => `/api/activities/${i.act}/outcomes`, outsider: 404, viewer: 'ok' },
    'POST /api/activities/:id/outcomes': { url: (i) => `/api/activities/${i.act}/outcomes`, body: () => ({ kind: 'contact', text: 'Matrix' }), outsider: 404, viewer: 403 },
    'DELETE /api/activities/:id/outcomes/:outcomeId': { url: (i) => `/api/activities/${i.act}/outcomes/${i.actOutcome}`, outsider: 404, viewer: 403 }
  }
};
export default activities;
