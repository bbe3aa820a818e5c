import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { openApiPath, routeList } from '../../support/routes.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const UNDOCUMENTED = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/init.js', 'GET /api/docs/:asset']);

describe('/api/openapi.json', () => {
  it('documents every route the app serves, with its responses', async () => {
    const reply = await h.anonymous.get('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const missing: string[] = [];
    const routes = routeList(h.app);
    // the app's routes were found at all (an empty list would leave nothing to check)
    expect(routes.length).toBeGreaterThan(150);
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (UNDOCUMENTED.has(key)) continue;
      const operation = reply.body.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      if (!operation) missing.push(key);
      else expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['400', '401']));
    }
    expect(missing).toEqual([]);
  });

  it('describes request bodies from the same zod schemas that validate them', async () => {
    const spec = (await h.anonymous.get('/api/openapi.json')).body;
    const body = spec.paths['/api/regions'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? spec.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'country']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('renders the documentation page from local assets', async () => {
    const page = await h.anonymous.get('/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('/api/docs/swagger-ui-bundle.js');
    const bundle = await h.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});

describe('/api/health', () => {
  it('reports the database and its migrations without signing in', async () => {
    const reply = await h.anonymous.get('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'ok', database: { ok: true, migrations: expect.any(Number) } });
    expect(reply.body.database.migrations).toBeGreaterThanOrEqual(1);
  });
});

describe('unknown routes', () => {
  it('answer problem+json 404', async () => {
    const reply = await h.as.officer.get('/api/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});
