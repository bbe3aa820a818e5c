/**
 * Every API answer carries the security headers (issue 10, point 2) through
 * the real Hono app on a real SQLite file: nosniff, never framed, a
 * Referrer-Policy, a policy under which JSON loads nothing, HSTS only when
 * the public origin is https, and `no-store` on everything that chose no
 * caching of its own — successes, refusals and errors alike. Routes that
 * chose their own caching keep it (the calendar feed's ETag, Swagger UI's
 * files, Word documents), and /api/docs keeps its own policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_CSP } from '../../../api/platform/routes/docs.js';
import { HSTS } from '../../../api/platform/http/security-headers.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import type { Reply } from '../../support/http.js';

let plain: ApiHarness;
let https: ApiHarness;

beforeAll(async () => {
  plain = await apiHarness();
  https = await apiHarness({ REGIODESK_PUBLIC_ORIGIN: 'https://regiodesk.example.org' });
});
afterAll(async () => {
  await plain?.close();
  await https?.close();
});

function expectFrontHeaders(reply: Reply, what: string) {
  const h = reply.headers;
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('referrer-policy'), what).toBe('same-origin');
}

describe('the API’s security headers', () => {
  it('are on every kind of answer: public, signed in, refused, not found, invalid, failed authentication', async () => {
    const organisation = await plain.as.officer.post('/api/organisations', { name: 'Headerwerk GmbH', kind: 'company', country: 'DE' });
    expect(organisation.status, JSON.stringify(organisation.body)).toBe(201);
    const answers: [string, Reply, number][] = [
      ['health', await plain.anonymous.get('/api/health'), 200],
      ['openapi.json', await plain.anonymous.get('/api/openapi.json'), 200],
      ['a list behind sign-in', await plain.as.officer.get('/api/organisations'), 200],
      ['a record with its ETag', await plain.as.officer.get(`/api/organisations/${organisation.body.id}`), 200],
      ['me', await plain.as.officer.get('/api/auth/me'), 200],
      ['a write', organisation, 201],
      ['anonymous behind sign-in', await plain.anonymous.get('/api/people'), 401],
      ['no such route', await plain.as.officer.get('/api/no-such-thing'), 404],
      ['invalid input', await plain.as.officer.post('/api/organisations', { name: '' }), 400],
      ['not JSON', await plain.as.officer.post('/api/organisations', undefined, { raw: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415],
      ['a bad token', await plain.anonymous.get('/api/organisations', { headers: { Authorization: 'Bearer nonsense' } }), 401]
    ];
    for (const [what, reply, status] of answers) {
      expect(reply.status, `${what}: ${JSON.stringify(reply.body)}`).toBe(status);
      expectFrontHeaders(reply, what);
      expect(reply.headers.get('content-security-policy'), what).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(reply.headers.get('cache-control'), what).toBe('no-store');
      // the public origin is http here: no HSTS, which would be ignored over http and lock out a plain-http install
      expect(reply.headers.get('strict-transport-security'), what).toBeNull();
    }
  });

  it('are exactly these, in every answer: none missing, none added, none sent twice', async () => {
    const security = (reply: Reply) => [...reply.headers].filter(([name]) => !['content-type', 'content-length', 'content-language', 'etag', 'vary', 'set-cookie'].includes(name));
    const expected = [
      ['cache-control', 'no-store'],
      ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
      ['cross-origin-opener-policy', 'same-origin'],
      ['cross-origin-resource-policy', 'same-origin'],
      ['origin-agent-cluster', '?1'],
      ['referrer-policy', 'same-origin'],
      ['x-content-type-options', 'nosniff'],
      ['x-dns-prefetch-control', 'off'],
      ['x-download-options', 'noopen'],
      ['x-frame-options', 'DENY'],
      ['x-permitted-cross-domain-policies', 'none'],
      ['x-xss-protection', '0']
    ];
    expect(security(await plain.as.officer.get('/api/organisations'))).toEqual(expected);
    expect(security(await plain.anonymous.get('/api/people'))).toEqual(expected);
    const withHsts = [...expected, ['strict-transport-security', HSTS]].sort(([a], [b]) => a!.localeCompare(b!));
    expect(security(await https.anonymous.get('/api/health'))).toEqual(withHsts);
  });

  it('carry HSTS on every answer when the public origin is https', async () => {
    for (const [what, reply] of [
      ['health', await https.anonymous.get('/api/health')],
      ['a list', await https.as.viewer.get('/api/organisations')],
      ['not found', await https.as.viewer.get('/api/nothing-here')],
      ['unauthenticated', await https.anonymous.get('/api/organisations')]
    ] as const) {
      expect(reply.headers.get('strict-transport-security'), what).toBe(HSTS);
      expect(HSTS).toBe('max-age=31536000');
      expectFrontHeaders(reply, what);
    }
  });

  it('leave a route’s own caching alone: the calendar feed revalidates with its ETag, and Swagger UI’s files are cached a day', async () => {
    const feed = await https.as.officer.post('/api/calendar/feeds');
    expect(feed.status, JSON.stringify(feed.body)).toBe(201);
    const ics = await https.app.request(`/api/calendar.ics?token=${encodeURIComponent(feed.body.token)}`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('cache-control')).toBe('private, no-cache');
    expect(ics.headers.get('etag')).toMatch(/^(W\/)?"[^"]+"$/);
    expect(ics.headers.get('x-content-type-options')).toBe('nosniff');

    const again = await https.app.request(`/api/calendar.ics?token=${encodeURIComponent(feed.body.token)}`, { headers: { 'If-None-Match': ics.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');

    const bundle = await https.app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('give /api/docs its own policy: scripts and styles from this origin only, and its page holds no inline script or style', async () => {
    const docs = await plain.app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("script-src 'self'");
    expect(DOCS_CSP).not.toContain('unsafe-inline');
    expect(DOCS_CSP).toContain("frame-ancestors 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    expect(docs.headers.get('cache-control')).toBe('no-store');
    const html = await docs.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/ src="\/api\/docs\/[\w.-]+\.js"/);
      expect(body).toBe('');
    }
    expect(html).not.toMatch(/<style|style="| on\w+=/i);
    for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const asset = await plain.app.request(src!);
      expect(asset.status, src).toBe(200);
    }
  });
});
