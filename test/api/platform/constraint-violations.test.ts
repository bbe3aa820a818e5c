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
      expect(constraintViolationOf(await refusal(addUser(db, 'user-other', 'annelies.peeters@vlaamsbrabant.be'))), engine).toEqual({ kind: 'unique', code: unique, names: email });
      expect(constraintViolationOf(await refusal(addUser(db, 'user-annelies', 'someone.else@rhein-neckar.de'))), engine).toEqual({ kind: 'unique', code: primary, names: id });
    }
  });

  it('is a foreign-key violation when the row it points to is missing', async () => {
    for (const { engine, db, foreign, foreignNames } of engines()) {
      expect(constraintViolationOf(await refusal(addSession(db, 'user-nobody'))), engine).toEqual({ kind: 'foreign-key', code: foreign, names: foreignNames });
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
