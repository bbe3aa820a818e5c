/**
 * Starts the real product (server.ts over the built web app) as its own
 * process on an EXISTING database file, as a deployment would run it: no
 * demo seed, no periodic reminder run to disturb the measurement. Reads the
 * process's resident memory from /proc.
 */
import { readFileSync } from 'node:fs';
import { spawnProduct } from '../../support/product-process.js';

export interface ProductServer {
  url: string;
  pid: number;
  /** resident set size in MB (VmRSS), null where /proc is not there */
  rssMb(): number | null;
  output(): string;
  /** SIGTERM: closes cleanly (SIGKILL after 30 s) */
  stop(): Promise<void>;
  /** SIGKILL: for a server still busy with requests nobody waits for */
  kill(): Promise<void>;
}

export async function startProductServer(databaseFile: string, env: Record<string, string> = {}): Promise<ProductServer> {
  const { url, child, output } = await spawnProduct({ DATABASE_URL: databaseFile, REGIODESK_DEMO: '0', REGIODESK_REMINDER_INTERVAL_MINUTES: '0', ...env }, 120_000);
  return {
    url,
    pid: child.pid!,
    rssMb() {
      try {
        const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) / 1024 : null;
      } catch {
        return null;
      }
    },
    output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
  };
}
