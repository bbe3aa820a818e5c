/**
 * The real product as its own process, started the way `npm start` starts
 * it (the arguments of package.json's start script: heap limits, serve.mjs),
 * on a free port, answered once /api/health does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ProductProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** The arguments `npm start` hands to node after building. */
export function productArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const match = /exec node (.+)$/.exec(scripts.start);
  if (!match) throw new Error(`package.json's start script does not end in "exec node …": ${scripts.start}`);
  return match[1]!.trim().split(/\s+/);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** `answered` decides which /api/health status means the server is up: 200 by default; a test of a degraded start takes 503 too. */
export async function spawnProduct(env: Record<string, string>, startupMs: number, answered: (status: number) => boolean = (status) => status === 200): Promise<ProductProcess> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, productArguments(), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startupMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${log}`);
    try {
      if (answered((await fetch(`${url}/api/health`)).status)) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the server did not answer /api/health within ${startupMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child, output: () => log };
}
