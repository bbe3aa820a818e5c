/**
 * Start-up as a deployment meets it: an empty database gets the first
 * administrator from the environment, REGIODESK_DEMO=0 leaves the demo out,
 * and a second start changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../api/bootstrap.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { client } from '../../support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-bootstrap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The status a sign-in through the started app answers. */
async function signIn(app: Awaited<ReturnType<typeof bootstrap>>['app'], email: string, password: string): Promise<number> {
  return (await client(app, null).post('/api/auth/sign-in', { email, password })).status;
}

describe('bootstrap', () => {
  it('creates the first administrator from the environment and no demo when REGIODESK_DEMO=0', async () => {
    const env = { DATABASE_URL: join(dir, 'deploy', 'regiodesk.db'), REGIODESK_DEMO: '0', REGIODESK_ADMIN_EMAIL: 'Europa@Example.org', REGIODESK_ADMIN_PASSWORD: 'a-strong-first-password' };
    const first = await bootstrap(env);
    expect(first.seeded).toEqual({ demo: false, admin: 'europa@example.org' });
    expect(first.sqlite.prepare('SELECT email, is_admin FROM users').all()).toEqual([{ email: 'europa@example.org', is_admin: 1 }]);
    expect((first.sqlite.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n).toBe(0);
    expect(await signIn(first.app, 'europa@example.org', 'a-strong-first-password')).toBe(200);
    await first.close();

    const again = await bootstrap(env);
    expect(again.seeded).toEqual({ demo: false, admin: null });
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
    await again.close();
  });

  it('seeds the demo workspace on an empty database by default, once', async () => {
    const env = { DATABASE_URL: join(dir, 'demo.db') };
    const first = await bootstrap(env);
    expect(first.seeded.demo).toBe(true);
    expect(await signIn(first.app, DEMO_SIGN_IN.accounts[0]!.email, DEMO_SIGN_IN.password)).toBe(200);
    const organisations = (first.sqlite.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n;
    await first.close();
    const again = await bootstrap(env);
    expect(again.seeded.demo).toBe(false);
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n).toBe(organisations);
    await again.close();
  });

  it('refuses a first administrator password shorter than 10 characters', async () => {
    await expect(bootstrap({ DATABASE_URL: join(dir, 'short.db'), REGIODESK_DEMO: '0', REGIODESK_ADMIN_EMAIL: 'a@example.org', REGIODESK_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/at least 10/);
  });
});
