/**
 * Backups of a PostgreSQL database (db/postgres-backup.ts) through the real
 * scripts of `npm run backup` and `npm run restore`, on a real PostgreSQL,
 * as a deployment's own role (not a superuser, its password in the URL):
 * a workspace filled through the app is backed up while the app is open,
 * changed (rows written, changed and removed, a table a later version
 * would add), and restored: every table holds exactly what it held at the
 * backup, the later table is gone, RegioDesk starts on it and goes on
 * numbering and finding new records. A restore is refused while the
 * database is in use, and a backup of a newer RegioDesk or a file that is
 * no archive is refused, changing nothing. The scheduled runs
 * (REGIODESK_BACKUP_DIR) write time-named archives, keep the newest, and
 * run in one of two processes asking at once.
 *
 * A real PostgreSQL: REGIODESK_TEST_POSTGRES_URL, or a throwaway cluster
 * (test/support/postgres.ts); pg_dump, pg_restore and psql from the same
 * installation. If PostgreSQL cannot be started, the test fails and says why.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../api/bootstrap.js';
import { runBackupScript, startBackupRuns } from '../../../api/platform/services/backup-runs.js';
import { RunLease } from '../../../api/platform/services/run-lease.js';
import { backupFileName, listBackups } from '../../../db/backup-schedule.js';
import { openPostgres } from '../../../db/connection.js';
import { checkPostgresArchive } from '../../../db/postgres-backup.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { client } from '../../support/http.js';
import { asAdministrator, type PostgresServer, startPostgres } from '../../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-pg-backup-'));
const role = `regiodesk_backup_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
const password = 'a pass:word/with@signs';
let server: PostgresServer;
const databases: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
  await asAdministrator(server, `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
});

afterAll(async () => {
  for (const name of databases) await asAdministrator(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await asAdministrator(server, `DROP ROLE IF EXISTS ${role}`).catch(() => {});
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A new empty database owned by the deployment's role, and its URL as that role (password URL-encoded). */
async function newDatabase(): Promise<string> {
  const name = `regiodesk_backup_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  databases.push(name);
  await asAdministrator(server, `CREATE DATABASE ${name} OWNER ${role}`);
  const url = new URL(server.adminUrl);
  url.username = role;
  url.password = encodeURIComponent(password);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a script of package.json (through tsx, as npm would) with DATABASE_URL; answers its exit code and output. */
function script(file: string, args: string[], databaseUrl: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** Every table of the database with its rows: a count and a digest of every row's text, in order. */
async function contentsOf(url: string): Promise<Record<string, string>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const tables = (await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.name);
    const contents: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await db.query<{ n: number; digest: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${table}" t`);
      contents[table] = `${rows[0]!.n} rows, ${rows[0]!.digest}`;
    }
    return contents;
  } finally {
    await db.end();
  }
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/** The demo officer, signed in with a session cookie (writes carry the origin, as a browser's do). */
async function signIn(app: Parameters<typeof client>[0]) {
  const anonymous = client(app, null);
  const origin = { Origin: 'http://localhost' };
  const response = await anonymous.post('/api/auth/sign-in', { email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password }, { headers: origin });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const headers = { ...origin, Cookie: response.headers.get('set-cookie')!.split(';')[0]! };
  return {
    get: (path: string) => anonymous.get(path, { headers }),
    post: (path: string, body: unknown) => anonymous.post(path, body, { headers }),
    patch: (path: string, body: unknown, ifMatch: string) => anonymous.patch(path, body, { headers, ifMatch })
  };
}

describe('backups of a PostgreSQL database', () => {
  it('restores the database exactly as it was at the backup, and RegioDesk goes on from there', async () => {
    const url = await newDatabase();
    const backupFile = join(dir, 'backups', 'regiodesk-backup.dump');
    mkdirSync(join(dir, 'backups'));

    // filled: the demo workspace, and an organisation written through the app
    const first = await bootstrap({ DATABASE_URL: url, REGIODESK_DEMO: '1' });
    let before: Record<string, string>;
    let kept: { id: string };
    try {
      const officer = await signIn(first.app);
      const created = await officer.post('/api/organisations', { name: 'Kühlhaus Backup-Probe GmbH', kind: 'company', country: 'DE' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      kept = created.body as { id: string };
      before = await contentsOf(url);
      expect(Number(before.organisations!.split(' ')[0])).toBeGreaterThan(5);

      // backed up while the app holds its connections
      const backup = await script('scripts/backup.ts', [backupFile], url);
      expect(backup.code, backup.err).toBe(0);
      expect(backup.out).toMatch(/^Backup written: .*regiodesk-backup\.dump \(pg_dump archive, \d+ tables, [\d.]+ MB, [\d.]+ s; as of \S+; archive checked\)/);
      // the password never reaches the archive's name or the output
      expect(backup.out + backup.err).not.toContain(password);
      const again = await script('scripts/backup.ts', [backupFile], url);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/already exists; choose a new file name \(or pass --force/);

      // changed: rows written, changed and removed through the app, and a table a later version would add
      expect((await officer.post('/api/organisations', { name: 'Nach dem Backup AG', kind: 'company', country: 'DE' })).status).toBe(201);
      expect((await officer.patch(`/api/organisations/${kept.id}`, { name: 'Umbenannt nach dem Backup' }, '"1"')).status).toBeLessThan(300);
      await sql(url, 'DELETE FROM interactions WHERE id IN (SELECT id FROM interactions ORDER BY id LIMIT 3)');
      await sql(url, 'CREATE TABLE made_after_backup (x integer)');
      expect(await contentsOf(url)).not.toEqual(before);

      // refused while the app is open: nothing changes
      const refused = await script('scripts/restore.ts', [backupFile], url);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/is in use \(is the server running\?\); stop it before restoring/);
      expect((await sql(url, "SELECT count(*)::int AS n FROM organisations WHERE name = 'Nach dem Backup AG'"))[0]).toEqual({ n: 1 });
    } finally {
      await first.close();
    }

    const restore = await script('scripts/restore.ts', [backupFile], url);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/Restored .*regiodesk-backup\.dump into .* \(archive checked; one transaction\)/);
    expect(restore.out + restore.err).not.toContain(password);
    const keptAs = /kept as (\S+\.dump)/.exec(restore.out)?.[1];
    expect(keptAs, restore.out).toBeDefined();
    // what the database held before the restore is an archive too, with the later table in it
    expect((await checkPostgresArchive(keptAs!)).tables).toContain('made_after_backup');

    // every table as at the backup; the later table gone
    expect(await contentsOf(url)).toEqual(before);

    // RegioDesk starts on it, finds the record by a word of its name, and numbers a new one after the restored ones
    const second = await bootstrap({ DATABASE_URL: url, REGIODESK_DEMO: '1' });
    try {
      expect(second.seeded.demo).toBe(false);
      const officer = await signIn(second.app);
      const found = await officer.get('/api/search?q=kuhlh');
      expect(found.status).toBe(200);
      expect(JSON.stringify(found.body)).toContain(kept!.id);
      const newer = await officer.post('/api/organisations', { name: 'Nach der Wiederherstellung eG', kind: 'company', country: 'DE' });
      expect(newer.status, JSON.stringify(newer.body)).toBe(201);
      const [{ rowid: newest }] = await sql<{ rowid: number }>(url, "SELECT rowid FROM search_entries WHERE entity_id = $1", [(newer.body as { id: string }).id]);
      const [{ max }] = await sql<{ max: number }>(url, "SELECT max(rowid) AS max FROM search_entries WHERE entity_id <> $1", [(newer.body as { id: string }).id]);
      expect(newest).toBeGreaterThan(max);
      expect(JSON.stringify((await officer.get('/api/search?q=wiederherstellung')).body)).toContain((newer.body as { id: string }).id);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('refuses a backup of a newer RegioDesk and a file that is no archive, changing nothing', async () => {
    const url = await newDatabase();
    const started = await bootstrap({ DATABASE_URL: url, REGIODESK_DEMO: '0' });
    await started.close();
    await sql(url, "INSERT INTO kysely_migration (name, timestamp) VALUES ('29991231T0000_from_the_future', '2999-12-31T00:00:00.000Z')");
    const newer = join(dir, 'newer.dump');
    expect((await script('scripts/backup.ts', [newer], url)).code).toBe(1);
    // the backup itself checks what it wrote: a database of a newer RegioDesk makes no file
    expect(existsSync(newer)).toBe(false);
    await sql(url, "DELETE FROM kysely_migration WHERE name = '29991231T0000_from_the_future'");

    const other = await newDatabase();
    const made = await bootstrap({ DATABASE_URL: other, REGIODESK_DEMO: '0' });
    await made.close();
    await sql(other, "INSERT INTO kysely_migration (name, timestamp) VALUES ('29991231T0000_from_the_future', '2999-12-31T00:00:00.000Z')");
    // an archive of it, made by pg_dump directly (as an operator would)
    const { runPostgresProgram } = await import('../../../db/postgres-programs.js');
    await runPostgresProgram('pg_dump', other, ['--format=custom', `--file=${newer}`]);
    const before = await contentsOf(url);
    const refused = await script('scripts/restore.ts', [newer], url);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/comes from a newer RegioDesk \(migrations 29991231T0000_from_the_future\); restore it with that version/);

    const notAnArchive = join(dir, 'notes.dump');
    writeFileSync(notAnArchive, 'not a backup');
    const wrong = await script('scripts/restore.ts', [notAnArchive], url);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/is not a PostgreSQL backup \(pg_dump --format=custom\)/);
    expect(await contentsOf(url)).toEqual(before);
  }, 120_000);

  it('takes the scheduled backups as time-named archives, keeps the newest, and in one of two processes only', async () => {
    const url = await newDatabase();
    const started = await bootstrap({ DATABASE_URL: url, REGIODESK_DEMO: '0' });
    await started.close();
    const folder = join(dir, 'scheduled');
    mkdirSync(folder);
    writeFileSync(join(folder, backupFileName(new Date('2026-01-01T00:00:00Z'), 'dump')), 'old');
    writeFileSync(join(folder, backupFileName(new Date('2026-01-02T00:00:00Z'), 'dump')), 'old');
    const printed = await runBackupScript(url, { dir: folder, intervalHours: 24, keep: 2 });
    expect(printed).toMatch(/^Backup written: .*regiodesk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump \(pg_dump archive, \d+ tables/);
    expect(printed).toContain(`Removed beyond the 2 kept: ${backupFileName(new Date('2026-01-01T00:00:00Z'), 'dump')}`);
    const written = listBackups(folder).at(-1)!;
    expect((await checkPostgresArchive(join(folder, written))).tables).toContain('organisations');

    // two processes on the database, each with its schedule, both due at once on an empty folder: one backup
    const everyOther = join(dir, 'two-processes');
    mkdirSync(everyOther);
    const handles = [await openPostgres(url), await openPostgres(url)];
    const said: string[] = [];
    let runs = 0;
    let ran!: () => void;
    const first = new Promise<void>((resolve) => (ran = resolve));
    const schedules = handles.map((handle, i) =>
      startBackupRuns(
        url,
        { dir: everyOther, intervalHours: 24, keep: 7 },
        { info: (line) => said.push(`${i}: ${line}`), error: (line) => said.push(`${i} error: ${line}`) },
        async () => {
          runs++;
          const out = await runBackupScript(url, { dir: everyOther, intervalHours: 24, keep: 7 });
          ran();
          return out;
        },
        new RunLease(handle.db, 'backup-run', 'The scheduled backup', { holder: `process ${i}`, log: (line) => said.push(`${i}: ${line}`) })
      )
    );
    try {
      await first;
      // the other turn has been asked by now (both were due at once); give it a moment to answer
      for (let turn = 0; turn < 50 && !said.some((line) => line.includes('runs in another process')); turn++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      for (const schedule of schedules) await schedule.stop();
      for (const handle of handles) await handle.close();
    }
    expect(runs, said.join('\n')).toBe(1);
    expect(readdirSync(everyOther).filter((name) => name.endsWith('.dump'))).toHaveLength(1);
    expect(said.filter((line) => line.includes('runs in another process'))).toHaveLength(1);
  }, 120_000);
});
