/**
 * The scale benchmark's workspace on PostgreSQL (test/bench/scale/postgres-workspace.ts),
 * built tiny: it is the SQLite workspace row for row, in a schema the
 * migrations made (the indexes, keys and triggers it dropped for the copy
 * are back with the same definitions), with the search entries PostgreSQL's
 * own triggers make, and the officer sees through the API on PostgreSQL
 * exactly the organisations the generator says.
 *
 * A real PostgreSQL: REGIODESK_TEST_POSTGRES_URL, or a throwaway cluster
 * started here (test/support/postgres.ts). If PostgreSQL cannot be started,
 * the test fails and says why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { type OpenedPostgres, openPostgres } from '../../../db/connection.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { type PostgresWorkspace, copyScaleWorkspaceToPostgres, dropDatabase } from '../../bench/scale/postgres-workspace.js';
import { type ScaleWorkspace, buildScaleWorkspace } from '../../bench/scale/workspace.js';
import { createDatabase, type PostgresServer, runDatabaseName, startPostgres } from '../../support/postgres.js';

const TINY = { organisations: 300, interactions: 3_000, calls: 30 };
const TODAY = '2026-11-23';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-scale-pg-'));
let server: PostgresServer;
let fresh: Awaited<ReturnType<typeof createDatabase>>;
let database: string;
let fromSqlite: ScaleWorkspace;
let workspace: PostgresWorkspace;
let sqlite: SQLite.Database;
let client: pg.Client;
let opened: OpenedPostgres;
let app: App;

beforeAll(async () => {
  server = await startPostgres();
  fromSqlite = await buildScaleWorkspace(join(dir, 'scale.db'), TINY, { today: TODAY });
  database = runDatabaseName('regiodesk_scale_test');
  workspace = await copyScaleWorkspaceToPostgres(fromSqlite, server.adminUrl, database);
  sqlite = new SQLite(fromSqlite.file, { readonly: true });
  client = new pg.Client({ connectionString: workspace.file });
  await client.connect();
  opened = await openPostgres(workspace.file);
  app = createApp({ db: opened.db, settings: settingsFrom({}) });
  // a database the migrations alone made, to compare the schema with
  fresh = await createDatabase(server);
  const migrated = await openPostgres(fresh.url);
  try {
    await migrateToLatest(migrated.db);
  } finally {
    await migrated.close();
  }
}, 120_000);

afterAll(async () => {
  await client?.end();
  await opened?.close();
  sqlite?.close();
  if (server) await dropDatabase(server.adminUrl, database).catch(() => {});
  await fresh?.drop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function rows<T>(query: string, params: unknown[] = [], on: pg.Client = client): Promise<T[]> {
  return (await on.query(query, params)).rows as T[];
}

/** What the schema is made of beyond its columns: every index, constraint and trigger with its definition. */
async function schemaOf(on: pg.Client): Promise<string[]> {
  const indexes = await rows<{ d: string }>("SELECT indexname || ': ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'", [], on);
  const constraints = await rows<{ d: string }>(
    "SELECT conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
    [],
    on
  );
  const triggers = await rows<{ d: string }>("SELECT tgname || ': ' || pg_get_triggerdef(oid) AS d FROM pg_trigger WHERE NOT tgisinternal", [], on);
  return [...indexes, ...constraints, ...triggers].map((r) => r.d).sort();
}

describe('the scale workspace on PostgreSQL', () => {
  it('has the schema the migrations make: the indexes and foreign keys dropped for the copy are back, alike', async () => {
    const other = new pg.Client({ connectionString: fresh.url });
    await other.connect();
    try {
      const expected = await schemaOf(other);
      expect(expected.some((d) => d.startsWith('interactions.') && d.includes('FOREIGN KEY'))).toBe(true);
      expect(expected.some((d) => d.startsWith('search_index_document: '))).toBe(true);
      expect(await schemaOf(client)).toEqual(expected);
    } finally {
      await other.end();
    }
  });

  it('holds every row of the SQLite workspace in every table', async () => {
    // (search_words is PostgreSQL's own: the next test reads it)
    const tables = (await rows<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('search_index', 'search_words', 'kysely_migration_lock')")).map(
      (t) => t.name
    );
    expect(tables.length).toBeGreaterThan(40);
    for (const table of tables) {
      const onSqlite = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      const [onPostgres] = await rows<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      expect(Number(onPostgres!.n), table).toBe(onSqlite);
    }
    // the rows themselves, not only their number
    for (const query of [
      'SELECT id, name, short_name, kind, region_id, country, recorded_by_organisation_id, created_at FROM organisations ORDER BY id',
      'SELECT id, organisation_id, name, function, emails, lawful_basis, consent_date FROM people ORDER BY id',
      'SELECT id, kind, occurred_at, author_id, summary, organisation_id, person_id, partnership_id FROM interactions ORDER BY id',
      'SELECT id, call_id, deadline_at, time_zone FROM call_deadlines ORDER BY id',
      'SELECT user_id, call_id FROM call_watches ORDER BY user_id, call_id',
      'SELECT id, email, password_hash, is_admin FROM users ORDER BY id'
    ]) {
      const onSqlite = sqlite.prepare(query).all();
      const onPostgres = await rows<Record<string, unknown>>(query.replace('emails,', 'emails::text AS emails,'));
      expect(onSqlite.length, query).toBeGreaterThan(0);
      // jsonb spells a JSON value its own way: compared as JSON
      const normal = (list: unknown[]) => list.map((row) => Object.fromEntries(Object.entries(row as object).map(([k, v]) => [k, k === 'emails' ? JSON.parse(v as string) : v])));
      expect(normal(onPostgres), query).toEqual(normal(onSqlite));
    }
  });

  it('has the search entries PostgreSQL’s triggers make: each record’s text as on SQLite, and a GIN-served prefix search finds it', async () => {
    const onSqlite = sqlite.prepare('SELECT entity_type, entity_id, content FROM search_index ORDER BY entity_type, entity_id').all();
    const onPostgres = await rows('SELECT entity_type, entity_id, content FROM search_index ORDER BY entity_type, entity_id');
    expect(onSqlite.length).toBeGreaterThan(TINY.organisations);
    expect(onPostgres).toEqual(onSqlite);
    const entries = await rows<{ n: string }>('SELECT count(*) AS n FROM search_entries e JOIN search_index i USING (rowid) WHERE i.entity_id = e.entity_id');
    expect(Number(entries[0]!.n)).toBe(onSqlite.length);
    // every word of every entry is in search_words (its index by type, dropped for the copy, back), and nothing else
    const words = await rows<{ missing: string; extra: string }>(
      `SELECT (SELECT count(*) FROM search_index i, unnest(tsvector_to_array(i.document)) AS w(word)
                WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w.word AND s.rowid = i.rowid)) AS missing,
              (SELECT count(*) FROM search_words s
                WHERE NOT EXISTS (SELECT 1 FROM search_index i WHERE i.rowid = s.rowid AND s.word = ANY (tsvector_to_array(i.document)))) AS extra`
    );
    expect(words[0]).toEqual({ missing: '0', extra: '0' });
    // a new organisation after the copy gets a search entry numbered after the copied ones
    const [{ max }] = (await rows<{ max: number }>('SELECT max(rowid) AS max FROM search_entries')) as [{ max: number }];
    await client.query("INSERT INTO organisations (id, name, kind, country) VALUES ('org-after-copy', 'Zwischenablage Werk', 'company', 'DE')");
    const [after] = await rows<{ rowid: number }>("SELECT rowid FROM search_entries WHERE entity_id = 'org-after-copy'");
    expect(after!.rowid).toBeGreaterThan(max);
    const found = await rows<{ entity_id: string }>("SELECT entity_id FROM search_index WHERE document @@ to_tsquery('search_folded', 'zwischenabl:*')");
    expect(found.map((r) => r.entity_id)).toEqual(['org-after-copy']);
    await client.query("DELETE FROM organisations WHERE id = 'org-after-copy'");
  });

  it('is analysed and vacuumed: the planner has statistics of the big tables, and every page is marked visible to all', async () => {
    const analysed = await rows<{ relname: string }>(
      "SELECT relname FROM pg_stat_user_tables WHERE relname IN ('organisations', 'people', 'interactions') AND last_analyze IS NOT NULL ORDER BY relname"
    );
    expect(analysed.map((r) => r.relname)).toEqual(['interactions', 'organisations', 'people']);
    // (else each index-only scan of a run visits the table for every entry, as on no server autovacuum has kept a while)
    const unmarked = await rows<{ relname: string }>("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relallvisible < relpages");
    expect(unmarked).toEqual([]);
  });

  it('shows the officer through the API on PostgreSQL the organisations the generator counted, and the administrator all', async () => {
    const signIn = async (email: string) => {
      const response = await app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
        body: JSON.stringify({ email, password: workspace.password })
      });
      expect(response.status).toBe(200);
      return response.headers.get('set-cookie')!.split(';')[0]!;
    };
    const listed = async (cookie: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await app.request(`/api/organisations?limit=200&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { Cookie: cookie } });
        expect(response.status).toBe(200);
        const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
        ids.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const officer = await listed(await signIn(workspace.users.officer!.email));
    expect(officer).toHaveLength(fromSqlite.officerVisibleOrganisations);
    expect(officer).toEqual(expect.arrayContaining(fromSqlite.officerWritableSample));
    for (const hidden of fromSqlite.officerHiddenSample) expect(officer).not.toContain(hidden);
    expect(await listed(await signIn(workspace.users.admin!.email))).toHaveLength(TINY.organisations);
  });

  it('is refused into a database that exists: it builds new databases only', async () => {
    await expect(copyScaleWorkspaceToPostgres(fromSqlite, server.adminUrl, database)).rejects.toThrow(/exists .*: the scale workspace is built into a new database only/);
  });
});
