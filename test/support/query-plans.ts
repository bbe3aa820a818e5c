/**
 * What SQLite plans for the statements a request runs: every SQL text the
 * app prepares while `during` runs, with its EXPLAIN QUERY PLAN lines, so a
 * test can refuse a full scan of a big table or a sort of every row where
 * the page size should bound the work. Plans are read without statistics
 * (no ANALYZE), as on a new deployment's database.
 */
import type { OpenedDatabase } from '../../db/connection.js';
import type { StatementLog } from './database.js';

export interface PlannedStatement {
  sql: string;
  plan: string[];
}

/** The tables whose size grows with the workspace: never read whole for one page. */
export const BIG_TABLES = [
  'organisations',
  'people',
  'interactions',
  'audit_events',
  'calls',
  'call_watches',
  'search_entries',
  'partnership_stakeholders',
  'activities',
  'activity_participants',
  'tasks',
  'notifications'
];

/** Counts the `?` placeholders outside quoted strings and names. */
function placeholders(sql: string): number {
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '?') n++;
  }
  return n;
}

export function explain(opened: Pick<OpenedDatabase, 'sqlite'>, sql: string): string[] {
  const rows = opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...new Array(placeholders(sql)).fill(null)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** Every SQL text the app runs during `during`, in order, repeats included. */
export async function sqlDuring(opened: { statements: StatementLog }, during: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = opened.statements.observe((sql) => seen.push(sql));
  try {
    await during();
  } finally {
    stop();
  }
  return seen;
}

/** The distinct statements run during `during`, in order, each with its plan. */
export async function statementsDuring(opened: Pick<OpenedDatabase, 'sqlite'> & { statements: StatementLog }, during: () => Promise<unknown>): Promise<PlannedStatement[]> {
  return [...new Set(await sqlDuring(opened, during))].filter((sql) => /^\s*(select|with)\b/i.test(sql)).map((sql) => ({ sql, plan: explain(opened, sql) }));
}

/** Plan lines that read a big table whole (`SCAN organisations`, not `SCAN … USING INDEX` of a bounded walk is judged by the caller). */
export function fullScans(statement: PlannedStatement): string[] {
  return statement.plan.filter((line) => {
    const match = /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(line.trim());
    if (!match) return false;
    const [, table, rest] = match;
    return BIG_TABLES.includes(table!) && !/USING (COVERING )?INDEX/.test(rest!);
  });
}

export function sorts(statement: PlannedStatement): string[] {
  return statement.plan.filter((line) => line.includes('USE TEMP B-TREE'));
}
