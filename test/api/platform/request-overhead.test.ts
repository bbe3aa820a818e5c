/**
 * What every request pays before its own work: the caller is read once
 * (who, and their roles) in one statement, a token's last use is written
 * at most once a minute (as a session's last activity is), and a list page
 * is two statements (the caller, the page) whatever its size. On either
 * engine: the statements are those the app sends (test/support/database.ts
 * observes SQLite's statement cache, or each pooled PostgreSQL connection).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clockedHarness, type ClockedHarness } from '../../support/clocked-api.js';
import { createOrganisation } from '../../support/crm.js';
import { sqlDuring } from '../../support/query-plans.js';
import { firstRow, runSql } from '../../support/sql.js';
import { PASSWORD } from '../../support/world.js';

let h: ClockedHarness;

beforeAll(async () => {
  h = await clockedHarness('2026-12-07T09:00:00Z');
  for (let i = 0; i < 30; i++) await createOrganisation(h.as.officer, { name: `Hochschule ${i}`, partnershipIds: [h.world.partnerships.p1], domains: [{ domainId: 'domain-innovation', maturity: 3 }] });
});

const statementsOf = (request: () => Promise<unknown>) => sqlDuring(h, request);

const lastUsed = async () =>
  (await firstRow<{ last_used_at: string | null }>(h, 'SELECT last_used_at FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ?', 'officer@test.regiodesk.eu'))!.last_used_at;

describe('a request by access token', () => {
  it('reads the caller (token, user and roles) in one statement and writes the last use at most once a minute', async () => {
    h.setNow('2026-12-07T09:05:00Z');
    const first = await statementsOf(() => h.as.officer.get('/api/regions'));
    expect(await lastUsed()).toBe('2026-12-07T09:05:00.000Z');
    expect(first.filter((sql) => /^update "access_tokens"/.test(sql))).toHaveLength(1);

    h.setNow('2026-12-07T09:05:40Z');
    const again = await statementsOf(() => h.as.officer.get('/api/regions'));
    expect(again.filter((sql) => /^update/i.test(sql))).toEqual([]);
    expect(again.filter((sql) => /from "access_tokens"|from "memberships"|from "users"/.test(sql))).toHaveLength(1);
    expect(await lastUsed()).toBe('2026-12-07T09:05:00.000Z');

    h.setNow('2026-12-07T09:06:30Z');
    await h.as.officer.get('/api/regions');
    expect(await lastUsed()).toBe('2026-12-07T09:06:30.000Z');
  });

  it('lists a page of fifty organisations in two statements: the caller and the page', async () => {
    const statements = await statementsOf(async () => expect((await h.as.officer.get('/api/organisations?limit=50')).body.items).toHaveLength(32));
    // the token's last use may be written too (once a minute, tested above): the reads are two
    const reads = statements.filter((sql) => !/^update "access_tokens"/.test(sql));
    expect(reads.length, statements.join('\n')).toBe(2);
  });
});

describe('what a signed-in user sees of themselves (/api/auth/me, on every page)', () => {
  it('is read in one statement after the caller: memberships by partnership title, unread notifications counted', async () => {
    const editor = h.world.users.editor;
    await runSql(h, 'INSERT INTO memberships (user_id, partnership_id, role) VALUES (?, ?, ?)', editor.id, h.world.partnerships.p2, 'viewer');
    const notify = (id: string, text: string, readAt: string | null) =>
      runSql(h, "INSERT INTO notifications (id, user_id, kind, text, link, created_at, read_at) VALUES (?, ?, 'deadline_reminder', ?, NULL, '2026-12-07T08:00:00.000Z', ?)", id, editor.id, text, readAt);
    await notify('n-me-1', 'unread one', null);
    await notify('n-me-2', 'unread two', null);
    await notify('n-me-3', 'read', '2026-12-07T08:30:00.000Z');
    h.setNow('2026-12-07T11:00:00Z');
    await h.as.editor.get('/api/regions'); // the token's last use is written here, not below
    let me: Record<string, unknown> = {};
    const statements = await statementsOf(async () => (me = (await h.as.editor.get('/api/auth/me')).body));
    expect(statements, statements.join('\n')).toHaveLength(2);
    expect(me).toMatchObject({ id: editor.id, email: editor.email, isAdmin: false, locale: expect.any(String), unreadNotifications: 2 });
    // 'Regio.hub …' sorts before 'Rhein-Neckar …'
    expect(me.memberships).toEqual([
      { partnershipId: h.world.partnerships.p2, title: 'Regio.hub Berlin-Brandenburg', role: 'viewer' },
      { partnershipId: h.world.partnerships.p1, title: 'Rhein-Neckar – Flemish Brabant', role: 'editor' }
    ]);
    const sysadmin = (await h.as.sysadmin.get('/api/auth/me')).body;
    expect(sysadmin).toMatchObject({ isAdmin: true, memberships: [], unreadNotifications: 0 });
  });
});

describe('a page rendered on the server', () => {
  it('checks its session once for all the API calls of one render, and again for the next render', async () => {
    h.setNow('2026-12-07T10:00:00Z');
    const signIn = await h.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer@test.regiodesk.eu', password: PASSWORD })
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const sessionReads = (statements: string[]) => statements.filter((sql) => /from "sessions"/.test(sql)).length;
    const render = {};
    const call = (path: string, bindings: object) => h.app.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }), bindings);
    const paths = ['/api/auth/me', '/api/organisations?limit=50', '/api/regions', '/api/domains', '/api/partnerships'];
    const oneRender = await statementsOf(() => Promise.all(paths.map(async (path) => expect((await call(path, { render })).status).toBe(200))));
    expect(sessionReads(oneRender)).toBe(1);
    const next = {};
    const nextRender = await statementsOf(() => Promise.all(paths.map(async (path) => expect((await call(path, { render: next })).status).toBe(200))));
    expect(sessionReads(nextRender)).toBe(1);
    // without a render (a browser's own requests) every call checks the session
    const browser = await statementsOf(() => Promise.all(paths.map(async (path) => expect((await call(path, {})).status).toBe(200))));
    expect(sessionReads(browser)).toBe(paths.length);
  });
});
