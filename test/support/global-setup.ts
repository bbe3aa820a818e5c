/**
 * Migrates one template database per run; each test file copies it
 * (cheaper than migrating every time, and every file gets its own real file).
 *
 * REGIODESK_TEST_ENGINE=postgres: also a PostgreSQL (REGIODESK_TEST_POSTGRES_URL,
 * or a throwaway cluster, test/support/postgres.ts) with a migrated template
 * database, which each test file's database copies (CREATE DATABASE … TEMPLATE).
 * The SQLite template is made either way: tests about SQLite files use it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, openPostgres } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { compileMessages } from '../../scripts/i18n/compile.js';
import { asAdministrator, runDatabaseName, startPostgres } from './postgres.js';

export default async function setup() {
  // the web's words and, later, the server's: compiled from the catalogue unless they already are
  await compileMessages({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-tests-'));
  const template = join(dir, 'template.db');
  const opened = openDatabase(template);
  await migrateToLatest(opened.db);
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.sqlite.pragma('journal_mode = DELETE');
  await opened.close();
  process.env.REGIODESK_TEST_TEMPLATE = template;
  process.env.REGIODESK_TEST_DIR = dir;
  const postgres = process.env.REGIODESK_TEST_ENGINE === 'postgres' ? await postgresTemplate() : null;
  return async () => {
    await postgres?.teardown();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function postgresTemplate(): Promise<{ teardown(): Promise<void> }> {
  const server = await startPostgres();
  const name = runDatabaseName('regiodesk_run');
  await asAdministrator(server, `CREATE DATABASE ${name}`);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  const template = await openPostgres(url.toString(), { connections: 1 });
  try {
    await migrateToLatest(template.db);
  } finally {
    // no session may stay on a template while it is copied
    await template.close();
  }
  // the tests' own PostgreSQL tests (postgres-schema, constraint-violations) use this server too
  process.env.REGIODESK_TEST_POSTGRES_URL = server.adminUrl;
  process.env.REGIODESK_TEST_POSTGRES_TEMPLATE = name;
  return {
    async teardown() {
      // a server the run was given keeps nothing of the run: the copies, then the template
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${name}%`]);
        for (const { datname } of rows.sort((a, b) => b.datname.length - a.datname.length)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      } finally {
        await client.end();
      }
      await server.stop();
    }
  };
}
