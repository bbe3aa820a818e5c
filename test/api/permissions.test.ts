/**
 * The permission matrix, built from the app's own route list: every route
 * the app serves must have a row here, so a new route without one fails.
 * For each row: anonymous → 401 (unless public), a user of another
 * partnership → 404 for things of P1 (or 400 naming the field, when the
 * P1 id travels in the body), a viewer writing → 403, non-administrators on
 * administration routes → 403. Every call here is refused, so nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../support/api.js';
import { tableCounts } from '../support/database.js';
import type { Client } from '../support/http.js';
import { routeList } from '../support/routes.js';

let h: ApiHarness;
interface Ids {
  p1: string;
  organisation: string;
  person: string;
  interaction: string;
  region: string;
  officerToken: string;
  officerUser: string;
}
let ids: Ids;

type Expect = number | 'ok' | 'skip';
interface Row {
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** anonymous: 401 unless given */
  anonymous?: Expect;
  /** a signed-in user of another partnership */
  outsider: Expect;
  /** a viewer of P1 */
  viewer: Expect;
  /** an officer of P1 on admin-only routes */
  officer?: Expect;
  /** the outsider's answer must not mention this id (lists) */
  hides?: (ids: Ids) => string;
}

const PUBLIC: Expect = 'ok';
const organisationBody = (i: Ids) => ({ name: 'Matrix GmbH', kind: 'company', country: 'DE', partnershipIds: [i.p1] });
const personBody = (i: Ids) => ({ name: 'Matrix Person', organisationId: i.organisation, lawfulBasis: 'public_task' });
const interactionBody = (i: Ids) => ({ kind: 'note', occurredAt: '2026-11-20T10:00:00Z', summary: 'Matrix', organisationId: i.organisation });

const matrix: Record<string, Row> = {
  'GET /api/health': { url: () => '/api/health', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
  'GET /api/openapi.json': { url: () => '/api/openapi.json', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
  'GET /api/docs': { url: () => '/api/docs', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
  'GET /api/docs/init.js': { url: () => '/api/docs/init.js', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
  'GET /api/docs/:asset': { url: () => '/api/docs/swagger-ui.css', anonymous: PUBLIC, outsider: 'ok', viewer: 'ok' },
  'POST /api/auth/sign-in': { url: () => '/api/auth/sign-in', body: () => ({ email: 'nobody@test.regiodesk.eu', password: 'x' }), anonymous: 401, outsider: 'skip', viewer: 'skip' },
  'POST /api/auth/sign-out': { url: () => '/api/auth/sign-out', anonymous: 204, outsider: 'skip', viewer: 'skip' },
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
    body: (i) => ({ title: 'Matrix', parties: [{ regionId: i.region, organisationId: h.world.organisations.vrrn }, { regionId: i.region, organisationId: h.world.organisations.pfb }] }),
    outsider: 400,
    viewer: 403
  },
  'GET /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, outsider: 404, viewer: 'ok' },
  'PATCH /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, body: () => ({ title: 'Renamed' }), outsider: 404, viewer: 403 },
  'DELETE /api/partnerships/:id': { url: (i) => `/api/partnerships/${i.p1}`, outsider: 404, viewer: 403 },
  'GET /api/partnerships/:id/members': { url: (i) => `/api/partnerships/${i.p1}/members`, outsider: 404, viewer: 403 },
  'PUT /api/partnerships/:id/members': { url: (i) => `/api/partnerships/${i.p1}/members`, body: () => ({ userId: h.world.users.viewer.id, role: 'officer' }), outsider: 404, viewer: 403 },
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
  'GET /api/audit': { url: (i) => `/api/audit?entityType=organisation&entityId=${i.organisation}`, outsider: 404, viewer: 'ok' }
};

function methodOf(key: string): string {
  return key.split(' ')[0]!;
}

async function call(client: Client, key: string, row: Row) {
  const method = methodOf(key);
  const url = row.url(ids);
  const body = row.body?.(ids);
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, body ?? {});
    case 'PUT':
      return client.put(url, body ?? {});
    case 'PATCH':
      return client.patch(url, body ?? {});
    case 'DELETE':
      return client.delete(url);
    default:
      throw new Error(`no verb ${method}`);
  }
}

function check(reply: { status: number; body: unknown }, expected: Expect, label: string) {
  if (expected === 'skip') return;
  if (expected === 'ok') expect(reply.status, label).toBeLessThan(400);
  else expect(reply.status, `${label}: ${JSON.stringify(reply.body)}`).toBe(expected);
}

beforeAll(async () => {
  h = await apiHarness();
  const w = h.world;
  const organisation = await h.as.officer.post('/api/organisations', { name: 'Matrixorg Leuven', kind: 'company', country: 'BE', partnershipIds: [w.partnerships.p1] });
  const person = await h.as.officer.post('/api/people', { name: 'Mara Trix', organisationId: organisation.body.id, lawfulBasis: 'public_task' });
  const interaction = await h.as.officer.post('/api/interactions', { kind: 'call', occurredAt: '2026-11-19T09:00:00Z', summary: 'Matrix call', organisationId: organisation.body.id, partnershipId: w.partnerships.p1 });
  const token = await h.as.officer.post('/api/auth/tokens', { name: 'matrix' });
  for (const r of [organisation, person, interaction, token]) expect(r.status, JSON.stringify(r.body)).toBe(201);
  ids = {
    p1: w.partnerships.p1,
    organisation: organisation.body.id,
    person: person.body.id,
    interaction: interaction.body.id,
    region: w.regions.rheinNeckar,
    officerToken: token.body.id,
    officerUser: w.users.officer.id
  };
});
afterAll(() => h.close());

describe('the permission matrix', () => {
  it('has a row for every route the app serves, and no row for a route it does not', () => {
    const served = routeList(h.app).map((r) => `${r.method} ${r.path}`);
    expect(served.filter((key) => !(key in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('holds for every route', async () => {
    const before = tableCounts(h);
    for (const [key, row] of Object.entries(matrix)) {
      check(await call(h.anonymous, key, row), row.anonymous ?? 401, `${key} anonymous`);
      if (row.outsider !== 'skip') {
        const outsider = await call(h.as.outsider, key, row);
        check(outsider, row.outsider, `${key} outsider`);
        if (row.hides) expect(JSON.stringify(outsider.body), `${key} outsider sees a P1 record`).not.toContain(row.hides(ids));
      }
      // a viewer's successful write would change data: only reads are tried when the answer is 'ok'
      if (row.viewer !== 'skip' && (methodOf(key) === 'GET' || row.viewer !== 'ok')) check(await call(h.as.viewer, key, row), row.viewer, `${key} viewer`);
      if (row.officer !== undefined) check(await call(h.as.officer, key, row), row.officer, `${key} officer`);
    }
    const after = tableCounts(h);
    // refused calls change nothing (sessions and tokens are the callers' own bookkeeping)
    for (const table of ['sessions', 'access_tokens']) {
      delete before[table];
      delete after[table];
    }
    expect(after).toEqual(before);
  });

  it('answers an invisible record exactly like a missing one', async () => {
    const invisible = await h.as.outsider.get(`/api/organisations/${ids.organisation}`);
    const missing = await h.as.outsider.get('/api/organisations/00000000-0000-7000-8000-000000000000');
    expect(invisible.status).toBe(404);
    expect(invisible.body).toEqual(missing.body);
  });
});
