/**
 * The hot reads stay index walks on PostgreSQL too (issue 12, point 1):
 * the counterpart of query-plans.test.ts, whose plans are SQLite's. The
 * same requests — organisations (by name, by last change, by country and
 * kind, by a common and a rare word), people (by name, by a word, of one
 * organisation), interactions, an organisation's timeline, the search
 * across everything, the deadline dashboard (all deadlines and watched
 * ones, and its next page) — as an officer who sees part of the data and
 * as the administrator, with every statement they run explained with
 * `EXPLAIN (FORMAT JSON)` and the parameters it ran with.
 *
 * PostgreSQL's planner weighs statistics, and on a few rows it rightly
 * reads tables whole, so the plans are read on a filled workspace
 * (test/support/filled-postgres.ts: 20,000 organisations, 40,000 people,
 * 100,000 interactions, 2,000 calls…), VACUUM ANALYZEd as autovacuum leaves
 * a database in use. Refused: a Seq Scan of a table that grows with the
 * workspace, a hashed subplan (the rows of a whole partnership read into a
 * hash for one page), and a page found by sorting: where the list's order
 * has an index, the Limit reads an index walk in that order; where the
 * rows are few by construction (a rare word's matches, one organisation's
 * timeline, a horizon's watched deadlines), the sort holds at most
 * FEW_MATCHES rows.
 *
 * PostgreSQL only: vitest.config.ts (POSTGRES_ONLY) runs this file in the
 * PostgreSQL pass (REGIODESK_TEST_ENGINE=postgres) and leaves it out of the
 * SQLite one. The plans were also checked by hand on a workspace five
 * times as big (100,000 organisations, 500,000 interactions): the same
 * tests pass. Timings live in `npm run bench:scale`, never here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEW_MATCHES, RANKED_WINDOW } from '../../../db/crm/search.js';
import { type ClockedHarness, clockedHarness } from '../../support/clocked-api.js';
import { fillPostgresWorkspace, organisationId } from '../../support/filled-postgres.js';
import {
  describeNode,
  hashedSubplans,
  planNodes,
  planText,
  plannedDuring,
  plansRun,
  type PostgresPlannedStatement,
  seqScansOfBigTables,
  sortNodes,
  walkUnderLimit
} from '../../support/postgres-plans.js';
import { allRows } from '../../support/sql.js';

let h: ClockedHarness;
/** an organisation the officer sees (a stakeholder of the officer's partnership), with people and interactions */
const visibleOrganisation = organisationId(4);

beforeAll(async () => {
  h = await clockedHarness('2026-12-07T09:00:00Z');
  expect(h.engine).toBe('postgres');
  await fillPostgresWorkspace(h);
}, 300_000);
afterAll(() => h?.close());

/**
 * The statement that reads the page itself: the one with a LIMIT over the list's table (`as "alias"` where a subquery of
 * another statement reads the table too), or whose subquery `page` reads the page's keys with that LIMIT before the
 * statement reads their rows (the organisations searched by name on PostgreSQL, db/crm/organisations.ts).
 */
function pageStatement(statements: PostgresPlannedStatement[], table: string): PostgresPlannedStatement {
  const from = table === 'call_deadlines' ? 'from "call_deadlines" as "d"' : `from "${table}"`;
  const found = statements.find((s) => s.sql.includes(from) && (/limit (\$\d+|\d+)$/.test(s.sql.trim()) || /limit (\$\d+|\d+)\) as "page" /.test(s.sql)));
  expect(found, `no page statement over ${table} in:\n${statements.map((s) => s.sql).join('\n')}`).toBeDefined();
  return found!;
}

const explained = (statement: PostgresPlannedStatement) => `${statement.sql}\n${planText(statement.plan)}`;

/** No statement reads a big table whole or hashes a subquery's rows. */
function expectNoWholeReads(statements: PostgresPlannedStatement[]): void {
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) {
    expect(seqScansOfBigTables(statement), explained(statement)).toEqual([]);
    expect(hashedSubplans(statement), explained(statement)).toEqual([]);
  }
}

/** The page is an index walk in the list's order under the Limit (no sort), or a sort of few rows where `bounded`. */
function expectPageBounded(page: PostgresPlannedStatement, table: string, bounded: boolean): void {
  if (bounded) {
    for (const sort of planNodes(page.plan).filter((node) => /Sort$/.test(node['Node Type']))) expect(sort['Plan Rows'], explained(page)).toBeLessThanOrEqual(FEW_MATCHES);
    return;
  }
  expect(sortNodes(page), explained(page)).toEqual([]);
  const walk = walkUnderLimit(page);
  expect(walk?.['Node Type'], explained(page)).toMatch(/^Index (Only )?Scan$/);
  expect(walk?.['Relation Name'], explained(page)).toBe(table);
}

const READS: { name: string; path: () => string; table: string; bounded: boolean }[] = [
  { name: 'organisations by name', path: () => '/api/organisations?limit=50', table: 'organisations', bounded: false },
  { name: 'organisations by last change', path: () => '/api/organisations?limit=50&sort=-updatedAt', table: 'organisations', bounded: false },
  { name: 'organisations by country and kind', path: () => '/api/organisations?limit=50&country=DE&kind=company', table: 'organisations', bounded: false },
  { name: 'organisations by a common word', path: () => '/api/organisations?limit=50&q=tech', table: 'organisations', bounded: false },
  // a rare word reads its few matches (fewer than FEW_MATCHES) and sorts only them
  { name: 'organisations by a rare word', path: () => '/api/organisations?limit=50&q=stadtwerke', table: 'organisations', bounded: true },
  { name: 'people by name', path: () => '/api/people?limit=50', table: 'people', bounded: false },
  { name: 'people by a word', path: () => '/api/people?limit=50&q=person', table: 'people', bounded: false },
  // one organisation's people: read by that organisation, not the workspace
  { name: "an organisation's people", path: () => `/api/people?limit=50&organisationId=${visibleOrganisation}`, table: 'people', bounded: true },
  { name: 'interactions, newest first', path: () => '/api/interactions?limit=50', table: 'interactions', bounded: false },
  // one organisation's own interactions (and its people's) are read and sorted: bounded by that organisation, not the workspace
  { name: "an organisation's timeline", path: () => `/api/organisations/${visibleOrganisation}/timeline?limit=50`, table: 'interactions', bounded: true },
  { name: "an organisation's timeline, its activities", path: () => `/api/organisations/${visibleOrganisation}/timeline?limit=50`, table: 'activities', bounded: true },
  { name: 'the deadline dashboard', path: () => '/api/deadlines?limit=50', table: 'call_deadlines', bounded: false },
  // milestones are read in batches of a date range the page's deadlines bound (api/deadlines/services)
  { name: 'the deadline dashboard, its milestones', path: () => '/api/deadlines?limit=50', table: 'milestones', bounded: true },
  // the caller's own watches within the horizon, however PostgreSQL joins them
  { name: 'the deadline dashboard, watched calls only', path: () => '/api/deadlines?limit=50&watched=true', table: 'call_deadlines', bounded: true }
];

describe('the filled workspace', () => {
  it('is vacuumed as on a server in use: every page of the big tables marked visible to all, so index-only scans read no rows', async () => {
    const tables = await allRows<{ relname: string; relpages: number; relallvisible: number }>(
      h,
      "SELECT relname, relpages, relallvisible FROM pg_class WHERE relname IN ('organisations', 'people', 'interactions', 'search_words') ORDER BY relname"
    );
    expect(tables.map((t) => t.relname)).toEqual(['interactions', 'organisations', 'people', 'search_words']);
    for (const table of tables) expect(table.relallvisible, table.relname).toBe(table.relpages);
  });
});

describe.each(['officer', 'sysadmin'] as const)('hot reads as the %s on PostgreSQL', (who) => {
  it.each(READS)('$name: no big table read whole, no hashed subquery, the page an index walk, also in the plan kept after five runs', async ({ path, table, bounded }) => {
    let status = 0;
    const planned = await plannedDuring(h, async () => {
      status = (await h.as[who].get(path())).status;
    });
    expect(status).toBe(200);
    // each plan the statements may run: for their values, and the generic one PostgreSQL keeps for a statement prepared by name, if it does
    const statements = planned.flatMap(plansRun);
    expectNoWholeReads(statements);
    const page = pageStatement(planned, table);
    for (const plan of plansRun(page)) expectPageBounded(plan, table, bounded);
  });

  it('search across everything: no big table read whole, the ranking reads a window of matches walking the words that start with the typed one', async () => {
    const statements = await plannedDuring(h, async () => {
      const reply = await h.as[who].get('/api/search?q=tech&limit=20');
      expect(reply.status).toBe(200);
      expect(reply.body.items).toHaveLength(20);
    });
    expectNoWholeReads(statements);
    const found = statements.find((s) => /from \(select .* from "search_words"/.test(s.sql));
    expect(found?.sql).toMatch(/limit \$\d+\) as "hits"/);
    for (const ranking of plansRun(found!)) {
      // the window: a Limit (of RANKED_WINDOW) over a walk of search_words in word order (a range of its btree), each entry
      // looked up by its row number; the GIN index, which hands out every match of "tech" at once, is not read
      expect(found!.parameters.at(-2)).toBe(RANKED_WINDOW);
      const window = planNodes(ranking.plan).find((node) => node['Node Type'] === 'Limit' && node !== ranking.plan);
      expect(window, explained(ranking)).toBeDefined();
      const walk = walkUnderLimit({ plan: window! });
      expect(describeNode(walk!), explained(ranking)).toBe('Index Only Scan using search_words_pkey on search_words');
      expect(walk!['Index Cond'], explained(ranking)).toMatch(/word >= .* AND .*word < /);
      const lookup = planNodes(window!).find((node) => node['Relation Name'] === 'search_index');
      expect(lookup?.['Index Name'], explained(ranking)).toBe('search_index_pkey');
      expect(lookup?.['Index Cond'], explained(ranking)).toMatch(/rowid = search_words\.rowid/);
      expect(planNodes(ranking.plan).some((node) => node['Index Name'] === 'search_index_document'), explained(ranking)).toBe(false);
      // one sort: the window by rank
      expect(sortNodes(ranking), explained(ranking)).toEqual(['Sort by hits.score, hits.entity_id']);
    }
  });
});

describe("an officer's visibility probe on PostgreSQL", () => {
  it('seeks each organisation’s links by its index, a row at a time, instead of reading the partnership’s links into a hash', async () => {
    const statements = await plannedDuring(h, () => h.as.officer.get('/api/organisations?limit=50'));
    const page = pageStatement(statements, 'organisations');
    const probes = planNodes(page.plan).filter((node) => node['Parent Relationship'] === 'SubPlan');
    expect(probes.map((node) => `${node['Node Type']} ${node['Index Name'] ?? ''}`), explained(page)).toContain('Index Only Scan partnership_stakeholders_organisation');
    const stakeholders = probes.find((node) => node['Index Name'] === 'partnership_stakeholders_organisation')!;
    expect(stakeholders['Index Cond']).toMatch(/organisation_id = organisations\.id/);
    expect(hashedSubplans(page)).toEqual([]);
  });
});

describe('the choice between walking and reading the matches on PostgreSQL', () => {
  it('walks the name order for a common word and reads the matches through the GIN index for a rare one, with the same answers as SQL', async () => {
    const common = pageStatement(await plannedDuring(h, () => h.as.officer.get('/api/organisations?limit=50&q=tech')), 'organisations');
    expect(walkUnderLimit(common)?.['Index Name'], explained(common)).toBe('organisations_name');
    // index only: each row's folded text is taken from the index entry, not folded again from the row; the page's rows are read after, by id
    expect(walkUnderLimit(common)?.['Node Type'], explained(common)).toBe('Index Only Scan');
    const rows = planNodes(common.plan).filter((node) => node['Relation Name'] === 'organisations' && node !== walkUnderLimit(common));
    expect(rows.map(describeNode), explained(common)).toEqual(['Index Scan using organisations_pkey on organisations']);
    expect(rows[0]!['Index Cond'], explained(common)).toMatch(/id = /);
    const rare = pageStatement(await plannedDuring(h, () => h.as.officer.get('/api/organisations?limit=50&q=stadtwerke')), 'organisations');
    const rareIndexes = planNodes(rare.plan).map((node) => node['Index Name']);
    expect(rareIndexes, explained(rare)).toContain('search_index_document');
    expect(rareIndexes, explained(rare)).not.toContain('organisations_name');
    // both answer every visible match in name order, page after page
    for (const word of ['tech', 'stadtwerke']) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const reply: { body: { items: { name: string }[]; nextCursor: string | null } } = await h.as.officer.get(`/api/organisations?limit=200&q=${word}${cursor ? `&cursor=${cursor}` : ''}`);
        names.push(...reply.body.items.map((o) => o.name));
        cursor = reply.body.nextCursor;
      } while (cursor);
      const p1 = h.world.partnerships.p1;
      const expected = (
        await allRows<{ name: string }>(
          h,
          `SELECT o.name FROM organisations o WHERE o.name LIKE ? AND (o.recorded_by_organisation_id = ? OR o.id IN (SELECT organisation_id FROM partnership_stakeholders WHERE partnership_id = ?) OR o.id IN (SELECT organisation_id FROM partnership_parties WHERE partnership_id = ?)) ORDER BY o.name, o.id`,
          word === 'tech' ? '% Technologiezentrum' : '% Stadtwerke',
          h.world.organisations.vrrn,
          p1,
          p1
        )
      ).map((r) => r.name);
      expect(names).toEqual(expected);
      expect(names.length).toBeGreaterThan(word === 'tech' ? FEW_MATCHES : 50);
    }
  });

  /** The statement that counts matches of the longest typed word in search_words (fewMatchesOnPostgres), and its walk. */
  const wordCount = (statements: PostgresPlannedStatement[]) => {
    const count = statements.find((s) => /^select count\(\*\) as "n" from \(select 1 as "one" from "search_words"/.test(s.sql));
    expect(count, statements.map((s) => s.sql).join('\n')).toBeDefined();
    return count!;
  };

  it('counts "few or many?" on the words that start with the typed one, index only, stopping at FEW_MATCHES', async () => {
    for (const word of ['tech', 'stadtwerke']) {
      const statements = await plannedDuring(h, () => h.as.officer.get(`/api/organisations?limit=50&q=${word}`));
      const count = wordCount(statements);
      expect(count.parameters.at(-1)).toBe(FEW_MATCHES);
      const limit = planNodes(count.plan).find((node) => node['Node Type'] === 'Limit');
      const walk = walkUnderLimit(count);
      expect(describeNode(walk!), explained(count)).toBe('Index Only Scan using search_words_type on search_words');
      expect(walk!['Index Cond'], explained(count)).toMatch(/entity_type = 'organisation'::text\) AND \(word >= .*\) AND \(word < /);
      expect(limit, explained(count)).toBeDefined();
      // nothing else counts: the GIN index is not asked for one word
      expect(statements.filter((s) => s.sql.includes('count(*)')).map((s) => s.sql)).toEqual([count.sql]);
    }
  });

  it('asks the GIN index when several words are each common but may be rare together, and answers what SQL does', async () => {
    // "hochschule" names two thirds of the organisations, "00004" a hundred of them (Org 0000400 … Org 0000499), both a hundred together
    const statements = await plannedDuring(h, () => h.as.officer.get('/api/organisations?limit=50&q=hochschule%2000004'));
    wordCount(statements);
    const counts = statements.filter((s) => s.sql.includes('count(*)'));
    expect(counts, counts.map((s) => s.sql).join('\n')).toHaveLength(2);
    expect(planNodes(counts[1]!.plan).some((node) => node['Index Name'] === 'search_index_document'), explained(counts[1]!)).toBe(true);
    // few together: the page reads the matches, not the name order
    const page = pageStatement(statements, 'organisations');
    const indexes = planNodes(page.plan).map((node) => node['Index Name']);
    expect(indexes, explained(page)).toContain('search_index_document');
    expect(indexes, explained(page)).not.toContain('organisations_name');
    const reply = await h.as.officer.get('/api/organisations?limit=200&q=hochschule%2000004');
    const p1 = h.world.partnerships.p1;
    const expected = await allRows<{ name: string }>(
      h,
      `SELECT o.name FROM organisations o WHERE o.name LIKE 'Org 00004__ Hochschule' AND (o.recorded_by_organisation_id = ? OR o.id IN (SELECT organisation_id FROM partnership_stakeholders WHERE partnership_id = ?) OR o.id IN (SELECT organisation_id FROM partnership_parties WHERE partnership_id = ?)) ORDER BY o.name, o.id`,
      h.world.organisations.vrrn,
      p1,
      p1
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(reply.body.items.map((o: { name: string }) => o.name)).toEqual(expected.map((r) => r.name));
  });
});

describe("an organisation's timeline on PostgreSQL", () => {
  it("walks the organisation's own interactions by its index, merged in order with its people's", async () => {
    const statements = await plannedDuring(h, () => h.as.officer.get(`/api/organisations/${visibleOrganisation}/timeline?limit=20`));
    const page = pageStatement(statements, 'interactions');
    const nodes = planNodes(page.plan);
    expect(nodes.some((node) => node['Node Type'] === 'Merge Append' || node['Node Type'] === 'Append'), explained(page)).toBe(true);
    const own = nodes.find((node) => node['Index Name'] === 'interactions_organisation');
    expect(own?.['Index Cond'], explained(page)).toMatch(/organisation_id = /);
    expect(nodes.some((node) => node['Index Name'] === 'interactions_person'), explained(page)).toBe(true);
  });
});

describe('the deadline dashboard’s next page on PostgreSQL', () => {
  it('enters the index (deadline_at, id) at the cursor and stops at the page', async () => {
    // a page that ends with a call's deadline (after a milestone the next page enters the index by instant alone)
    let page: { items: { kind: string }[]; nextCursor: string | null } = (await h.as.officer.get('/api/deadlines?days=366&limit=20')).body;
    while (page.items.at(-1)?.kind !== 'call_deadline' && page.nextCursor) page = (await h.as.officer.get(`/api/deadlines?days=366&limit=20&cursor=${page.nextCursor}`)).body;
    expect(page.nextCursor).toBeTruthy();
    const statements = await plannedDuring(h, () => h.as.officer.get(`/api/deadlines?days=366&limit=20&cursor=${page.nextCursor}`));
    const next = pageStatement(statements, 'call_deadlines');
    expect(next.sql).toMatch(/\("d"\."deadline_at", "d"\."id"\) > \(\$\d+, \$\d+\)/);
    const walk = walkUnderLimit(next);
    expect(walk?.['Index Name'], explained(next)).toBe('call_deadlines_at_id');
    expect(walk?.['Index Cond'], explained(next)).toMatch(/ROW\(deadline_at, id\) > ROW\(/);
    expect(sortNodes(next)).toEqual([]);
  });
});
