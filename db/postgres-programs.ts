/**
 * PostgreSQL's own client programs (pg_dump, pg_restore, psql), found as
 * Debian installs them: `PG_BIN` when set, else the newest
 * /usr/lib/postgresql/<version>/bin that has the program (a newer pg_dump
 * reads an older server; an older one refuses a newer server), else the
 * PATH. They are run with the connection's password in the environment
 * (PGPASSWORD), never on the command line, where `ps` would show it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type PostgresProgram = 'pg_dump' | 'pg_restore' | 'psql';

function versions(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

/** The program's path, or its bare name (found on the PATH when run). */
export function postgresProgram(name: PostgresProgram, env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [env.PG_BIN, ...versions().map((version) => `/usr/lib/postgresql/${version}/bin`)].filter((dir): dir is string => Boolean(dir));
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
  return found ?? name;
}

/** The URL without its password, and the password (for PGPASSWORD). */
export function splitPassword(url: string): { url: string; password: string | null } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

export interface ProgramRun {
  stdout: string;
  stderr: string;
}

/**
 * Runs a PostgreSQL program against `url` (given as `--dbname`, its password
 * in PGPASSWORD); rejects with what the program said when it fails, or in
 * words when it is not installed.
 */
export function runPostgresProgram(name: PostgresProgram, url: string | null, args: string[], options: { input?: string; maxBuffer?: number } = {}): Promise<ProgramRun> {
  const program = postgresProgram(name);
  const connection = url ? splitPassword(url) : null;
  const env = { ...process.env, ...(connection?.password ? { PGPASSWORD: connection.password } : {}) };
  const argv = connection ? [`--dbname=${connection.url}`, ...args] : args;
  return new Promise((resolve, reject) => {
    const child = execFile(program, argv, { env, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new Error(`${name} is not installed (looked in PG_BIN, /usr/lib/postgresql/<version>/bin and the PATH): install PostgreSQL's client programs (Debian: apt-get install postgresql-client).`));
      }
      reject(new Error(`${name} failed: ${(stderr || error.message).trim()}`));
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
