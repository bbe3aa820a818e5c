/**
 * Storage faults as an operator meets them, through real HTTP on real
 * SQLite files: a read-only database file (test/support/storage.ts says how
 * it is made read-only for root) and a full file system (a tmpfs of a few
 * MiB filled to the last byte, which root may mount here). Health says
 * degraded with the reason, writes answer 503 in words, reads go on while
 * their bookkeeping writes fail (logged once, not per request), and when
 * space returns the same app writes again and health is ok.
 */
import { firstRow, runSql } from '../../support/sql.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../api/app.js';
import { bootstrap } from '../../../api/bootstrap.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { LOW_SPACE_BYTES } from '../../../api/platform/services/health.js';
import { type OpenedDatabase, openDatabase } from '../../../db/connection.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { testDatabase } from '../../support/database.js';
import { client, expectProblem } from '../../support/http.js';
import { canMountTmpfs, databaseAt, databaseOneMigrationBehind, makeReadOnly, mountSmallDisk, type SmallDisk } from '../../support/storage.js';
import { PASSWORD, type World } from '../../support/world.js';

const REGION = { name: 'Noord-Brabant', country: 'NL', nutsCodes: ['NL41'], languages: ['nl'] };

function warnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read-only database file', () => {
  let dir: string;
  let world: World;
  let opened: OpenedDatabase;
  let undo: () => void;
  let app: ReturnType<typeof createApp>;
  let sessionCookie: string;
  let feedToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'regiodesk-read-only-'));
    const file = join(dir, 'regiodesk.db');
    const made = await databaseAt(file);
    world = made.world;
    // a session signed in while the file was still writable
    const writable = createApp({ db: made.opened.db, settings: settingsFrom({}) });
    const signedIn = await client(writable, null).post('/api/auth/sign-in', { email: world.users.officer.email, password: PASSWORD });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    sessionCookie = /regiodesk_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0];
    const feed = await client(writable, world.users.officer.token).post('/api/calendar/feeds');
    expect(feed.status).toBe(201);
    feedToken = feed.body.token;
    await made.opened.close();

    undo = makeReadOnly(file).undo;
    opened = openDatabase(file);
    // five minutes on: the session's and the tokens' last use are due to be written
    app = createApp({ db: opened.db, settings: settingsFrom({}), clock: () => new Date(Date.now() + 5 * 60_000) });
  });

  afterAll(async () => {
    await opened.close();
    undo();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes health say degraded, read-only, with 503', async () => {
    const reply = await client(app, null).get('/api/health');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'degraded', database: { ok: true, writable: false, migrations: reply.body.database.expectedMigrations } });
    expect(reply.body.reasons).toEqual([{ code: 'read-only', message: expect.stringMatching(/read-only: reads work, every write answers 503/) }]);
  });

  it('keeps reads working with a token, a session and a calendar feed, their last use logged as failed once', async () => {
    const warn = warnings();
    const officer = client(app, world.users.officer.token);
    expect((await officer.get('/api/organisations')).status).toBe(200);
    expect((await officer.get(`/api/organisations/${world.organisations.vrrn}`)).status).toBe(200);
    expect((await client(app, world.users.viewer.token).get('/api/regions')).status).toBe(200);
    const bySession = await app.request('/api/auth/me', { headers: { Cookie: sessionCookie } });
    expect(bySession.status).toBe(200);
    expect((await bySession.json()).email).toBe(world.users.officer.email);

    for (let i = 0; i < 2; i++) {
      const calendar = await app.request(`/api/calendar.ics?token=${feedToken}`);
      expect(calendar.status).toBe(200);
      expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    }

    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.startsWith('Recording an access token’s last use failed: SQLITE_READONLY'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('Recording a calendar feed’s last use failed: SQLITE_READONLY'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('Recording a session’s last request failed: SQLITE_READONLY'))).toHaveLength(1);
    // the viewer's token was first used on the read-only file: its last use could not be kept
    expect(opened.sqlite.prepare('SELECT last_used_at FROM access_tokens WHERE user_id = ?').get(world.users.viewer.id)).toEqual({ last_used_at: null });
  });

  it('answers a write 503 in words, without Retry-After (waiting does not fix it)', async () => {
    const reply = await client(app, world.users.officer.token).post('/api/regions', REGION);
    expectProblem(reply, 503);
    expect(reply.body).toMatchObject({ title: 'Storage unavailable', storage: 'read-only', detail: expect.stringMatching(/^The database is read-only on this server, so nothing was saved\./) });
    expect(reply.headers.get('retry-after')).toBeNull();
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM regions WHERE name = ?').get(REGION.name)).toEqual({ n: 0 });
  });

  it('answers sign-in 503 saying a session cannot be saved, for a right and a wrong password alike', async () => {
    for (const password of [PASSWORD, 'not-the-password']) {
      const reply = await client(app, null).post('/api/auth/sign-in', { email: world.users.editor.email, password });
      expectProblem(reply, 503);
      expect(reply.body.detail).toMatch(/^Signing in saves a session \(and counts failed attempts\), and the database is read-only on this server\./);
    }
  });
});

describe('starting on a read-only database file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'regiodesk-read-only-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts when every migration was applied, and health says degraded', async () => {
    const file = join(dir, 'current.db');
    await (await databaseAt(file)).opened.close();
    const { undo } = makeReadOnly(file);
    try {
      const started = await bootstrap({ DATABASE_URL: file, REGIODESK_DEMO: '0' });
      const health = await client(started.app, null).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.reasons.map((r: { code: string }) => r.code)).toEqual(['read-only']);
      await started.close();
    } finally {
      undo();
    }
  });

  it('refuses to start, in words, when migrations are pending', async () => {
    const file = join(dir, 'behind.db');
    const newest = await databaseOneMigrationBehind(file);
    const { undo } = makeReadOnly(file);
    try {
      await expect(bootstrap({ DATABASE_URL: file, REGIODESK_DEMO: '0' })).rejects.toThrow(
        `The database needs 1 migration this version brings (${newest}), and the database file is read-only, so it cannot be applied.`
      );
    } finally {
      undo();
    }
  });
});

describe.runIf(canMountTmpfs())('a full disk (a tmpfs filled to the last byte)', () => {
  let disk: SmallDisk;
  let opened: OpenedDatabase;
  let world: World;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    disk = mountSmallDisk(16);
    ({ opened, world } = await databaseAt(join(disk.dir, 'regiodesk.db')));
    app = createApp({ db: opened.db, settings: settingsFrom({}) });
  });

  afterAll(async () => {
    await opened.close();
    disk.unmount();
  });

  it('degrades health, refuses writes with 503 and Retry-After, keeps reads, and recovers when space returns', async () => {
    const warn = warnings();
    const officer = client(app, world.users.officer.token);
    expect((await client(app, null).get('/api/health')).status).toBe(200);

    // An empty write-ahead log: the next commit needs new room on the disk. (A log already long enough would be
    // reused from its start after a checkpoint, and that write would rightly succeed on a full disk.)
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    disk.fill();

    const degraded = await client(app, null).get('/api/health');
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({ status: 'degraded', database: { ok: true, writable: true } });
    expect(degraded.body.database.freeBytes).toBeLessThan(LOW_SPACE_BYTES);
    expect(degraded.body.reasons).toEqual([{ code: 'disk-full', message: expect.stringMatching(/^The disk holding the database has \d+ KiB free/) }]);

    // a read whose token's last use is due: the write fails on the full disk, the read answers
    const read = await officer.get('/api/organisations');
    expect(read.status).toBe(200);
    expect(read.body.items.length).toBeGreaterThan(0);
    expect(warn.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith('Recording an access token’s last use failed: SQLITE_FULL'))).toHaveLength(1);

    // a write in a transaction (the region and its audit event): SQLite rolls it back itself, and the 503 still names the full disk
    const refused = await officer.post('/api/regions', REGION);
    expectProblem(refused, 503);
    expect(refused.body).toMatchObject({ storage: 'disk-full', detail: expect.stringMatching(/^The server’s disk is full, so nothing was saved\./) });
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(opened.sqlite.inTransaction).toBe(false);

    disk.free();

    const healthy = await client(app, null).get('/api/health');
    expect(healthy.status).toBe(200);
    expect(healthy.body).toMatchObject({ status: 'ok', reasons: [] });
    const saved = await officer.post('/api/regions', REGION);
    expect(saved.status).toBe(201);
    expect((await officer.get(`/api/regions/${saved.body.id}`)).body.name).toBe(REGION.name);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM access_tokens WHERE last_used_at IS NOT NULL').get()).toEqual({ n: 1 });
  });
});

describe('health and the migrations', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await apiHarness();
  });
  afterAll(() => h.close());

  it('says degraded when a migration this version needs is missing, and when the database ran one it does not know', async () => {
    const last = (await firstRow<{ name: string; timestamp: string }>(h, 'SELECT name, timestamp FROM kysely_migration ORDER BY name DESC LIMIT 1'))!;
    await runSql(h, 'DELETE FROM kysely_migration WHERE name = ?', last.name);
    const missing = await h.anonymous.get('/api/health');
    expect(missing.status).toBe(503);
    expect(missing.body.reasons).toEqual([{ code: 'migrations-pending', message: expect.stringContaining(`lacks 1 migration this version needs (${last.name})`) }]);
    expect(missing.body.database.migrations).toBe(missing.body.database.expectedMigrations - 1);

    await runSql(h, 'INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?), (?, ?)', last.name, last.timestamp, '20991231T0000_from_a_newer_version', last.timestamp);
    const unknown = await h.anonymous.get('/api/health');
    expect(unknown.status).toBe(503);
    expect(unknown.body.reasons).toEqual([{ code: 'migrations-unknown', message: expect.stringContaining('(20991231T0000_from_a_newer_version): it was migrated by another version') }]);

    await runSql(h, 'DELETE FROM kysely_migration WHERE name = ?', '20991231T0000_from_a_newer_version');
    expect(await h.anonymous.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok', reasons: [], database: { writable: true } } });
  });

  it('documents 200 and 503 with the same body, and 503 on writes', async () => {
    const spec = (await h.anonymous.get('/api/openapi.json')).body;
    const responses = spec.paths['/api/health'].get.responses;
    expect(responses['503'].content['application/json']).toEqual(responses['200'].content['application/json']);
    expect(spec.paths['/api/regions'].post.responses['503'].content).toHaveProperty(['application/problem+json']);
  });
});

describe('health of a database that does not answer', () => {
  it('says unavailable with 503', async () => {
    const database = await testDatabase();
    const app = createApp({ db: database.db, settings: settingsFrom({}) });
    // the connection is gone: SQLite's handle closed, PostgreSQL's pool ended
    if (database.engine === 'postgres') await database.db.destroy();
    else database.sqlite.close();
    const reply = await client(app, null).get('/api/health');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'unavailable', database: { ok: false, writable: false }, reasons: [{ code: 'unreachable' }] });
  });
});
