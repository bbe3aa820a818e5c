/**
 * PostgreSQL: the reads a process runs again and again are prepared once per
 * connection, by name, instead of being parsed and planned on every request.
 * node-postgres sends a query that has a `name` as Parse the first time on a
 * connection and as Bind/Execute only after that; PostgreSQL plans a prepared
 * statement for the values of each of its first five executions and then,
 * if a generic plan costs no more than those did, keeps that plan
 * (`plan_cache_mode = auto`, set on each connection by db/connection.ts).
 * SQLite keeps its prepared statements in db/statement-cache.ts.
 *
 * Measured on the large scale workspace (100,000 organisations), the
 * statements of ten hot routes as officer and as administrator (twenty
 * requests, one of each), replayed alternately: the PostgreSQL backend's CPU
 * time (/proc/<pid>/schedstat, which other load on the machine hardly moves)
 * for the twenty, 47.6 ms unnamed → 29.6 ms named (41.5 ms named but
 * planned for the values every time: parsing saved, planning not); the
 * administrator's organisations list (the caller's lookup and the page)
 * 0.67 → 0.40 ms, an organisation's timeline 4.4 → 0.9 ms, the deadline
 * dashboard 2.4 → 1.0 ms. The lists
 * whose generic plan would not stop at the page (a LIMIT PostgreSQL cannot
 * see in a generic plan: a sort of thousands of rows, or a parallel walk of
 * every interaction) cost far more than their custom plans, so PostgreSQL
 * keeps planning those for their values, and naming them still saves their
 * parsing (about a tenth). test/support/postgres-plans.ts explains what runs
 * after five executions, and the plan tests hold it to what they hold the
 * first plan to.
 *
 * Which: SELECT (and WITH) statements only, once this process has run the
 * same text REPEATS times (a text run once or twice, as a rare page's, is not
 * kept), and at most PER_CONNECTION per connection: a prepared statement
 * holds about 100–150 KB of the server's memory as long as the connection
 * lives (the search with an officer's visibility is among the biggest).
 *
 * A migration that changes the columns a prepared statement answers (an
 * `organisations.*` after a column is added) makes PostgreSQL refuse to run
 * it ("cached plan must not change result type"): then the statement is
 * prepared again under a new name and run once more.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface NamedStatementLimits {
  /** runs of the same text in this process before it is prepared by name */
  repeats: number;
  /** statements prepared by name on one connection at most */
  perConnection: number;
}

export const NAMED_STATEMENT_LIMITS: NamedStatementLimits = { repeats: 3, perConnection: 64 };

/** Texts counted at most (their runs, for `repeats`): a process that meets more keeps counting those it has. */
const COUNTED = 5_000;

const READ = /^\s*(select|with)\b/i;

type Query = (...args: unknown[]) => Promise<unknown>;

/** Prepares the pool's repeated reads by name on each of its connections (see above). */
export function nameRepeatedReads(pool: pg.Pool, limits: NamedStatementLimits = NAMED_STATEMENT_LIMITS): void {
  const runs = new Map<string, number>();
  const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 24);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    /** this connection's names, by text */
    const names = new Map<string, string>();
    let renamed = 0;
    (client as unknown as { query: Query }).query = (...args: unknown[]) => {
      const [text, values] = args;
      // Kysely's form, query(text, values); any other (a config object, a callback) goes through as it is
      if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || !READ.test(text)) return query(...args);
      let name = names.get(text);
      if (!name) {
        const ran = (runs.get(text) ?? 0) + 1;
        if (runs.has(text) || runs.size < COUNTED) runs.set(text, ran);
        if (ran < limits.repeats || names.size >= limits.perConnection) return query(text, values);
        names.set(text, (name = `rd_${hash(text)}`));
      }
      return query({ name, text, values }).catch((error: unknown) => {
        if (!changedResult(error)) throw error;
        const again = `rd_${hash(text)}_${++renamed}`;
        names.set(text, again);
        return query({ name: again, text, values });
      });
    };
  });
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed since it was prepared. */
function changedResult(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}
