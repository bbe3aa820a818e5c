/**
 * Permission rows for the foundation's routes. Each file in this folder
 * default-exports `{ setup, rows }`: `setup` (creates the P1 records its rows point at, returns their
 * ids) and `rows` (one per route: "METHOD /api/path" as Hono lists it).
 */
import { expect } from 'vitest';
import type { PermissionRows } from './types.js';

const organisationBody = (i: Record<string, string>) => ({ name: 'Matrix GmbH', kind: 'company', country: 'DE', partnershipIds: [i.p1] });
const personBody = (i: Record<string, string>) => ({ name: 'Matrix Person', organisationId: i.organisation, lawfulBasis: 'public_task' });
const interactionBody = (i: Record<string, string>) => ({ kind: 'note', occurredAt: '2026-11-20T10:00:00Z', summary: 'Matrix', organisationId: i.organisation });
const PUBLIC = 'ok' as const;

const core: PermissionRows = {
  async setup(h) {
    const w = h.world;
    const organisation = await h.as.officer.post('/api/organisations', { name: 'Matrixorg Leuven', kind: 'company', country: 'BE', partnershipIds: [w.partnerships.p1] });
    const person = await h.as.officer.post('/api/people', { name: 'Mara Trix', organisationId: organisation.body.id, lawfulBasis: 'public_task' });
    const interaction = await h.as.officer.post('/api/interactions', { kind: 'call', occurredAt: '2026-11-19T09:00:00Z', summary: 'Matrix call', organisationId: organisation.body.id, partnershipId: w.partnerships.p1 });
    const token = await h.as.officer.post('/api/auth/tokens', { name: 'matrix' });
    for (const r of [organisation, person, interaction, token]) expect(r.status, JSON.stringify(r.body)).toBe(201);
    return {
      p1: w.partnerships.p1,
      organisation: organisation.body.id,
      person: person.body.id,
      interaction: interaction.body.id,
      region: w.regions.rheinNeckar,
      officerToken: token.body.id,
      officerUser: w.users.officer.id,
      vrrn: w.organisations.vrrn,
      pfb: w.organisations.pfb,
      viewerUser: w.users.viewer.id
    };
  },
  rows: {
    'GET /api/health': { url: () => '/api/health', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
    'GET /api/openapi.json': { url: () => '/api/openapi.json', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
    'GET /api/docs': { url: () => '/api/docs', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
    'GET /api/docs/init.js': { url: () => '/api/docs/init.js', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
    'GET /api/docs/:asset': { url: () => '/api/docs/swagger-ui.css', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
    'POST /api/auth/sign-in': { url: () => '/api/auth/sign-in', body: () => ({ email: 'nobody@test.regiodesk.eu', password: 'x' }), anonymous: 401, outsider: 'skip', viewer: 'skip' },
    'POST /api/auth/sign-out': { url: () => '/api/auth/sign-out', anonymous: 204, outsider: 'skip', viewer: 'skip' },
    'GET /api/auth/sign-in-methods': { url: () => '/api/auth/sign-in-methods', anonymous: 'ok', outsider: 'ok', viewer: 'ok' },
    // single sign-on is not configured in the matrix's app: both answer 404 (test/api/platform/single-sign-on.test.ts covers them configured)
    'GET /api/auth/oidc/start': { url: () => '/api/auth/oidc/start', anonymous: 404, outsider: 404, viewer: 404 },
    'GET /api/auth/oidc/callback': { url: () => '/api/auth/oidc/callback?code=x&state=y', anonymous: 404, outsider: 404, viewer: 404 },
    'GET /api/auth/invitations/:token': { url: () => '/api/auth/invitations/not-a-real-invitation-token', anonymous: 404, outsider: 404, viewer: 404 },
    'POST /api/auth/accept-invitation': { url: () => '/api/auth/accept-invitation', body: () => ({ token: 'not-a-real-invitation-token', password: 'long-enough-password' }), anonymous: 400, outsider: 'skip', viewer: 'skip' },
    'GET /api/auth/me': { url: () => '/api/auth/me', outsider: 'ok', viewer: 'ok' },
    'PUT /api/auth/me/locale': { url: () => '/api/auth/me/locale', body: () => ({ locale: 'de' }), outsider: 'skip', viewer: 'skip' },
    'GET /api/auth/tokens': { url: () => '/api/auth/tokens', outsider: 'ok', viewer: 'ok', hides: (i) => i.officerToken },
    'POST /api/auth/tokens': { url: () => '/api/auth/tokens', body: () => ({ name: 'x' }), outsider: 'skip', viewer: 'skip' },
    'DELETE /api/auth/tokens/:id': { url: (i) => `/api/auth/tokens/${i.officerToken}`, outsider: 404, viewer: 404 },
    'GET /api/users': { url: () => '/api/users', outsider: 403, viewer: 403, officer: 403 },
    'POST /api/users': { url: () => '/api/users', body: () => ({ email: 'matrix@test.regiodesk.eu', name: 'Matrix' }), outsider: 403, viewer: 403, officer: 403 },
    'GET /api/users/:id': { url: (i) => `/api/users/${i.officerUser}`, outsider: 403, viewer: 403, officer: 403 },
    'PATCH /api/users/:id': { url: (i) => `/api/users/${i.officerUser}`, body: () => ({ name: 'Renamed' }), outsider: 403, viewer: 403, officer: 403 },
    'POST /api/users/:id/invitation': { url: (i) => `/api/users/${i.officerUser}/invitation`, outsider: 403, viewer: 403, officer: 403 },
    'GET /api/regions': { url: () => '/api/regions', outsider: 'ok', viewer: 'ok' },
    'POST /api/regions': { url: () => '/api/regions', body: () => ({ name: 'Matrix', country: 'DE' }), outsider: 'skip', viewer: 403 },
    'GET /api/regions/:id': { url: (i) => `/api/regions/${i.region}`, outsider: 'ok', viewer: 'ok' },
    'PATCH /api/regions/:id': { url: (i) => `/api/regions/${i.region}`, body: () => ({ name: 'Renamed' }), outsider: 'skip', viewer: 403 },
    'DELETE /api/regions/:id': { url: (i) => `/api/regions/${i.region}`, outsider: 403, viewer: 403, officer: 403 },
    'GET /api/domains': { url: () => '/api/domains', outsider: 'ok', viewer: 'ok' },
    'GET /api/partnerships': { url: () => '/api/partnerships', outsider: 'ok', viewer: 'ok', hides: (i) => i.p1 },
    'POST /api/partnerships': {
      url: () => '/api/partnerships',
      body: (i) => ({ title: 'Matrix', parties: [{ regionId: i.region, organisationId: i.vrrn }, { regionId: i.region, organisationId: i.pfb }] }),
      outsider: 400,
      viewer: 403
    },
    'GET /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, body: () => ({ title: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, outsider: 404, viewer: 403 },
    'GET /api/partnerships/:id/members': { url: (i) => `/api/partnerships/${i.p1}/members`, outsider: 404, viewer: 403 },
    'PUT /api/partnerships/:id/members': { url: (i) => `/api/partnerships/${i.p1}/members`, body: (i) => ({ userId: i.viewerUser, role: 'officer' }), outsider: 404, viewer: 403 },
    'POST /api/partnerships/:id/domains': { url: (i) => `/api/partnerships/${i.p1}/domains`, body: () => ({ code: 'matrix', labels: { en: 'Matrix', de: 'Matrix', nl: 'Matrix' } }), outsider: 404, viewer: 403 },
    'GET /api/organisations': { url: () => '/api/organisations', outsider: 'ok', viewer: 'ok', hides: (i) => i.organisation },
    'POST /api/organisations': { url: () => '/api/organisations', body: organisationBody, outsider: 400, viewer: 403 },
    'GET /api/organisations/:id': { url: (i) => `/api/organisations/${i.organisation}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/organisations/:id': { url: (i) => `/api/organisations/${i.organisation}`, body: () => ({ name: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/organisations/:id': { url: (i) => `/api/organisations/${i.organisation}`, outsider: 404, viewer: 403 },
    'GET /api/organisations/:id/timeline': { url: (i) => `/api/organisations/${i.organisation}/timeline`, outsider: 404, viewer: 'ok' },
    'GET /api/people': { url: () => '/api/people', outsider: 'ok', viewer: 'ok', hides: (i) => i.person },
    'POST /api/people': { url: () => '/api/people', body: personBody, outsider: 400, viewer: 403 },
    'GET /api/people/:id': { url: (i) => `/api/people/${i.person}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/people/:id': { url: (i) => `/api/people/${i.person}`, body: () => ({ function: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/people/:id': { url: (i) => `/api/people/${i.person}`, outsider: 404, viewer: 403 },
    'GET /api/people/:id/timeline': { url: (i) => `/api/people/${i.person}/timeline`, outsider: 404, viewer: 'ok' },
    'GET /api/interactions': { url: () => '/api/interactions', outsider: 'ok', viewer: 'ok', hides: (i) => i.interaction },
    'POST /api/interactions': { url: () => '/api/interactions', body: interactionBody, outsider: 400, viewer: 403 },
    'GET /api/interactions/:id': { url: (i) => `/api/interactions/${i.interaction}`, outsider: 404, viewer: 'ok' },
    'PATCH /api/interactions/:id': { url: (i) => `/api/interactions/${i.interaction}`, body: () => ({ summary: 'Renamed' }), outsider: 404, viewer: 403 },
    'DELETE /api/interactions/:id': { url: (i) => `/api/interactions/${i.interaction}`, outsider: 404, viewer: 403 },
    'GET /api/search': { url: () => '/api/search?q=Matrixorg', outsider: 'ok', viewer: 'ok', hides: (i) => i.organisation },
    'GET /api/audit': { url: (i) => `/api/audit?entityType=organisation&entityId=${i.organisation}`, outsider: 404, viewer: 'ok' },
    // a rule's next dates read nothing of the workspace: anyone signed in
    'GET /api/recurrence/dates': { url: () => '/api/recurrence/dates?rule=FREQ%3DMONTHLY&start=2026-12-07', outsider: 'ok', viewer: 'ok' }
  }
};
export default core;
