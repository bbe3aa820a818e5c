/**
 * SQL that differs between the engines, where a query is built without the
 * database at hand (visibility conditions, search expressions).
 *
 * `perEngine(sqlite, postgres)` is an expression that compiles to `sqlite`
 * untouched on SQLite (its text is exactly what the query wrote before there
 * was a second engine: the SQLite plans stay tuned), and to `postgres` on a
 * PostgreSQL database, whose Kysely carries `PerEnginePlugin`
 * (db/connection.ts openPostgres). A SQLite database has no plugin: nothing
 * is transformed there.
 *
 * Where the database is at hand, branch on `engineOf(db)` (db/dialect.ts)
 * instead.
 */
import {
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RawNode,
  type RootOperationNode,
  type UnknownRow,
  sql
} from 'kysely';

/** SQLite's node, carrying PostgreSQL's in `postgres` for the plugin. */
interface PerEngineNode extends RawNode {
  readonly postgres: OperationNode;
}

function isPerEngine(node: RawNode): node is PerEngineNode {
  return 'postgres' in node;
}

/** `sqlite` on SQLite (unchanged), `postgres` on PostgreSQL. */
export function perEngine<T>(sqlite: Expression<T>, postgres: Expression<T>): RawBuilder<T> {
  const inner = sqlite.toOperationNode();
  // a raw node of one fragment around SQLite's node: the SQLite compiler prints exactly SQLite's text
  const node: PerEngineNode = Object.freeze({ kind: 'RawNode', sqlFragments: Object.freeze(['', '']), parameters: Object.freeze([inner]), postgres: postgres.toOperationNode() });
  const marker: Expression<T> = { expressionType: undefined, toOperationNode: () => node } as unknown as Expression<T>;
  return sql<T>`${marker}`;
}

class ChoosePostgres extends OperationNodeTransformer {
  protected override transformRaw(node: RawNode, queryId?: Parameters<OperationNodeTransformer['transformNode']>[1]): RawNode {
    if (isPerEngine(node)) return this.transformNode(node.postgres as RawNode, queryId);
    return super.transformRaw(node, queryId);
  }
}

/** On a PostgreSQL Kysely: every `perEngine` expression becomes its PostgreSQL side. */
export class PerEnginePlugin implements KyselyPlugin {
  readonly #transformer = new ChoosePostgres();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** `haystack` holds `needle` (exact, case as given): `instr(…) > 0` on SQLite, `strpos(…) > 0` on PostgreSQL. */
export function holdsText(haystack: Expression<unknown>, needle: Expression<unknown> | string): RawBuilder<boolean> {
  return perEngine(sql<boolean>`instr(${haystack}, ${needle}) > 0`, sql<boolean>`strpos(${haystack}, ${needle}) > 0`);
}

/** A condition that holds for no row: SQLite's `0`, PostgreSQL's `false`. */
export const NO_ROW = perEngine(sql<boolean>`0`, sql<boolean>`false`);

/**
 * `EXISTS (subquery)` as a probe of each row (the subquery seeks its index
 * once per row the outer query reads), on both engines. SQLite plans it so.
 * PostgreSQL plans a correlated EXISTS inside an OR two ways — a probe per
 * row, or the subquery's rows read whole into a hash (every link of the
 * caller's partnerships) — and picks by how many rows the outer scan could
 * read, not by the LIMIT that stops it after a page: the hash then reads a
 * whole partnership's organisations for a page of 50. An `OFFSET 0` makes
 * PostgreSQL keep the subquery as it is written (it turns no EXISTS with an
 * OFFSET into a hashed IN), so a list walked in its order stops at the page
 * size on PostgreSQL too. SQLite's text is unchanged.
 */
export function existsProbe(eb: ExpressionBuilder<any, any>, subquery: SelectQueryBuilder<any, any, any>): RawBuilder<SqlBool> {
  return perEngine(eb.exists(subquery), eb.exists(subquery.modifyEnd(sql`offset 0`)));
}
