/**
 * The scale benchmark's workspace generator (test/bench/scale), built tiny:
 * its rows are what it says, the officer sees about half the organisations
 * through the real API while the administrator sees all, and two builds are
 * the same workspace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { type OpenedDatabase, openDatabase } from '../../../db/connection.js';
import { type ScaleWorkspace, buildScaleWorkspace } from '../../bench/scale/workspace.js';
import * as jsonColumns from '../../../db/json-columns.js';
import type { JsonCodec, JsonText } from '../../../db/json-columns.js';

const isCodec = (value: unknown): value is JsonCodec<unknown> => typeof value === 'object' && value !== null && 'column' in value && 'read' in value;

const TINY = { organisations: 200, interactions: 2_000, calls: 20 };
const TODAY = '2026-11-23';

const dir = mkdtempSync(join(tmpdir(), 'regiodesk-scale-'));
let workspace: ScaleWorkspace;
let opened: OpenedDatabase;
let app: App;

beforeAll(async () => {
  workspace = await buildScaleWorkspace(join(dir, 'a.db'), TINY, { today: TODAY });
  opened = openDatabase(workspace.file);
  app = createApp({ db: opened.db, settings: settingsFrom({}) });
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(sql: string, ...params: unknown[]): number {
  return (opened.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

async function signIn(email: string): Promise<string> {
  const response = await app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
    body: JSON.stringify({ email, password: workspace.password })
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Every organisation the session's user can list, page by page. */
async function listedOrganisations(cookie: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/api/organisations?limit=200&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await app.request(query, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('the scale workspace', () => {
  it('holds the rows it was asked for, with people, stakeholders, watches and the search index filled by the triggers', () => {
    expect(count('SELECT count(*) AS n FROM organisations')).toBe(TINY.organisations);
    expect(count('SELECT count(*) AS n FROM interactions')).toBe(TINY.interactions);
    expect(count('SELECT count(*) AS n FROM calls')).toBe(TINY.calls);
    expect(count('SELECT count(*) AS n FROM call_deadlines WHERE deadline_at > ?', `${TODAY}T00:00:00Z`)).toBe(TINY.calls);
    expect(count('SELECT count(*) AS n FROM call_watches WHERE user_id = ?', workspace.users.officer!.id)).toBe(TINY.calls);
    const people = count('SELECT count(*) AS n FROM people');
    expect(people).toBeGreaterThanOrEqual(TINY.organisations);
    expect(people).toBeLessThanOrEqual(2 * TINY.organisations);
    expect(count("SELECT count(*) AS n FROM search_index WHERE entity_type = 'organisation'")).toBe(TINY.organisations);
    expect(count("SELECT count(*) AS n FROM search_index WHERE entity_type = 'person'")).toBe(people);
    expect(count('SELECT count(*) AS n FROM partnership_stakeholders')).toBeGreaterThan(0);
    expect(workspace.counts).toMatchObject({ organisations: TINY.organisations, interactions: TINY.interactions, calls: TINY.calls, people });
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    // no statistics: a real deployment's database starts without ANALYZE
    expect(count("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'")).toBe(0);
  });

  it('writes every JSON value as the application reads it (each column through its codec)', () => {
    const codecs = Object.values(jsonColumns).flatMap((value) => (value && typeof value === 'object' ? Object.values(value) : [])).filter(isCodec);
    let read = 0;
    for (const codec of codecs) {
      const [table, column] = codec.column.split('.') as [string, string];
      const rows = opened.sqlite.prepare(`SELECT "${column}" AS text FROM "${table}" WHERE "${column}" IS NOT NULL`).all() as { text: string }[];
      for (const row of rows) {
        expect(() => codec.read(row.text as JsonText<unknown>), `${codec.column}: ${row.text}`).not.toThrow();
        read++;
      }
    }
    // the generator does write JSON columns (people's e-mails, partnerships' forms, calls' keywords …)
    expect(read).toBeGreaterThan(100);
  });

  it('shows the officer about half the organisations through the API, and the administrator all of them', async () => {
    const officer = await listedOrganisations(await signIn(workspace.users.officer!.email));
    const admin = await listedOrganisations(await signIn(workspace.users.admin!.email));
    expect(admin).toHaveLength(TINY.organisations);
    expect(officer).toHaveLength(workspace.officerVisibleOrganisations);
    expect(officer.length / TINY.organisations).toBeGreaterThan(0.35);
    expect(officer.length / TINY.organisations).toBeLessThan(0.65);
    // both samples hold organisations (empty ones would check nothing)
    expect(workspace.officerWritableSample.length).toBeGreaterThan(0);
    expect(workspace.officerHiddenSample.length).toBeGreaterThan(0);
    expect(officer).toEqual(expect.arrayContaining(workspace.officerWritableSample));
    for (const hidden of workspace.officerHiddenSample) expect(officer).not.toContain(hidden);
  });

  it('is the same workspace when built again with the same seed', async () => {
    const again = await buildScaleWorkspace(join(dir, 'b.db'), TINY, { today: TODAY });
    const other = openDatabase(again.file);
    try {
      for (const sql of [
        'SELECT id, name, kind, country, recorded_by_organisation_id FROM organisations ORDER BY id',
        'SELECT id, organisation_id, name FROM people ORDER BY id',
        'SELECT id, organisation_id, person_id, occurred_at, summary FROM interactions ORDER BY id',
        'SELECT id, call_id, deadline_at FROM call_deadlines ORDER BY id',
        'SELECT partnership_id, organisation_id FROM partnership_stakeholders ORDER BY 1, 2'
      ]) {
        expect(other.sqlite.prepare(sql).all(), sql).toEqual(opened.sqlite.prepare(sql).all());
      }
      expect(again.officerWritableSample).toEqual(workspace.officerWritableSample);
    } finally {
      await other.close();
    }
    const reseeded = await buildScaleWorkspace(join(dir, 'c.db'), TINY, { today: TODAY, seed: 10 });
    const third = openDatabase(reseeded.file);
    try {
      const names = 'SELECT name FROM organisations ORDER BY id';
      expect(third.sqlite.prepare(names).all()).not.toEqual(opened.sqlite.prepare(names).all());
    } finally {
      await third.close();
    }
  });
});
