/**
 * A write refused by a key reads the same on both engines
 * (db/constraint-violations.ts), and PostgreSQL's storage errors answer
 * the faults SQLite's do (db/storage-faults.ts): real errors from a real
 * SQLite file and a real PostgreSQL (test/support/postgres.ts; the test
 * fails, saying why, if PostgreSQL cannot be started).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kysely, sql } from 'kysely';
import { type OpenedPostgres, openPostgres } from '../../../db/connection.js';
import { constraintViolationOf } from '../../../db/constraint-violations.js';
import { UNIQUE_KEYS, type UniqueKey } from '../../../db/unique-keys.js';
import { problemOf } from '../../../api/platform/http/errors.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { storageFaultOf } from '../../../db/storage-faults.js';
import { sqliteTestDatabase } from '../../support/database.js';
import { createDatabase, type PostgresServer, startPostgres } from '../../support/postgres.js';

let server: PostgresServer;
let database: Awaited<ReturnType<typeof createDatabase>>;
let postgres: OpenedPostgres;
let sqlite: Awaited<ReturnType<typeof sqliteTestDatabase>>;

beforeAll(async () => {
  server = await startPostgres();
  database = await createDatabase(server);
  postgres = await openPostgres(database.url);
  await migrateToLatest(postgres.db);
  sqlite = await sqliteTestDatabase();
});

afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
  await database?.drop();
  await server?.stop();
});

async function refusal(write: Promise<unknown>): Promise<unknown> {
  try {
    await write;
  } catch (error) {
    return error;
  }
  throw new Error('The write was not refused.');
}

const addUser = (db: Kysely<any>, id: string, email: string) => sql`INSERT INTO users (id, email, name) VALUES (${id}, ${email}, 'Annelies Peeters')`.execute(db);
const addSession = (db: Kysely<any>, userId: string) =>
  sql`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (${`session-of-${userId}`}, ${userId}, '2026-12-07T08:00:00.000Z', '2026-12-07T08:00:00.000Z', '2026-12-08T08:00:00.000Z')`.execute(db);

describe('a write refused by a key', () => {
  const engines = () => [
    { engine: 'SQLite', db: sqlite.db, email: 'users.email', id: 'users.id', unique: 'SQLITE_CONSTRAINT_UNIQUE', primary: 'SQLITE_CONSTRAINT_PRIMARYKEY', foreign: 'SQLITE_CONSTRAINT_FOREIGNKEY', foreignNames: null },
    { engine: 'PostgreSQL', db: postgres.db, email: 'users_email_key', id: 'users_pkey', unique: '23505', primary: '23505', foreign: '23503', foreignNames: 'sessions_user_id_fkey' }
  ];

  it('is a unique violation when the value is taken, naming what holds it', async () => {
    for (const { engine, db, email, id, unique, primary } of engines()) {
      await addUser(db, 'user-annelies', 'annelies.peeters@vlaamsbrabant.be');
      expect(constraintViolationOf(await refusal(addUser(db, 'user-other', 'annelies.peeters@vlaamsbrabant.be'))), engine).toEqual({ kind: 'unique', code: unique, names: email, key: 'users_email_key' });
      expect(constraintViolationOf(await refusal(addUser(db, 'user-annelies', 'someone.else@rhein-neckar.de'))), engine).toEqual({ kind: 'unique', code: primary, names: id, key: 'users_pkey' });
    }
  });

  it('is a foreign-key violation when the row it points to is missing', async () => {
    for (const { engine, db, foreign, foreignNames } of engines()) {
      expect(constraintViolationOf(await refusal(addSession(db, 'user-nobody'))), engine).toEqual({ kind: 'foreign-key', code: foreign, names: foreignNames, key: null });
      await addSession(db, 'user-annelies');
    }
  });

  it('is neither for other refusals, nor a storage fault', async () => {
    for (const { engine, db } of engines()) {
      const error = await refusal(sql`INSERT INTO users (id, email) VALUES ('user-nameless', 'nameless@example.eu')`.execute(db));
      expect(constraintViolationOf(error), engine).toBeNull();
      expect(storageFaultOf(error), engine).toBeNull();
      expect(storageFaultOf(await refusal(addUser(db, 'user-annelies', 'annelies.peeters@vlaamsbrabant.be'))), engine).toBeNull();
    }
  });
});

/** Every unique key of a migrated database as the engine names it in a refusal: PostgreSQL its index, SQLite the table's columns (or, for a key on expressions, the index). */
async function keysOf(engine: 'SQLite' | 'PostgreSQL'): Promise<{ table: string; name: string | null; spelling: string }[]> {
  if (engine === 'PostgreSQL') {
    const rows = await sql<{ table_name: string; index_name: string }>`
      SELECT t.relname AS table_name, c.relname AS index_name FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class c ON c.oid = i.indexrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND i.indisunique`.execute(postgres.db);
    return rows.rows.map((r) => ({ table: r.table_name, name: r.index_name, spelling: r.index_name }));
  }
  const tables = sqlite.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'").all() as { name: string }[];
  const keys: { table: string; name: string | null; spelling: string }[] = [];
  for (const { name: table } of tables) {
    for (const index of sqlite.sqlite.prepare('SELECT name, "unique" FROM pragma_index_list(?)').all(table) as { name: string; unique: number }[]) {
      if (!index.unique) continue;
      const columns = sqlite.sqlite.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index.name) as { name: string | null }[];
      const named = !index.name.startsWith('sqlite_autoindex_');
      keys.push({ table, name: named ? index.name : null, spelling: columns.some((c) => c.name === null) ? `index '${index.name}'` : columns.map((c) => `${table}.${c.name}`).join(', ') });
    }
    const primary = (sqlite.sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => `${table}.${c.name}`);
    if (primary.length && !keys.some((k) => k.table === table && k.spelling === primary.join(', '))) keys.push({ table, name: null, spelling: primary.join(', ') });
  }
  return keys;
}

describe('every unique key of the schema', () => {
  const internal = ['kysely_migration', 'kysely_migration_lock', 'search_index'];

  it('has one name on both engines, and a 409 in words for a write it refuses', async () => {
    for (const engine of ['SQLite', 'PostgreSQL'] as const) {
      const keys = (await keysOf(engine)).filter((k) => !internal.includes(k.table));
      expect(keys.length, engine).toBeGreaterThan(80);
      for (const key of keys) {
        const code = engine === 'SQLite' ? 'SQLITE_CONSTRAINT_UNIQUE' : '23505';
        const error = engine === 'SQLite' ? Object.assign(new Error(`UNIQUE constraint failed: ${key.spelling}`), { code }) : Object.assign(new Error('duplicate key value violates unique constraint'), { code, severity: 'ERROR', constraint: key.spelling });
        const violation = constraintViolationOf(error);
        expect(violation?.key, `${engine} ${key.spelling}`).not.toBeNull();
        const listed = (UNIQUE_KEYS as Record<string, UniqueKey>)[violation!.key!];
        if (listed) expect(listed.table, `${engine} ${key.spelling}`).toBe(key.table);
        else expect(violation!.key, `${engine} ${key.spelling}: not in db/unique-keys.ts`).toBe(`${key.table}_pkey`);
        const problem = problemOf(error);
        expect(problem.status, key.spelling).toBe(409);
        expect(problem.detail, key.spelling).not.toMatch(/second .* where only one may exist/);
      }
      // and every listed key is one the schema has
      const names = new Set(keys.map((k) => constraintViolationOf(engine === 'SQLite' ? Object.assign(new Error(`UNIQUE constraint failed: ${k.spelling}`), { code: 'SQLITE_CONSTRAINT_UNIQUE' }) : Object.assign(new Error('x'), { code: '23505', severity: 'ERROR', constraint: k.spelling }))!.key));
      for (const listed of Object.keys(UNIQUE_KEYS)) expect(names.has(listed as never), `${engine}: ${listed}`).toBe(true);
    }
  });

  it('names itself alike on both engines in real refusals of every shape: a column, a composite primary key, a named constraint, a key on expressions', async () => {
    for (const { engine, db } of [{ engine: 'SQLite', db: sqlite.db }, { engine: 'PostgreSQL', db: postgres.db }]) {
      await addUser(db, 'user-shapes', 'shapes@example.eu');
      await sql`INSERT INTO regions (id, name, country) VALUES ('region-shapes', 'Rhein-Neckar', 'DE')`.execute(db);
      await sql`INSERT INTO organisations (id, name, kind, country) VALUES ('org-shapes', 'VRRN', 'regional_authority', 'DE')`.execute(db);
      await sql`INSERT INTO partnerships (id, title) VALUES ('p-shapes', 'Shapes')`.execute(db);
      await sql`INSERT INTO activities (id, type, title, starts_at, ends_at, time_zone) VALUES ('a-shapes', 'meeting', 'Shapes', '2026-01-01T10:00:00Z', '2026-01-01T11:00:00Z', 'Europe/Berlin')`.execute(db);
      const membership = () => sql`INSERT INTO memberships (user_id, partnership_id, role) VALUES ('user-shapes', 'p-shapes', 'officer')`.execute(db);
      const budget = (id: string) => sql`INSERT INTO budgets (id, partnership_id, organisation_id, year, amount_eur_cents) VALUES (${id}, 'p-shapes', 'org-shapes', 2027, 100)`.execute(db);
      const participant = (id: string) => sql`INSERT INTO activity_participants (id, activity_id, organisation_id, role) VALUES (${id}, 'a-shapes', 'org-shapes', 'delegate')`.execute(db);
      await membership();
      await budget('budget-1');
      await participant('participant-1');
      const cases: [() => Promise<unknown>, string, string][] = [
        [() => addUser(db, 'user-shapes-2', 'shapes@example.eu'), 'users_email_key', 'A user with this email already exists.'],
        [() => membership(), 'memberships_pk', 'This user is a member of this partnership already.'],
        [() => budget('budget-2'), 'budgets_once', 'This organisation already has a budget for this year in this partnership; change that one.'],
        [() => participant('participant-2'), 'activity_participants_once', 'This participant already takes part in this role.'],
        [() => sql`INSERT INTO regions (id, name, country) VALUES ('region-shapes', 'Again', 'DE')`.execute(db), 'regions_pkey', 'A record with this id exists already (regions); nothing was saved.']
      ];
      for (const [write, key, detail] of cases) {
        const error = await refusal(write());
        expect(constraintViolationOf(error)?.key, `${engine} ${key}`).toBe(key);
        expect(problemOf(error).toJSON(), `${engine} ${key}`).toMatchObject({ status: 409, title: 'Conflict', detail });
      }
      const gone = problemOf(await refusal(addSession(db, 'user-nobody-at-all')));
      expect(gone.toJSON(), engine).toMatchObject({ status: 409, detail: expect.stringContaining('was removed at the same moment') });
    }
  });
});

describe('PostgreSQL storage errors', () => {
  it('answer a read-only fault for a write in a read-only transaction', async () => {
    const error = await refusal(
      postgres.db.transaction().execute(async (trx) => {
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        await addUser(trx, 'user-read-only', 'read.only@example.eu');
      })
    );
    expect(storageFaultOf(error)).toEqual({ kind: 'read-only', code: '25006' });
  });

  it('answer busy for a row another transaction holds', async () => {
    await postgres.db.transaction().execute(async (holder) => {
      await sql`SELECT id FROM users WHERE id = 'user-annelies' FOR UPDATE`.execute(holder);
      const error = await refusal(postgres.db.transaction().execute((other) => sql`SELECT id FROM users WHERE id = 'user-annelies' FOR UPDATE NOWAIT`.execute(other)));
      expect(storageFaultOf(error)).toEqual({ kind: 'busy', code: '55P03' });
    });
  });

  it('answer busy, as 503 "try again", for the transaction PostgreSQL ends to break a deadlock', async () => {
    await addUser(postgres.db, 'user-deadlock-1', 'deadlock.one@example.eu');
    await addUser(postgres.db, 'user-deadlock-2', 'deadlock.two@example.eu');
    const lock = (db: Kysely<any>, id: string) => sql`SELECT id FROM users WHERE id = ${id} FOR UPDATE`.execute(db);
    // each transaction holds its first row, then, once the other holds its own, asks for the other's
    let arrived = 0;
    let release!: () => void;
    const bothHold = new Promise<void>((resolve) => (release = resolve));
    const run = (first: string, second: string) =>
      postgres.db.transaction().execute(async (trx) => {
        await lock(trx, first);
        if (++arrived === 2) release();
        await bothHold;
        await lock(trx, second);
      });
    const results = await Promise.allSettled([run('user-deadlock-1', 'user-deadlock-2'), run('user-deadlock-2', 'user-deadlock-1')]);
    const ended = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ended).toHaveLength(1);
    expect(storageFaultOf(ended[0]!.reason)).toEqual({ kind: 'busy', code: '40P01' });
    expect(problemOf(ended[0]!.reason).toJSON()).toMatchObject({ status: 503, storage: 'busy' });
  });

  it('answer cannot-open for a database that does not exist', async () => {
    const url = new URL(database.url);
    url.pathname = '/regiodesk_no_such_database';
    const missing = await openPostgres(url.toString(), { connections: 1 });
    try {
      expect(storageFaultOf(await refusal(sql`SELECT 1`.execute(missing.db)))).toEqual({ kind: 'cannot-open', code: '3D000' });
    } finally {
      await missing.close();
    }
  });
});
