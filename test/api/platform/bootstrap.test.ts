/**
 * Start-up as a deployment meets it: an empty database gets the first
 * administrator from the environment, REGIODESK_DEMO=0 leaves the demo out,
 * the demo is dated for today or for REGIODESK_DEMO_DATE, and a second
 * start changes nothing. On the engine the tests run on: a
 * SQLite file, or with REGIODESK_TEST_ENGINE=postgres a postgres:// URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../api/bootstrap.js';
import { demoIds } from '../../../fixtures/demo.js';
import { demoToday } from '../../../fixtures/demo-calendar.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { client } from '../../support/http.js';
import { testEngine } from '../../support/database.js';
import { createDatabase, type PostgresServer, startPostgres } from '../../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-bootstrap-'));
let postgres: PostgresServer | null = null;
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** DATABASE_URL of a new, empty database named `name`: a file under `dir`, or a database on PostgreSQL. */
async function newDatabaseUrl(name: string): Promise<string> {
  if (testEngine() === 'sqlite') return join(dir, name);
  postgres ??= await startPostgres();
  const created = await createDatabase(postgres);
  drops.push(created.drop);
  return created.url;
}

type StartedApp = Awaited<ReturnType<typeof bootstrap>>;

async function count(started: StartedApp, table: 'users' | 'organisations'): Promise<number> {
  return Number((await started.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** The status a sign-in through the started app answers. */
async function signIn(app: StartedApp['app'], email: string, password: string): Promise<number> {
  return (await client(app, null).post('/api/auth/sign-in', { email, password })).status;
}

describe('bootstrap', () => {
  it('creates the first administrator from the environment and no demo when REGIODESK_DEMO=0', async () => {
    const env = { DATABASE_URL: await newDatabaseUrl(join('deploy', 'regiodesk.db')), REGIODESK_DEMO: '0', REGIODESK_ADMIN_EMAIL: 'Europa@Example.org', REGIODESK_ADMIN_PASSWORD: 'a-strong-first-password' };
    const first = await bootstrap(env);
    expect(first.seeded).toEqual({ demo: false, admin: 'europa@example.org' });
    expect(first.engine).toBe(testEngine());
    expect(await first.db.selectFrom('users').select(['email', 'is_admin']).execute()).toEqual([{ email: 'europa@example.org', is_admin: 1 }]);
    expect(await count(first, 'organisations')).toBe(0);
    expect(await signIn(first.app, 'europa@example.org', 'a-strong-first-password')).toBe(200);
    await first.close();

    const again = await bootstrap(env);
    expect(again.seeded).toEqual({ demo: false, admin: null });
    expect(await count(again, 'users')).toBe(1);
    await again.close();
  });

  it('seeds the demo workspace on an empty database by default, once', async () => {
    const env = { DATABASE_URL: await newDatabaseUrl('demo.db') };
    const first = await bootstrap(env);
    expect(first.seeded.demo).toBe(true);
    expect(await signIn(first.app, DEMO_SIGN_IN.accounts[0]!.email, DEMO_SIGN_IN.password)).toBe(200);
    const organisations = await count(first, 'organisations');
    expect(organisations).toBeGreaterThan(0);
    await first.close();
    const again = await bootstrap(env);
    expect(again.seeded.demo).toBe(false);
    expect(await count(again, 'organisations')).toBe(organisations);
    await again.close();
  });

  it('dates the demo for today, or for the day REGIODESK_DEMO_DATE names; a day that does not exist stops the start', async () => {
    const titleOf = async (started: StartedApp) =>
      (await started.db.selectFrom('partnerships').select('title').where('id', '=', demoIds.partnership('rnVb2025')).executeTakeFirstOrThrow()).title;
    const year = Number(demoToday().slice(0, 4));
    const today = await bootstrap({ DATABASE_URL: await newDatabaseUrl('today.db') });
    expect(await titleOf(today)).toBe(`Rhein-Neckar – Vlaams-Brabant ${year - 1}–${year + 2} (demo)`);
    await today.close();

    const june = await bootstrap({ DATABASE_URL: await newDatabaseUrl('june.db'), REGIODESK_DEMO_DATE: '2031-06-15' });
    expect(await titleOf(june)).toBe('Rhein-Neckar – Vlaams-Brabant 2030–2033 (demo)');
    expect(await june.db.selectFrom('work_plans').select(['year', 'status']).orderBy('year').execute()).toEqual([
      { year: 2030, status: 'adopted' },
      { year: 2031, status: 'adopted' }
    ]);
    await june.close();

    await expect(bootstrap({ DATABASE_URL: await newDatabaseUrl('no-day.db'), REGIODESK_DEMO_DATE: '2031-06-31' })).rejects.toThrow(
      'REGIODESK_DEMO_DATE must be a calendar date written YYYY-MM-DD, such as 2027-06-15, not "2031-06-31".'
    );
  });

  it('refuses a first administrator password shorter than 10 characters', async () => {
    await expect(bootstrap({ DATABASE_URL: await newDatabaseUrl('short.db'), REGIODESK_DEMO: '0', REGIODESK_ADMIN_EMAIL: 'a@example.org', REGIODESK_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/at least 10/);
  });
});
