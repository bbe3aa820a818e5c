/**
 * The hot reads stay index walks that stop at the page size, for an officer
 * who sees part of the data as for the administrator: no statement reads a
 * big table whole, and a page of a list is not found by sorting every
 * visible row. Plans are SQLite's own (EXPLAIN QUERY PLAN) on a real file
 * without statistics, as a new deployment has; timings live in
 * `npm run bench:scale`, never here.
 *
 * SQLite only: vitest.config.ts (SQLITE_ONLY) leaves this file out of the
 * PostgreSQL pass, since it reads SQLite's own plans; the same reads'
 * PostgreSQL plans are query-plans-postgres.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { FEW_MATCHES } from '../../../db/crm/search.js';
import { type ApiHarness, apiHarness } from '../../support/api.js';
import { fullScans, type PlannedStatement, sorts, statementsDuring } from '../../support/query-plans.js';

let h: ApiHarness;
let visibleOrganisation: string;

/** Enough organisations that "tech" is a common word (more matches than FEW_MATCHES), half of them the officer's. */
function bulkCrm(): void {
  const now = '2026-01-01T00:00:00.000Z';
  const org = h.sqlite.prepare(
    'INSERT INTO organisations (id, name, short_name, kind, region_id, country, nuts_code, website, recorded_by_organisation_id, created_at, updated_at) VALUES (?, ?, NULL, ?, NULL, ?, NULL, NULL, NULL, ?, ?)'
  );
  const stake = h.sqlite.prepare('INSERT INTO partnership_stakeholders (partnership_id, organisation_id) VALUES (?, ?)');
  const person = h.sqlite.prepare("INSERT INTO people (id, organisation_id, name, lawful_basis, created_at, updated_at) VALUES (?, ?, ?, 'public_task', ?, ?)");
  const interaction = h.sqlite.prepare("INSERT INTO interactions (id, kind, occurred_at, summary, organisation_id, person_id, created_at, updated_at) VALUES (?, 'note', ?, 'Met at the fair.', ?, ?, ?, ?)");
  h.sqlite.transaction(() => {
    for (let i = 0; i < FEW_MATCHES * 2 + 200; i++) {
      const id = newId();
      const name = i % 5 === 4 ? `Stadtwerke Ort ${i}` : `Technologiezentrum Ort ${i}`;
      org.run(id, name, i % 2 ? 'company' : 'agency', i % 3 ? 'DE' : 'BE', now, now);
      if (i % 2 === 0) stake.run(h.world.partnerships.p1, id);
      if (i % 2 === 0) visibleOrganisation ??= id;
      const personId = newId();
      person.run(personId, id, `Person ${i}`, now, now);
      interaction.run(newId(), `2025-0${(i % 9) + 1}-01T10:00:00Z`, id, i % 3 ? null : personId, now, now);
    }
  })();
}

beforeAll(async () => {
  h = await apiHarness();
  bulkCrm();
});

/** The statement that reads the page itself: the one with a LIMIT over the list's table. */
function pageStatement(statements: PlannedStatement[], table: string): PlannedStatement {
  const found = statements.find((s) => new RegExp(`from "${table}"`).test(s.sql) && /limit (\?|\d+)$/.test(s.sql.trim()));
  expect(found, `no page statement over ${table} in:\n${statements.map((s) => s.sql).join('\n')}`).toBeDefined();
  return found!;
}

const READS: { name: string; path: () => string; table: string; sortBounded: boolean }[] = [
  { name: 'organisations by name', path: () => '/api/organisations?limit=50', table: 'organisations', sortBounded: false },
  { name: 'organisations by last change', path: () => '/api/organisations?limit=50&sort=-updatedAt', table: 'organisations', sortBounded: false },
  { name: 'organisations by country and kind', path: () => '/api/organisations?limit=50&country=DE&kind=company', table: 'organisations', sortBounded: false },
  { name: 'organisations by a common word', path: () => '/api/organisations?limit=50&q=tech', table: 'organisations', sortBounded: false },
  // a rare word reads its few matches (fewer than FEW_MATCHES) and sorts only them
  { name: 'organisations by a rare word', path: () => '/api/organisations?limit=50&q=stadtwerke', table: 'organisations', sortBounded: true },
  { name: 'people by name', path: () => '/api/people?limit=50', table: 'people', sortBounded: false },
  { name: 'people by a word', path: () => '/api/people?limit=50&q=person', table: 'people', sortBounded: false },
  { name: 'interactions, newest first', path: () => '/api/interactions?limit=50', table: 'interactions', sortBounded: false },
  // one organisation's own interactions (and its people's) are read and sorted: bounded by that organisation, not the workspace
  { name: "an organisation's timeline", path: () => `/api/organisations/${visibleOrganisation}/timeline?limit=50`, table: 'interactions', sortBounded: true }
];

describe.each(['officer', 'sysadmin'] as const)('hot reads as the %s', (who) => {
  it.each(READS)('$name: no big table read whole, no sort of every row', async ({ path, table, sortBounded }) => {
    let status = 0;
    const statements = await statementsDuring(h, async () => {
      status = (await h.as[who].get(path())).status;
    });
    expect(status).toBe(200);
    for (const statement of statements) expect(fullScans(statement), statement.sql).toEqual([]);
    const page = pageStatement(statements, table);
    if (!sortBounded) expect(sorts(page), page.sql).toEqual([]);
  });

  it('search across everything: no big table read whole, the ranking reads a window of matches, then tests their visibility', async () => {
    const statements = await statementsDuring(h, async () => {
      const reply = await h.as[who].get('/api/search?q=tech&limit=20');
      expect(reply.status).toBe(200);
      expect(reply.body.items).toHaveLength(20);
    });
    for (const statement of statements) expect(fullScans(statement), statement.sql).toEqual([]);
    const ranking = statements.find((s) => /from \(select .* from "search_index"/.test(s.sql));
    // the window of matches is read (the same matches for every caller, in the index's own order, as FTS5 hands them out) and ranked first;
    // the caller's visibility is tested after, in rank order, until the page is full
    expect(ranking?.sql).toMatch(
      /from \(select \* from \(select [^()]* from "search_index" where search_index MATCH \? order by "search_index"."rowid" limit \?\) as "window" order by "window"."score", "window"."entity_id" limit \?\) as "search_index" where /
    );
    // one sort only, of the window by score: the visible page keeps that order
    expect(ranking!.plan.filter((line) => /TEMP B-TREE/.test(line))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
  });
});

describe("an organisation's timeline", () => {
  it("reads the organisation's own interactions a page at a time in its index's order, merged with its people's", async () => {
    const statements = await statementsDuring(h, () => h.as.officer.get(`/api/organisations/${visibleOrganisation}/timeline?limit=20`));
    const plan = pageStatement(statements, 'interactions').plan.join('\n');
    expect(plan).toMatch(/SEARCH interactions USING INDEX interactions_organisation \(organisation_id=\?\)/);
    expect(plan).toMatch(/COMPOUND QUERY|UNION ALL/);
  });
});

describe("an officer's visibility probe", () => {
  it('seeks the organisation once and reads its links, whatever the number of partnerships the officer belongs to', async () => {
    const statements = await statementsDuring(h, () => h.as.officer.get('/api/organisations?limit=50'));
    const plan = pageStatement(statements, 'organisations').plan.join('\n');
    expect(plan).toMatch(/SEARCH vis_ps USING COVERING INDEX partnership_stakeholders_organisation \(organisation_id=\?\)/);
    expect(plan).toMatch(/SEARCH vis_pp USING COVERING INDEX partnership_parties_organisation_partnership \(organisation_id=\?\)/);
  });
});

describe('the choice between walking and reading the matches', () => {
  it('walks the name order for a common word and reads the matches for a rare one, with the same answers as the other way', async () => {
    const common = await statementsDuring(h, () => h.as.officer.get('/api/organisations?limit=50&q=tech'));
    expect(pageStatement(common, 'organisations').plan.join('\n')).toMatch(/SCAN organisations USING INDEX organisations_name/);
    const rare = await statementsDuring(h, () => h.as.officer.get('/api/organisations?limit=50&q=stadtwerke'));
    expect(pageStatement(rare, 'organisations').plan.join('\n')).not.toMatch(/SCAN organisations USING INDEX organisations_name/);
    // both answer every visible match in name order, page after page
    for (const word of ['tech', 'stadtwerke']) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const reply: { body: { items: { name: string }[]; nextCursor: string | null } } = await h.as.officer.get(`/api/organisations?limit=200&q=${word}${cursor ? `&cursor=${cursor}` : ''}`);
        names.push(...reply.body.items.map((o) => o.name));
        cursor = reply.body.nextCursor;
      } while (cursor);
      const expected = (
        h.sqlite
          .prepare(
            `SELECT o.name FROM organisations o WHERE o.name LIKE ? AND (o.id IN (SELECT organisation_id FROM partnership_stakeholders WHERE partnership_id = ?) OR o.id IN (SELECT organisation_id FROM partnership_parties WHERE partnership_id = ?)) ORDER BY o.name, o.id`
          )
          .all(word === 'tech' ? 'Technologie%' : 'Stadtwerke%', h.world.partnerships.p1, h.world.partnerships.p1) as { name: string }[]
      ).map((r) => r.name);
      expect(names).toEqual(expected);
      expect(names.length).toBeGreaterThan(word === 'tech' ? FEW_MATCHES / 2 : 10);
    }
  });
});

/** The `search_fold(…)` expression in a text of SQL, without quotes, table names and spaces (as SQLite compares expressions). */
function foldedExpression(text: string): string {
  const start = text.indexOf('search_fold(');
  if (start < 0) return '';
  let depth = 0;
  let end = start + 'search_fold'.length;
  do {
    if (text[end] === '(') depth++;
    if (text[end] === ')') depth--;
    end++;
  } while (depth > 0 && end < text.length);
  return text.slice(start, end).replaceAll('"', '').replace(/\b(organisations|people)\./g, '').replace(/\s+/g, '');
}

describe('a common word in a list sorted by name', () => {
  it.each([
    ['organisations', 'organisations_name', '/api/organisations?limit=50&q=tech'],
    ['people', 'people_name', '/api/people?limit=50&q=person']
  ])('tests the %s’ words the name index holds before their visibility', async (table, index, path) => {
    const statements = await statementsDuring(h, () => h.as.officer.get(path));
    const page = pageStatement(statements, table);
    expect(page.plan.join('\n')).toMatch(new RegExp(`SCAN ${table} USING INDEX ${index}\\b`));
    // the words first (CASE WHEN instr(search_fold(…)) …), then the visibility probes of the rows that match
    expect(page.sql).toMatch(/where case when instr\(search_fold\(/);
    // the very expression the index holds, so SQLite reads it from the entry instead of reading the row and folding again
    const { sql: indexSql } = h.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { sql: string };
    expect(foldedExpression(indexSql)).not.toBe('');
    expect(foldedExpression(page.sql)).toBe(foldedExpression(indexSql));
  });
});

describe('the access log of a person’s record', () => {
  it('finds a reader’s last read of the person by its index, and lists a person’s reads by theirs', async () => {
    const person = (h.sqlite.prepare('SELECT id FROM people LIMIT 1').get() as { id: string }).id;
    const reading = await statementsDuring(h, () => h.as.sysadmin.get(`/api/people/${person}`));
    const lookup = reading.find((s) => /from "person_reads"/.test(s.sql));
    expect(lookup, reading.map((s) => s.sql).join('\n')).toBeDefined();
    expect(lookup!.plan.join('\n')).toMatch(/SEARCH person_reads USING COVERING INDEX person_reads_user_person/);
    const listing = await statementsDuring(h, () => h.as.sysadmin.get(`/api/people/${person}/reads`));
    const log = listing.find((s) => /from "person_reads"/.test(s.sql))!;
    expect(log.plan.join('\n')).toMatch(/SEARCH person_reads USING INDEX person_reads_person/);
    expect(sorts(log)).toEqual([]);
  });
});
