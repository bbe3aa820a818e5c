/**
 * Two things PostgreSQL would otherwise do to RegioDesk's page-sized reads
 * (found by the scale benchmark on PostgreSQL, test/bench/scale):
 *
 * - an `EXISTS` under an `OR` (who may see a row) planned as a "hashed
 *   SubPlan": the whole set of visible organisations read once per
 *   statement (a scan of every organisation) where a list of 50 stops after
 *   a page. The visibility rules keep it a probe of the row at hand
 *   (`existsProbe`, db/engine-sql.ts), as SQLite runs it.
 * - a Memoize node, whose hash table PostgreSQL 15 builds at the planner's
 *   estimated size on every execution (about 10 ms on the large workspace):
 *   the connections of `openPostgres` run without it.
 *
 * A real PostgreSQL (REGIODESK_TEST_POSTGRES_URL or a throwaway cluster); a
 * migrated database of this file's own, without statistics (as a new
 * deployment starts). The plans checked here are PostgreSQL's alone.
 */
import type { Compilable } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPostgres, openPostgres } from '../../../db/connection.js';
import { interactionVisible, organisationVisible, personVisible } from '../../../db/crm/visibility.js';
import { migrateToLatest } from '../../../db/migrate.js';
import type { Scope } from '../../../db/scope.js';
import { createDatabase, type PostgresServer, startPostgres } from '../../support/postgres.js';

let server: PostgresServer;
let database: Awaited<ReturnType<typeof createDatabase>>;
let opened: OpenedPostgres;

beforeAll(async () => {
  server = await startPostgres();
  database = await createDatabase(server);
  opened = await openPostgres(database.url);
  await migrateToLatest(opened.db);
});

afterAll(async () => {
  await opened?.close();
  // the pool's end does not wait for its connections to close: wait, so dropping the database ends none of them mid-goodbye
  if (database) await connectionsGone(server.adminUrl, new URL(database.url).pathname.slice(1));
  await database?.drop();
  await server?.stop();
});

async function connectionsGone(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let turn = 0; turn < 50; turn++) {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.end();
  }
}

/** an officer: their organisation's records and two partnerships */
const officer: Scope = { all: false, organisationId: 'org-officer', partnershipIds: ['partnership-a', 'partnership-b'] };

async function planOf(query: Compilable<unknown>): Promise<string> {
  const compiled = query.compile();
  const { rows } = await opened.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${compiled.sql}`, compiled.parameters as unknown[]);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('page-sized reads on PostgreSQL', () => {
  it('probe visibility row by row: no hashed SubPlan reads every visible organisation, person or interaction', async () => {
    const db = opened.db;
    const lists = {
      organisations: db.selectFrom('organisations').selectAll().where(organisationVisible(officer)).orderBy('name').orderBy('id').limit(51),
      people: db.selectFrom('people').selectAll().where(personVisible(officer)).orderBy('name').orderBy('id').limit(51),
      interactions: db.selectFrom('interactions').selectAll().where(interactionVisible(officer)).orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(51)
    };
    for (const [name, query] of Object.entries(lists)) {
      const plan = await planOf(query);
      // the visibility probes are there, as SubPlans of the list's own rows…
      expect(plan, name).toMatch(/SubPlan/);
      // …each a probe per row, never a set built by reading a whole table first
      expect(plan, name).not.toMatch(/hashed SubPlan/);
    }
  });

  it('runs its connections without Memoize', async () => {
    // three connections at once: each new one is set up so
    const clients = await Promise.all([1, 2, 3].map(() => opened.pool.connect()));
    try {
      for (const client of clients) expect((await client.query("SELECT current_setting('enable_memoize') AS setting")).rows[0].setting).toBe('off');
    } finally {
      for (const client of clients) client.release();
    }
    // the server's default is on: the setting is RegioDesk's connections', not the server's
    expect((await opened.pool.query("SELECT reset_val FROM pg_settings WHERE name = 'enable_memoize'")).rows[0].reset_val).toBe('on');
  });
});
