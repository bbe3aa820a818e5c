/**
 * A backup taken while another process keeps writing holds every write
 * acknowledged before it began, restores into a fresh file that passes
 * integrity_check, and RegioDesk starts from it. The writer is its own
 * process (test/support/interaction-writer.ts) posting interactions through
 * the app; backup and restore are the real scripts of `npm run backup` and
 * `npm run restore`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../api/bootstrap.js';
import { DEMO_SIGN_IN } from '../../../fixtures/users.js';
import { client } from '../../support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-backup-load-'));
const live = join(dir, 'live', 'regiodesk.db');
let writer: ChildProcess | null = null;
afterAll(() => {
  if (writer && writer.exitCode === null) writer.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a script of package.json (through tsx, as npm would) and answers its exit code and output. */
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

interface Ack {
  id: string;
  at: number;
}

describe('a backup under write load', () => {
  it('holds every write acknowledged before it began, and restores into a database RegioDesk starts from', async () => {
    const acks: Ack[] = [];
    let output = '';
    writer = spawn(process.execPath, ['--import', 'tsx', 'test/support/interaction-writer.ts'], { env: { ...process.env, DATABASE_URL: live }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => writer!.on('exit', resolve));
    let pending = '';
    writer.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [word, id, at] = line.split(' ');
        if (word === 'ack') acks.push({ id: id!, at: Number(at) });
      }
    });
    writer.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 90_000;
      while (!condition()) {
        if (writer!.exitCode !== null) throw new Error(`the writer stopped:\n${output}`);
        if (Date.now() > deadline) throw new Error(`waited too long for ${what}:\n${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    await until(() => acks.length >= 300, '300 acknowledged writes');
    const backupFile = join(dir, 'backups', 'regiodesk-backup.db');
    mkdirSync(join(dir, 'backups'));
    const backup = await script('scripts/backup.ts', [backupFile], live);
    expect(backup.code, backup.err).toBe(0);
    const asOf = /as of (\S+);/.exec(backup.out);
    expect(asOf, backup.out).not.toBeNull();
    const startedAt = Date.parse(asOf![1]!);
    const acksAtBackupEnd = acks.length;
    await until(() => acks.length >= acksAtBackupEnd + 100, '100 more writes after the backup');

    // while the writer has the live database open, a restore over it is refused
    const refused = await script('scripts/restore.ts', [backupFile], live);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is in use \(is the server running\?\); stop it before restoring/);

    writer.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    const before = acks.filter((ack) => ack.at < startedAt);
    const after = acks.filter((ack) => ack.at > startedAt);
    expect(before.length).toBeGreaterThanOrEqual(300);
    // the writer went on while the copy was made and after it
    expect(after.length).toBeGreaterThanOrEqual(100);

    const restoredFile = join(dir, 'restored', 'regiodesk.db');
    const restore = await script('scripts/restore.ts', [backupFile], restoredFile);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/Restored .* \(integrity ok\)/);
    expect(existsSync(`${restoredFile}-wal`)).toBe(false);

    const started = await bootstrap({ DATABASE_URL: restoredFile, REGIODESK_DEMO: '0' });
    if (started.engine !== 'sqlite') throw new Error('A restored backup is a SQLite file: bootstrap opened another engine.');
    try {
      expect(started.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const held = new Set((started.sqlite.prepare("SELECT id FROM interactions WHERE summary LIKE 'Backup under load:%'").all() as { id: string }[]).map((row) => row.id));
      expect(before.filter((ack) => !held.has(ack.id))).toEqual([]);
      // and not the writes acknowledged after the backup had ended: it is the state of one moment
      expect(held.size).toBeLessThan(acks.length);
      const signIn = await client(started.app, null).post('/api/auth/sign-in', { email: DEMO_SIGN_IN.accounts[0]!.email, password: DEMO_SIGN_IN.password });
      expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    } finally {
      await started.close();
    }
    expect(readdirSync(join(dir, 'backups'))).toEqual(['regiodesk-backup.db']);
  }, 180_000);
});
