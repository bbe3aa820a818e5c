/**
 * Starts the real product (server.ts over the built web app) on a free port
 * with its own database file, as `npm start` would, and stops it after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnProduct } from '../../support/product-process.js';

export interface RunningServer {
  url: string;
  databaseFile: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-e2e-'));
  const databaseFile = join(dir, 'regiodesk.db');
  const { url, child, output } = await spawnProduct({ DATABASE_URL: databaseFile, ...env }, 60_000);
  return {
    url,
    databaseFile,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
