/**
 * Starts the real product (server.ts over the built web app) as its own
 * process on an EXISTING database file, as a deployment would run it: no
 * demo seed, no periodic reminder run to disturb the measurement. Reads the
 * resident memory from /proc: of the process, or with REGIODESK_PROCESSES
 * of the largest process of the group (each is a Node process with its own
 * heap; the one that started them serves nothing).
 */
import { readFileSync } from 'node:fs';
import { spawnProduct } from '../../support/product-process.js';

export interface ProductServer {
  url: string;
  pid: number;
  /** resident set size in MB (VmRSS) of the process, or of the group's largest; null where /proc is not there */
  rssMb(): number | null;
  /** how many processes serve (1, or the group's) */
  processes(): number;
  output(): string;
  /** SIGTERM: closes cleanly (SIGKILL after 30 s) */
  stop(): Promise<void>;
  /** SIGKILL: for a server still busy with requests nobody waits for */
  kill(): Promise<void>;
}

function rssOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** The processes `pid` started (the group's, with REGIODESK_PROCESSES). */
function groupOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export async function startProductServer(databaseFile: string, env: Record<string, string> = {}): Promise<ProductServer> {
  const { url, child, output } = await spawnProduct({ DATABASE_URL: databaseFile, REGIODESK_DEMO: '0', REGIODESK_REMINDER_INTERVAL_MINUTES: '0', ...env }, 120_000);
  return {
    url,
    pid: child.pid!,
    rssMb() {
      const sizes = [child.pid!, ...groupOf(child.pid!)].map(rssOf).filter((mb): mb is number => mb !== null);
      return sizes.length ? Math.max(...sizes) : null;
    },
    processes() {
      return Math.max(1, groupOf(child.pid!).length);
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
