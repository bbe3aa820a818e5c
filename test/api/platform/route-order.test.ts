import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { samplePath, shadowedRoutes } from '../../support/route-shadowing.js';
import { routeList } from '../../support/routes.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

const answer = () => new Response('answered');

describe('the order of the routes', () => {
  it('lets every route the app serves answer its own paths: no route registered before it takes them', () => {
    expect(routeList(h.app).length).toBeGreaterThan(200);
    expect(shadowedRoutes(h.app)).toEqual([]);
  });
});

describe('shadowedRoutes', () => {
  it('names the static path a parameter route registered before it takes', () => {
    const app = new Hono().get('/calls/:id', answer).get('/calls/watched', answer).post('/calls/watched', answer);
    expect(shadowedRoutes(app)).toEqual(['GET /calls/watched is never reached: GET /calls/:id, registered before it, answers GET /calls/watched first.']);
  });

  it('names a route behind another mount of the same method, and not one of another method', () => {
    const watches = new Hono().get('/watched', answer);
    const calls = new Hono().get('/:id', answer).delete('/watched', answer);
    const app = new Hono().route('/calls', calls).route('/calls', watches);
    expect(shadowedRoutes(app)).toEqual(['GET /calls/watched is never reached: GET /calls/:id, registered before it, answers GET /calls/watched first.']);
    expect(shadowedRoutes(new Hono().route('/calls', watches).route('/calls', calls))).toEqual([]);
  });

  it('reads a parameter’s own pattern: a plain id registered before a document name takes the document', () => {
    const app = new Hono().get('/workplans/:id', answer).get('/workplans/:file{[\\w-]+\\.docx}', answer);
    expect(shadowedRoutes(app)).toEqual([
      'GET /workplans/:file{[\\w-]+\\.docx} is never reached: GET /workplans/:id, registered before it, answers GET /workplans/sample-id.docx first.'
    ]);
    expect(shadowedRoutes(new Hono().get('/workplans/:file{[\\w-]+\\.docx}', answer).get('/workplans/:id', answer))).toEqual([]);
  });

  it('leaves middleware out: it passes requests on', () => {
    const app = new Hono().use('/calls/*', (_c, next) => next()).get('/calls/watched', answer).get('/calls/:id', answer);
    expect(shadowedRoutes(app)).toEqual([]);
  });

  it('builds a concrete path from each parameter and refuses a pattern no sample fits', () => {
    expect(samplePath('/api/workplans/:id/items/:itemId')).toBe('/api/workplans/sample-id/items/sample-id');
    expect(samplePath('/api/evaluations/:file{[\\w-]+\\.docx}')).toBe('/api/evaluations/sample-id.docx');
    expect(samplePath('/api/years/:year{[0-9]{4}}')).toBe('/api/years/2027');
    expect(samplePath('/api/files/*')).toBe('/api/files/sample-id');
    expect(() => samplePath('/api/odd/:code{[A-Z]{3}}')).toThrow(/No sample value fits the parameter \{\[A-Z\]\{3\}\} of \/api\/odd/);
  });
});
