/**
 * Which database engine `npm run bench:scale` measures (`--engine`):
 *
 * - `sqlite` (default): the workspace is the SQLite file workspace.ts builds.
 * - `postgres`: the same workspace, built on SQLite and copied into a new
 *   PostgreSQL database (postgres-workspace.ts), which the product server is
 *   started on (`DATABASE_URL=postgres://…`). The server is `--postgres-url`
 *   (a role that may create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres),
 *   or else a throwaway cluster started for the run from Debian's PostgreSQL
 *   (as the tests' is, test/support/postgres.ts) and removed at the end.
 *   The throwaway cluster keeps fsync on and runs with
 *   `synchronous_commit=off`: a commit does not wait for the disk, as SQLite's
 *   `synchronous=normal` (the product's default) does not — the same
 *   durability (a crash of the machine may lose the last commits, never the
 *   database), so the writes are compared like for like. Its locale is C.UTF-8,
 *   so names sort by code point, as SQLite's BINARY collation sorts them.
 *
 * A database built here is dropped at the end, unless `--workspaces` keeps
 * the workspaces and `--postgres-url` names a server that outlives the run:
 * then it is kept as `regiodesk_scale_<size>` and reused while the SQLite
 * workspace it was copied from is.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isPostgresUrl, redacted } from '../../../db/connection.js';
import { type PostgresServer, startCluster } from '../../support/postgres.js';
import { copyScaleWorkspaceToPostgres, databaseExists, databaseUrl, dropDatabase } from './postgres-workspace.js';
import type { ScaleWorkspace, SizeName } from './workspace.js';

export type EngineName = 'sqlite' | 'postgres';

export interface Built {
  workspace: ScaleWorkspace;
  reused: boolean;
}

export interface BenchEngine {
  name: EngineName;
  /** where the workspaces live, in words */
  where: string;
  /** The workspace of this size on this engine, given how to get it on SQLite (`sqlite`, which builds or reuses the file). */
  workspaceFor(size: SizeName, dir: string, sqlite: () => Promise<Built>): Promise<Built>;
  /** Drops the databases not kept and stops a throwaway cluster. */
  stop(): Promise<void>;
}

/** The benchmark cluster's settings (see above). */
const BENCH_SETTINGS = { synchronous_commit: 'off' };

/** The copier's own source, so a kept database copied by an older one is copied again. */
function copierHash(): string {
  const file = join(dirname(new URL(import.meta.url).pathname), 'postgres-workspace.ts');
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

const SQLITE: BenchEngine = {
  name: 'sqlite',
  where: 'SQLite files',
  workspaceFor: (_size, _dir, sqlite) => sqlite(),
  stop: async () => {}
};

export async function benchEngine(options: { engine: string; postgresUrl?: string; keep: boolean }): Promise<BenchEngine> {
  if (options.engine === 'sqlite') {
    if (options.postgresUrl) throw new Error('--postgres-url is for --engine=postgres.');
    return SQLITE;
  }
  if (options.engine !== 'postgres') throw new Error(`Unknown engine "${options.engine}": use sqlite or postgres.`);
  if (options.postgresUrl && !isPostgresUrl(options.postgresUrl)) throw new Error(`--postgres-url takes a postgres:// URL, not ${options.postgresUrl}.`);
  const server: PostgresServer = options.postgresUrl ? { adminUrl: options.postgresUrl, stop: async () => {} } : await startCluster(BENCH_SETTINGS);
  // a run stopped early (Ctrl-C, a failure that exits) still removes its throwaway cluster (stop() works synchronously)
  const onExit = () => void server.stop();
  if (!options.postgresUrl) process.once('exit', onExit);
  const keep = options.keep && Boolean(options.postgresUrl);
  const made: string[] = [];
  return {
    name: 'postgres',
    where: options.postgresUrl ? `PostgreSQL at ${redacted(options.postgresUrl)}` : `a throwaway PostgreSQL cluster (${redacted(server.adminUrl)})`,
    async workspaceFor(size, dir, sqlite) {
      const fromSqlite = await sqlite();
      const database = keep ? `regiodesk_scale_${size}` : `regiodesk_scale_${size}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const manifest = join(dir, `scale-${size}.postgres.json`);
      if (keep && fromSqlite.reused && existsSync(manifest) && (await databaseExists(server.adminUrl, database))) {
        const kept = JSON.parse(readFileSync(manifest, 'utf8')) as ScaleWorkspace & { copier?: string };
        if (kept.copier === copierHash()) return { workspace: { ...kept, file: databaseUrl(server.adminUrl, database) }, reused: true };
      }
      if (keep) {
        rmSync(manifest, { force: true });
        await dropDatabase(server.adminUrl, database);
      }
      console.log(`copying the ${size} workspace into PostgreSQL (${database})…`);
      made.push(database);
      const workspace = await copyScaleWorkspaceToPostgres(fromSqlite.workspace, server.adminUrl, database, (line) => console.log(line));
      console.log(`  copied in ${workspace.copySeconds.toFixed(1)} s: ${redacted(workspace.file)}`);
      if (keep) writeFileSync(manifest, JSON.stringify({ ...workspace, copier: copierHash() }, null, 2));
      return { workspace, reused: false };
    },
    async stop() {
      if (!keep) for (const database of made) await dropDatabase(server.adminUrl, database).catch(() => {});
      process.removeListener('exit', onExit);
      await server.stop();
    }
  };
}
