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
 * `EXISTS (query)`, answered by a probe per row on both engines. SQLite
 * runs every correlated EXISTS so. PostgreSQL, for an EXISTS under an OR
 * (who may see a row: recorded by the caller's organisation OR taking part
 * in one of their partnerships), prefers a "hashed SubPlan": every
 * matching row of the subquery read once per statement, e.g. all 100,000
 * organisations scanned to know the visible half, where a list walking
 * its index in order stops after a page of 50. `OFFSET 0` inside the
 * subquery is PostgreSQL's documented fence against that rewriting (the
 * planner leaves such a subquery alone), so it stays a probe of the row at
 * hand through its index. SQLite's text is unchanged.
 */
export function existsPerRow(eb: ExpressionBuilder<any, any>, query: SelectQueryBuilder<any, any, any>): RawBuilder<SqlBool> {
  return perEngine(eb.exists(query), eb.exists(query.modifyEnd(sql`offset 0`)));
}
