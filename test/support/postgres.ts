/**
 * A real PostgreSQL for tests. With REGIODESK_TEST_POSTGRES_URL set (a URL
 * of a role that may create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres)
 * the tests use that server; otherwise `startPostgres` starts a throwaway
 * cluster (initdb + pg_ctl from Debian's /usr/lib/postgresql/<version>/bin,
 * or PG_BIN) on a free local port, as the `postgres` OS user when the tests
 * run as root (PostgreSQL refuses to run as root), and `stop` removes it.
 * Each test file creates a database of its own (`createDatabase`).
 *
 * Nothing here skips: when PostgreSQL cannot be found or started, it throws
 * and says what is missing.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface PostgresServer {
  /** a URL whose role may create databases */
  adminUrl: string;
  stop(): Promise<void>;
}

function binDir(): string {
  const candidates = [process.env.PG_BIN, ...safeList('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)];
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed: no initdb/pg_ctl under /usr/lib/postgresql/<version>/bin (or PG_BIN). ' +
        'Install it (`apt-get install -y postgresql`) or set REGIODESK_TEST_POSTGRES_URL to a server the tests may create databases on.'
    );
  }
  return found;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as the `postgres` OS user when we are root. */
function run(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  try {
    execFileSync(command, argv, { stdio: 'pipe', cwd: '/' });
  } catch (error) {
    const output = (error as { stderr?: Buffer; stdout?: Buffer }).stderr?.toString() || (error as { stdout?: Buffer }).stdout?.toString() || String(error);
    throw new Error(`${program} ${args.join(' ')} failed: ${output.trim()}`, { cause: error });
  }
}

/** What the tests' clusters run with: nothing waits for the disk (the cluster is thrown away; a crash of the machine loses nothing of worth). */
const TEST_SETTINGS: Record<string, string> = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export async function startPostgres(): Promise<PostgresServer> {
  const given = process.env.REGIODESK_TEST_POSTGRES_URL?.trim();
  if (given) return { adminUrl: given, stop: async () => {} };
  return startCluster(TEST_SETTINGS);
}

/**
 * A throwaway cluster on a free local port with these server settings
 * (`-c name=value`; the benchmark's keeps fsync on), removed by `stop`
 * (which does its work synchronously, so it may be called from an exit handler).
 */
export async function startCluster(settings: Record<string, string>): Promise<PostgresServer> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'pipe' });
    } catch {
      throw new Error('The tests run as root and there is no `postgres` OS user to run a PostgreSQL cluster as (PostgreSQL refuses root): install Debian\'s postgresql package, or set REGIODESK_TEST_POSTGRES_URL.');
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = async () => {
    try {
      if (existsSync(join(data, 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`).join(' ')}`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').trim() : '';
    await stop().catch(() => {});
    throw new Error(`PostgreSQL could not be started for the tests: ${(error as Error).message}${log ? `\nserver log:\n${log}` : ''}`, { cause: error });
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** A new, empty database on `server`, and a way to drop it. */
export async function createDatabase(server: PostgresServer): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `regiodesk_test_${randomUUID().replaceAll('-', '')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(server, name) };
}

/**
 * Drops a test's database once its connections have gone. node-postgres's
 * `pool.end()` returns once it has asked its connections to close, not once
 * they have; DROP … WITH (FORCE) would end them first, and an idle
 * connection reports that as an error nobody catches (an uncaught error in
 * whichever test file runs then). So it waits (at most 5 s) until no
 * session is left on the database; one still there after that is a pool
 * the test left open, and FORCE ends it.
 */
async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 50) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function admin(server: PostgresServer, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The name of a run's database: its prefix (so teardown drops every one of the run), then a random part. */
export function runDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * A database copied from the run's migrated template (REGIODESK_TEST_ENGINE=postgres:
 * global-setup.ts made it and set REGIODESK_TEST_POSTGRES_URL and REGIODESK_TEST_POSTGRES_TEMPLATE).
 */
export async function createDatabaseFromTemplate(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.REGIODESK_TEST_POSTGRES_URL;
  const template = process.env.REGIODESK_TEST_POSTGRES_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('REGIODESK_TEST_ENGINE=postgres, but no template database was made: run the tests through vitest (test/support/global-setup.ts makes it).');
  }
  const server = { adminUrl, stop: async () => {} };
  const name = runDatabaseName(`${template}_copy`);
  await admin(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(server, name) };
}

/** Runs one statement as the server's administrator (creating and dropping databases). */
export async function asAdministrator(server: PostgresServer, statement: string): Promise<void> {
  await admin(server, statement);
}
