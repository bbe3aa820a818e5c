/**
 * The permission matrix, built from the app's own route list: every route
 * the app serves must have a row in test/api/permission-rows/, so a new
 * route without one fails. For each row: anonymous → 401 (unless public),
 * a user of another partnership → 404 for things of P1 (or 400 naming the
 * field, when the P1 id travels in the body), a viewer writing → 403,
 * non-administrators on administration routes → 403. Every call tried here
 * is refused, so nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import type { Client } from '../../support/http.js';
import { routeList } from '../../support/routes.js';
import type { Expect, Ids, PermissionRows, Row } from '../permission-rows/types.js';

const files = import.meta.glob<PermissionRows>('../permission-rows/*.ts', { eager: true, import: 'default' });
const features = Object.entries(files)
  .sort(([a], [b]) => (a.endsWith('core.ts') ? -1 : b.endsWith('core.ts') ? 1 : a.localeCompare(b)))
  .map(([, rows]) => rows)
  .filter((rows): rows is PermissionRows => rows !== undefined && typeof rows === 'object' && 'rows' in rows);
const matrix: Record<string, Row> = Object.assign({}, ...features.map((f) => f.rows));

let h: ApiHarness;
let ids: Ids = {};
/** row counts after the setup, before the first call of the matrix */
let countsBefore: Record<string, number>;

function methodOf(key: string): string {
  return key.split(' ')[0]!;
}

async function call(client: Client, key: string, row: Row) {
  const method = methodOf(key);
  const url = row.url(ids);
  const body = row.body?.(ids) ?? {};
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, body);
    case 'PUT':
      return client.put(url, body);
    case 'PATCH':
      return client.patch(url, body);
    case 'DELETE':
      return client.delete(url);
    default:
      throw new Error(`no verb ${method}`);
  }
}

function check(reply: { status: number; body: unknown }, expected: Expect, label: string) {
  if (expected === 'skip') return;
  if (expected === 'ok') expect(reply.status, `${label}: ${JSON.stringify(reply.body)}`).toBeLessThan(400);
  else expect(reply.status, `${label}: ${JSON.stringify(reply.body)}`).toBe(expected);
}

beforeAll(async () => {
  h = await apiHarness();
  for (const feature of features) if (feature.setup) ids = { ...ids, ...(await feature.setup(h, ids)) };
  countsBefore = await tableCounts(h);
});
afterAll(() => h.close());

describe('the permission matrix', () => {
  it('has a row for every route the app serves, and no row for a route it does not', () => {
    expect(features.length).toBeGreaterThan(0);
    const served = routeList(h.app).map((r) => `${r.method} ${r.path}`);
    expect(served.filter((key) => !(key in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((key) => !served.includes(key))).toEqual([]);
  });

  it.each(Object.entries(matrix))('holds for %s', async (key, row) => {
    check(await call(h.anonymous, key, row), row.anonymous ?? 401, `${key} anonymous`);
    if (row.outsider !== 'skip') {
      const outsider = await call(h.as.outsider, key, row);
      check(outsider, row.outsider, `${key} outsider`);
      if (row.hides) expect(JSON.stringify(outsider.body), `${key} outsider sees a P1 record`).not.toContain(row.hides(ids));
    }
    // a viewer's successful write would change data: only reads are tried when the answer is 'ok'
    if (row.viewer !== 'skip' && (methodOf(key) === 'GET' || row.viewer !== 'ok')) check(await call(h.as.viewer, key, row), row.viewer, `${key} viewer`);
    if (row.officer !== undefined) check(await call(h.as.officer, key, row), row.officer, `${key} officer`);
  });

  it('changed nothing: every call of the matrix was refused or only read', async () => {
    const after = await tableCounts(h);
    // sessions, token use and the access log of people's records are the callers' own bookkeeping
    for (const table of ['sessions', 'access_tokens', 'person_reads']) {
      delete countsBefore[table];
      delete after[table];
    }
    expect(after).toEqual(countsBefore);
  });

  it('answers an invisible record exactly like a missing one', async () => {
    const invisible = await h.as.outsider.get(`/api/organisations/${ids.organisation}`);
    const missing = await h.as.outsider.get('/api/organisations/00000000-0000-7000-8000-000000000000');
    expect(invisible.status).toBe(404);
    expect(invisible.body).toEqual(missing.body);
  });
});
