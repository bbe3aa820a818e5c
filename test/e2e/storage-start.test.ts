/**
 * The real server process (as `npm start` runs it) on a read-only database
 * file: with every migration applied it starts, health answers 503
 * degraded, reads answer and sign-in says why it cannot; with a migration
 * pending it refuses to start and says why in one sentence. The file is made
 * read-only as test/support/storage.ts explains (chattr +i for root).
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnProduct } from '../support/product-process.js';
import { databaseAt, databaseOneMigrationBehind, makeReadOnly } from '../support/storage.js';
import { PASSWORD } from '../support/world.js';

let dir: string;
const undos: (() => void)[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'regiodesk-read-only-process-'));
});
afterAll(() => {
  for (const undo of undos) undo();
  rmSync(dir, { recursive: true, force: true });
});

const env = (file: string) => ({ DATABASE_URL: file, REGIODESK_DEMO: '0', REGIODESK_REMINDER_INTERVAL_MINUTES: '0' });

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('the server on a read-only database file', () => {
  it('starts when every migration was applied: health 503 degraded, reads answer, sign-in 503 in words', async () => {
    const file = join(dir, 'current.db');
    const { opened, world } = await databaseAt(file);
    await opened.close();
    undos.push(makeReadOnly(file).undo);

    const { url, child, output } = await spawnProduct(env(file), 60_000, (status) => status === 200 || status === 503);
    try {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', reasons: [{ code: 'read-only' }] });

      const organisations = await fetch(`${url}/api/organisations`, { headers: { Authorization: `Bearer ${world.users.officer.token}` } });
      expect(organisations.status).toBe(200);

      const signIn = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: world.users.editor.email, password: PASSWORD }) });
      expect(signIn.status).toBe(503);
      expect(signIn.headers.get('content-type')).toContain('application/problem+json');
      expect((await signIn.json()).detail).toMatch(/^Signing in saves a session .*the database is read-only on this server\./);
      expect(output()).not.toMatch(/Internal error|SqliteError/);
    } finally {
      await stop(child);
    }
  });

  it('refuses to start when a migration is pending, saying why', async () => {
    const file = join(dir, 'behind.db');
    const newest = await databaseOneMigrationBehind(file);
    undos.push(makeReadOnly(file).undo);

    await expect(spawnProduct(env(file), 60_000)).rejects.toThrow(
      `the server exited early:\nRegioDesk cannot start: The database needs 1 migration this version brings (${newest}), and the database file is read-only, so it cannot be applied.`
    );
  });
});
