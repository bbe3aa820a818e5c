/**
 * What PostgreSQL plans for the statements a request runs: every SELECT the
 * app sends while `during` runs (test/support/database.ts sees each pooled
 * connection's queries), explained afterwards with `EXPLAIN (FORMAT JSON)`
 * and the same parameters — the plan for the values bound, which an unnamed
 * statement gets every time and a statement prepared by name its first five
 * times (db/named-statements.ts) — and, if PostgreSQL then keeps a generic
 * plan, that one too. The counterpart of query-plans.ts (SQLite's EXPLAIN QUERY PLAN); the
 * plans are read on a database filled and ANALYZEd by the test, since
 * PostgreSQL's planner weighs its statistics.
 */
import { CompiledQuery, sql } from 'kysely';
import type { DB } from '../../db/connection.js';
import type { StatementLog } from './database.js';
import { BIG_TABLES } from './query-plans.js';

/** One node of a JSON plan, with the members the tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Parent Relationship'?: string;
  'Sort Key'?: string[];
  'Plan Rows'?: number;
  Plans?: PlanNode[];
  [member: string]: unknown;
}

export interface PostgresPlannedStatement {
  sql: string;
  parameters: readonly unknown[];
  /** the plan for these values: what an unnamed statement runs, and a named one its first five times */
  plan: PlanNode;
  /**
   * The generic plan a statement prepared by name runs from its sixth execution on, when PostgreSQL keeps one
   * (plan_cache_mode auto: its cost no more than the plans for the values were); null when it goes on planning
   * for the values (db/named-statements.ts).
   */
  generic: PlanNode | null;
}

/** The statements seen during `during`, with their parameters, in order (repeats included). */
export async function queriesDuring(opened: { statements: StatementLog }, during: () => Promise<unknown>): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const stop = opened.statements.observe((sql, parameters) => seen.push({ sql, parameters: parameters ?? [] }));
  try {
    await during();
  } finally {
    stop();
  }
  return seen;
}

/**
 * PostgreSQL's plan of `sql` for `parameters` (the root node). `settings`
 * (planner settings such as `enable_seqscan: 'off'`) hold for this EXPLAIN
 * only (SET LOCAL in a transaction of its own).
 */
export async function explainPostgres(db: DB, sql: string, parameters: readonly unknown[], settings: Record<string, string> = {}): Promise<PlanNode> {
  const explain = async (on: DB) => {
    for (const [name, value] of Object.entries(settings)) await on.executeQuery(CompiledQuery.raw(`SET LOCAL ${name} = ${value}`));
    const result = await on.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${sql}`, [...parameters]));
    // json comes back as its text (db/connection.ts)
    return (JSON.parse(result.rows[0]!['QUERY PLAN']) as [{ Plan: PlanNode }])[0].Plan;
  };
  return Object.keys(settings).length ? db.transaction().execute(explain) : explain(db);
}

/**
 * The plan a statement prepared by name runs from its sixth execution on, if PostgreSQL then keeps a generic one
 * (else null): the statement prepared (PREPARE, the parameters' types found as for the app's), run five times with these
 * values on one connection, then explained (EXPLAIN EXECUTE plans the sixth) and dropped.
 */
export async function genericPlanAfterFive(db: DB, sql: string, parameters: readonly unknown[]): Promise<PlanNode | null> {
  return db.connection().execute(async (connection) => {
    const run = <R>(text: string) => connection.executeQuery<R>(CompiledQuery.raw(text));
    const execute = `EXECUTE plan_after_five${parameters.length ? `(${parameters.map(literal).join(', ')})` : ''}`;
    await run(`PREPARE plan_after_five AS ${sql}`);
    try {
      for (let i = 0; i < 5; i++) await run(execute);
      const explained = await run<{ 'QUERY PLAN': string }>(`EXPLAIN (FORMAT JSON) ${execute}`);
      const kept = await run<{ generic_plans: number }>("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'plan_after_five'");
      return Number(kept.rows[0]!.generic_plans) > 0 ? (JSON.parse(explained.rows[0]!['QUERY PLAN']) as [{ Plan: PlanNode }])[0].Plan : null;
    } finally {
      await run('DEALLOCATE plan_after_five');
    }
  });
}

/** A bound value as SQL text, for EXECUTE (which takes no parameters of its own). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`A parameter of type ${typeof value} has no literal here: ${JSON.stringify(value)}`);
}

/** The distinct reads (SELECT or WITH) run during `during`, each with its plan, and the generic one if PostgreSQL keeps one after five executions. */
export async function plannedDuring(opened: { db: DB; statements: StatementLog }, during: () => Promise<unknown>): Promise<PostgresPlannedStatement[]> {
  const seen = await queriesDuring(opened, during);
  const distinct = new Map<string, { sql: string; parameters: readonly unknown[] }>();
  for (const query of seen) if (/^\s*(select|with)\b/i.test(query.sql)) distinct.set(`${query.sql}\u0000${JSON.stringify(query.parameters)}`, query);
  const planned: PostgresPlannedStatement[] = [];
  for (const { sql, parameters } of distinct.values()) {
    planned.push({ sql, parameters, plan: await explainPostgres(opened.db, sql, parameters), generic: await genericPlanAfterFive(opened.db, sql, parameters) });
  }
  return planned;
}

/** Each plan the statement may run: the plan for its values, and the generic one if PostgreSQL keeps one (as statements of their own, `generic` null). */
export function plansRun(statement: PostgresPlannedStatement): PostgresPlannedStatement[] {
  return statement.generic ? [{ ...statement, generic: null }, { ...statement, plan: statement.generic, generic: null }] : [statement];
}

/** Every node of the plan, depth first (subplans and init plans included). */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** A node in words, for messages: `Index Scan using organisations_name on organisations o`. */
export function describeNode(node: PlanNode): string {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}${node.Alias && node.Alias !== node['Relation Name'] ? ` ${node.Alias}` : ''}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  return `${node['Node Type']}${using}${on}`;
}

/** The plan as indented lines (for messages and regular expressions). */
export function planText(plan: PlanNode, depth = 0): string {
  const details = ['Index Cond', 'Recheck Cond', 'Filter', 'Sort Key', 'Join Filter', 'Hash Cond', 'Subplan Name']
    .filter((key) => plan[key] !== undefined)
    .map((key) => `${key}: ${Array.isArray(plan[key]) ? (plan[key] as string[]).join(', ') : String(plan[key])}`);
  const line = `${'  '.repeat(depth)}${describeNode(plan)} (rows=${plan['Plan Rows'] ?? '?'})${details.length ? ` [${details.join('; ')}]` : ''}`;
  return [line, ...(plan.Plans ?? []).map((child) => planText(child, depth + 1))].join('\n');
}

/**
 * The tables that grow with the workspace on PostgreSQL: SQLite's list (query-plans.ts), and the search's
 * `search_index` (a table here, FTS5's virtual table there), the calls' deadlines and the milestones.
 */
export const POSTGRES_BIG_TABLES = [...BIG_TABLES, 'search_index', 'call_deadlines', 'milestones'];

/** Nodes that read a big table whole: a Seq Scan of one of POSTGRES_BIG_TABLES. */
export function seqScansOfBigTables(statement: { plan: PlanNode }): string[] {
  return planNodes(statement.plan)
    .filter((node) => node['Node Type'] === 'Seq Scan' && POSTGRES_BIG_TABLES.includes(node['Relation Name'] ?? ''))
    .map(describeNode);
}

/** Subqueries PostgreSQL reads whole into a hash (`hashed SubPlan n` in a filter) instead of probing per row. */
export function hashedSubplans(statement: { plan: PlanNode }): string[] {
  return planNodes(statement.plan)
    .flatMap((node) => ['Filter', 'Join Filter', 'Index Cond', 'Recheck Cond'].map((key) => node[key]))
    .filter((condition): condition is string => typeof condition === 'string' && /hashed SubPlan/.test(condition));
}

/** Sort nodes anywhere in the statement (a page found by sorting every row it could hold, where an index gives the order). */
export function sortNodes(statement: { plan: PlanNode }): string[] {
  return planNodes(statement.plan)
    .filter((node) => node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort')
    .map((node) => `${node['Node Type']} by ${(node['Sort Key'] ?? []).join(', ')}`);
}

/**
 * The scan a Limit reads its rows from, following its outer (first) input
 * down through the nodes that keep a row order (nested loops, merge
 * joins, subquery scans, result nodes): the walk whose order is the
 * page's, or a Sort when there is none.
 */
export function walkUnderLimit(statement: { plan: PlanNode }): PlanNode | undefined {
  const limit = planNodes(statement.plan).find((node) => node['Node Type'] === 'Limit');
  let node = limit && rowInput(limit);
  while (node && ['Nested Loop', 'Merge Join', 'Subquery Scan', 'Result', 'Unique', 'Materialize', 'Gather Merge'].includes(node['Node Type'])) node = rowInput(node);
  return node;
}

/** The input a node reads its rows from: its outer one, else its first that is no init plan or subplan (a sub-select computed once, a probe per row). */
function rowInput(node: PlanNode): PlanNode | undefined {
  return node.Plans?.find((child) => child['Parent Relationship'] === 'Outer') ?? node.Plans?.find((child) => !['InitPlan', 'SubPlan'].includes(child['Parent Relationship'] ?? ''));
}

/**
 * VACUUM ANALYZE, leaving the database as autovacuum leaves one in use: statistics, and every page marked visible to all
 * transactions (the planner counts a visit to the table for each entry an index-only scan reads on a page not so marked,
 * so this decides plans). One VACUUM right after the rows were written may leave pages unmarked, more or fewer by the
 * moment (seen: none, half, all of a table's): the tests' clusters commit without waiting for the write-ahead log
 * (synchronous_commit=off), and a row whose commit the log on disk does not hold yet cannot be marked. So VACUUM again
 * until every table's pages are (a few tenths of a second at most; nothing else writes meanwhile).
 */
export async function vacuumAsInUse(h: { db: DB }): Promise<void> {
  await sql`VACUUM ANALYZE`.execute(h.db);
  for (let attempt = 0; attempt < 100; attempt++) {
    const unmarked = await sql<{ n: number }>`
      SELECT count(*) AS n FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relallvisible < relpages`.execute(h.db);
    if (Number(unmarked.rows[0]!.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sql`VACUUM`.execute(h.db);
  }
  throw new Error('VACUUM left pages not visible to all after 10 s: is something writing, or holding a transaction open?');
}
