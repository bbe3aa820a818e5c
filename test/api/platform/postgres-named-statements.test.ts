/**
 * PostgreSQL: the reads a process runs again and again are prepared once per
 * connection, by name (db/named-statements.ts), so PostgreSQL parses them
 * once and, where a generic plan costs no more than planning for the values,
 * stops planning them (issue 12, point 6: planning took 1–2.3 ms of the
 * complex statements, more than running them). What it must not do: prepare
 * writes or a text run once or twice, hold more than its share of the
 * server's memory, or fail a read after a migration changed the columns a
 * prepared statement answers.
 *
 * A real PostgreSQL: REGIODESK_TEST_POSTGRES_URL, or a throwaway cluster
 * started here (test/support/postgres.ts); a database of this file's own,
 * with one table of its own. Each pool here holds one connection, so
 * `pg_prepared_statements` (a connection's own) is that of the statements run.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPostgres, openPostgres } from '../../../db/connection.js';
import { NAMED_STATEMENT_LIMITS, type NamedStatementLimits } from '../../../db/named-statements.js';
import { rowLimit } from '../../../db/platform/pagination.js';
import { createDatabase, type PostgresServer, startPostgres } from '../../support/postgres.js';

interface Things {
  things: { id: string; name: string; kind: string };
}

let server: PostgresServer;
let database: Awaited<ReturnType<typeof createDatabase>>;
const opened: OpenedPostgres[] = [];

beforeAll(async () => {
  server = await startPostgres();
  database = await createDatabase(server);
  const setup = await openPostgres(database.url, { connections: 1 });
  await sql`CREATE TABLE things (id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL)`.execute(setup.db);
  await sql`INSERT INTO things SELECT 'thing-' || i, 'Thing ' || i, CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END FROM generate_series(1, 2000) AS i`.execute(setup.db);
  await sql`ANALYZE things`.execute(setup.db);
  await setup.close();
});

afterEach(async () => {
  for (const pool of opened.splice(0)) await pool.close();
});

afterAll(async () => {
  await database?.drop();
  await server?.stop();
});

/** A pool of one connection on the test's database. */
async function onePool(limits?: NamedStatementLimits): Promise<Kysely<Things>> {
  const pool = await openPostgres(database.url, { connections: 1, namedStatements: limits });
  opened.push(pool);
  return pool.db as unknown as Kysely<Things>;
}

/** The statements prepared on the pool's one connection, with how often PostgreSQL planned them each way. */
async function prepared(db: Kysely<Things>) {
  const rows = await sql<{ name: string; statement: string; generic_plans: number; custom_plans: number }>`
    SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY statement`.execute(db);
  return rows.rows.filter((row) => !row.statement.includes('pg_prepared_statements'));
}

const byId = (db: Kysely<Things>, id: string) => db.selectFrom('things').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

describe('reads prepared by name on PostgreSQL', () => {
  it('prepares a read the process ran three times, parses it once, and keeps the generic plan PostgreSQL finds as cheap after five runs', async () => {
    const db = await onePool();
    expect(NAMED_STATEMENT_LIMITS.repeats).toBe(3);
    await byId(db, 'thing-1');
    await byId(db, 'thing-2');
    expect(await prepared(db)).toEqual([]);
    for (let i = 3; i <= 10; i++) expect(await byId(db, `thing-${i}`)).toEqual({ id: `thing-${i}`, name: `Thing ${i}` });
    const [statement, ...others] = await prepared(db);
    expect(others).toEqual([]);
    expect(statement!.name).toMatch(/^rd_[0-9a-f]{24}$/);
    expect(statement!.statement).toBe('select "id", "name" from "things" where "id" = $1');
    // run by name eight times (the third to the tenth): planned for its values five times, then the generic plan (a key lookup) kept
    expect({ custom: Number(statement!.custom_plans), generic: Number(statement!.generic_plans) }).toEqual({ custom: 5, generic: 3 });
  });

  it('goes on planning a read for its values when the generic plan would cost more: a page whose LIMIT a generic plan cannot see', async () => {
    const db = await onePool();
    // the first page of one kind, by name: for its values an index walk that stops at 10 rows; generic, the planner expects a tenth of them
    await sql`CREATE INDEX IF NOT EXISTS things_kind_name ON things (kind, name)`.execute(db);
    await sql`ANALYZE things`.execute(db);
    const page = (kind: string, limit: number) => db.selectFrom('things').select('id').where('kind', '=', kind).orderBy('name').limit(limit).execute();
    for (let i = 0; i < 10; i++) expect(await page(i % 2 ? 'odd' : 'even', 10)).toHaveLength(10);
    const [statement] = await prepared(db);
    expect(statement!.statement).toMatch(/order by "name" limit \$2$/);
    expect({ custom: Number(statement!.custom_plans), generic: Number(statement!.generic_plans) }).toEqual({ custom: 8, generic: 0 });
  });

  it('plans a page once for every value when its LIMIT is written into the text (rowLimit): the generic plan sees the page', async () => {
    const db = await onePool();
    await sql`CREATE INDEX IF NOT EXISTS things_kind_name ON things (kind, name)`.execute(db);
    await sql`ANALYZE things`.execute(db);
    const page = (kind: string, limit: number) => db.selectFrom('things').select('id').where('kind', '=', kind).orderBy('name').limit(rowLimit(limit)).execute();
    for (let i = 0; i < 10; i++) expect(await page(i % 2 ? 'odd' : 'even', 10)).toHaveLength(10);
    const [statement] = await prepared(db);
    expect(statement!.statement).toMatch(/order by "name" limit 10$/);
    // five plans for the values (PostgreSQL's rule), then the generic one for the other three runs after preparing
    expect({ custom: Number(statement!.custom_plans), generic: Number(statement!.generic_plans) }).toEqual({ custom: 5, generic: 3 });
  });

  it('never prepares a write, nor more statements than its share on one connection', async () => {
    const db = await onePool({ repeats: 1, perConnection: 2 });
    for (let i = 0; i < 4; i++) await db.updateTable('things').set({ name: `Thing ${i}` }).where('id', '=', `thing-${i}`).execute();
    const reads = [
      () => db.selectFrom('things').select('id').where('id', '=', 'thing-1').execute(),
      () => db.selectFrom('things').select('name').where('id', '=', 'thing-1').execute(),
      () => db.selectFrom('things').select('kind').where('id', '=', 'thing-1').execute(),
      () => db.selectFrom('things').select(['id', 'kind']).where('id', '=', 'thing-1').execute()
    ];
    for (const read of reads) expect(await read()).toHaveLength(1);
    for (const read of reads) expect(await read()).toHaveLength(1);
    // the first two reads hold the connection's two places; the update, run as often, holds none
    expect((await prepared(db)).map((s) => s.statement)).toEqual(['select "id" from "things" where "id" = $1', 'select "name" from "things" where "id" = $1']);
  });

  it('answers a prepared read after a migration changed the columns it answers, prepared again under a new name', async () => {
    const db = await onePool();
    const whole = () => db.selectFrom('things').selectAll().where('id', '=', 'thing-7').executeTakeFirstOrThrow();
    for (let i = 0; i < 4; i++) expect(Object.keys(await whole())).toEqual(['id', 'name', 'kind']);
    const [before] = await prepared(db);
    expect(before!.statement).toBe('select * from "things" where "id" = $1');
    // another process migrates meanwhile; PostgreSQL then refuses the prepared statement ("cached plan must not change result type")
    const migrator = await openPostgres(database.url, { connections: 1 });
    try {
      await sql`ALTER TABLE things ADD COLUMN note text`.execute(migrator.db);
    } finally {
      await migrator.close();
    }
    try {
      expect(await whole()).toEqual({ id: 'thing-7', name: 'Thing 7', kind: 'odd', note: null });
      expect(await whole()).toEqual({ id: 'thing-7', name: 'Thing 7', kind: 'odd', note: null });
      const names = (await prepared(db)).filter((s) => s.statement === before!.statement).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining([before!.name, `${before!.name}_1`]));
    } finally {
      await sql`ALTER TABLE things DROP COLUMN note`.execute(db);
    }
  });
});
