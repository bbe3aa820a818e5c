/**
 * SQL for "who may see what": an organisation is visible to the members of
 * every partnership it takes part in (as a party or a stakeholder) and to
 * the users of the organisation that recorded it. A person is visible when
 * their organisation is, or when the caller's organisation recorded them.
 * An interaction is visible when everything it hangs off is: its
 * organisation (if any), its person (if any) and its partnership (if any).
 *
 * Each rule is a condition on the row at hand, answered by index probes
 * (`EXISTS` on the row's own id), never a list of every visible id: a list
 * sorted by name then walks its index and stops at the page size, whatever
 * share of the data the caller sees (on PostgreSQL too: `existsProbe`
 * keeps each EXISTS a probe there, db/engine-sql.ts). The administrator's
 * `1 = 1` costs nothing.
 *
 * A condition is built once per scope and place (table, alias) and kept:
 * Kysely's expressions are immutable trees, so the same one goes into every
 * query of the same caller, and building the officer's probes (a tenth of a
 * list's CPU) is not repeated on every request.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { existsProbe, perEngine } from '../engine-sql.js';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

type Eb = ExpressionBuilder<Database, any>;
/** A condition on the rows of a query, built with its expression builder. */
export type Condition = (eb: Eb) => Expression<SqlBool>;

const EVERYTHING = sql<SqlBool>`1 = 1`;
const NOTHING = sql<SqlBool>`1 = 0`;

/** conditions kept, by kind, place and scope; cleared whole when full (a few hundred callers' worth) */
const kept = new Map<string, Expression<SqlBool>>();
const MAX_KEPT = 4000;

function scopeKey(scope: Scope & { all: false }): string {
  return `${scope.organisationId ?? ''}|${scope.partnershipIds.join(',')}`;
}

/** The condition `key` (kind and place) for `scope`, built by `build` the first time. */
export function keptCondition(key: string, scope: Scope & { all: false }, build: () => Expression<SqlBool>): Expression<SqlBool> {
  const full = `${key}|${scopeKey(scope)}`;
  let condition = kept.get(full);
  if (!condition) {
    if (kept.size >= MAX_KEPT) kept.clear();
    condition = build();
    kept.set(full, condition);
  }
  return condition;
}

function anyOf(eb: Eb, conditions: Expression<SqlBool>[]): Expression<SqlBool> {
  if (!conditions.length) return NOTHING;
  return conditions.length === 1 ? conditions[0]! : eb.or(conditions);
}

/** Organisation ids taking part in the given partnerships (for a filter by partnership, not for visibility). */
export function organisationsInPartnerships(eb: Eb, partnershipIds: string[]) {
  return eb
    .selectFrom('partnership_parties')
    .select('partnership_parties.organisation_id as id')
    .where('partnership_parties.partnership_id', 'in', partnershipIds)
    .union(
      eb
        .selectFrom('partnership_stakeholders')
        .select('partnership_stakeholders.organisation_id as id')
        .where('partnership_stakeholders.partnership_id', 'in', partnershipIds)
    );
}

/**
 * `column` (a partnership id) is one of `ids`, written so the probe seeks the
 * organisation once and reads its few links, instead of one seek per
 * partnership the caller belongs to (an officer of a federation has many).
 */
function oneOf(column: string, ids: string[]): Expression<SqlBool> {
  // (SQLite's unary + keeps the index on the column out of the plan; PostgreSQL has no + for text and plans it itself)
  return perEngine(sql<SqlBool>`+${sql.ref(column)} in (${sql.join(ids)})`, sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`);
}

/** True when the organisation `column` takes part (party or stakeholder) in one of `partnershipIds`. */
function takesPartIn(eb: Eb, column: string, partnershipIds: string[]): Expression<SqlBool> {
  if (!partnershipIds.length) return NOTHING;
  return eb.or([
    existsProbe(
      eb,
      eb
        .selectFrom('partnership_stakeholders as vis_ps')
        .select(sql.lit(1).as('one'))
        .whereRef('vis_ps.organisation_id', '=', eb.ref(column) as never)
        .where(oneOf('vis_ps.partnership_id', partnershipIds))
    ),
    existsProbe(
      eb,
      eb
        .selectFrom('partnership_parties as vis_pp')
        .select(sql.lit(1).as('one'))
        .whereRef('vis_pp.organisation_id', '=', eb.ref(column) as never)
        .where(oneOf('vis_pp.partnership_id', partnershipIds))
    )
  ]);
}

/** The organisation row `table` (alias) is visible. */
export function organisationVisible(scope: Scope, table = 'organisations'): Condition {
  return (eb) => {
    if (scope.all) return EVERYTHING;
    return keptCondition(`organisation ${table}`, scope, () => {
      const conditions: Expression<SqlBool>[] = [];
      if (scope.organisationId) conditions.push(eb(eb.ref(`${table}.recorded_by_organisation_id`) as never, '=', scope.organisationId as never));
      if (scope.partnershipIds.length) conditions.push(takesPartIn(eb, `${table}.id`, scope.partnershipIds));
      return anyOf(eb, conditions);
    });
  };
}

/** A row of `table` whose id is in `column` exists and passes `visible` (given the row's alias). */
function referencedRowVisible(scope: Scope, table: 'organisations' | 'people', column: string, alias: string, visible: (alias: string) => Condition): Condition {
  return (eb) => {
    if (scope.all) return EVERYTHING;
    return keptCondition(`${table} ${column} ${alias}`, scope, () =>
      existsProbe(
        eb,
        eb
          .selectFrom(`${table} as ${alias}` as 'organisations')
          .select(sql.lit(1).as('one'))
          .whereRef(`${alias}.id` as never, '=', eb.ref(column) as never)
          .where(visible(alias))
      )
    );
  };
}

/** The organisation whose id is in `column` exists and is visible. */
export function organisationIdVisible(scope: Scope, column: string, alias: string): Condition {
  return referencedRowVisible(scope, 'organisations', column, alias, (row) => organisationVisible(scope, row));
}

/** The person row `table` (alias) is visible. */
export function personVisible(scope: Scope, table = 'people'): Condition {
  return (eb) => {
    if (scope.all) return EVERYTHING;
    return keptCondition(`person ${table}`, scope, () => {
      const conditions: Expression<SqlBool>[] = [];
      if (scope.organisationId) conditions.push(eb(eb.ref(`${table}.recorded_by_organisation_id`) as never, '=', scope.organisationId as never));
      conditions.push(organisationIdVisible(scope, `${table}.organisation_id`, `${table}_org`)(eb));
      return anyOf(eb, conditions);
    });
  };
}

/** The person whose id is in `column` exists and is visible. */
export function personIdVisible(scope: Scope, column: string, alias: string): Condition {
  return referencedRowVisible(scope, 'people', column, alias, (row) => personVisible(scope, row));
}

export function partnershipVisible(scope: Scope, column = 'partnerships.id'): Condition {
  return (eb) => {
    if (scope.all) return EVERYTHING;
    if (!scope.partnershipIds.length) return NOTHING;
    return eb(eb.ref(column), 'in', scope.partnershipIds);
  };
}

/**
 * No partnership in `column`, or a visible one. Written so that no index on
 * the column is chosen for it: most rows have none, and a walk in the list's
 * order must not turn into reading every such row and sorting them.
 */
function partnershipUnsetOrVisible(scope: Scope, column: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  if (scope.all) return EVERYTHING;
  if (!scope.partnershipIds.length) return perEngine(sql<SqlBool>`+${ref} is null`, sql<SqlBool>`${ref} is null`);
  return perEngine(sql<SqlBool>`ifnull(+${ref} in (${sql.join(scope.partnershipIds)}), 1)`, sql<SqlBool>`coalesce(${ref} in (${sql.join(scope.partnershipIds)}), true)`);
}

/** The interaction row `table` (alias) is visible: its organisation, person and partnership, each where set. */
export function interactionVisible(scope: Scope, table = 'interactions'): Condition {
  return (eb) => {
    if (scope.all) return EVERYTHING;
    return keptCondition(`interaction ${table}`, scope, () =>
      eb.and([
        eb.or([eb(eb.ref(`${table}.organisation_id`), 'is', null), organisationIdVisible(scope, `${table}.organisation_id`, 'vis_io')(eb)]),
        eb.or([eb(eb.ref(`${table}.person_id`), 'is', null), personIdVisible(scope, `${table}.person_id`, 'vis_ip')(eb)]),
        partnershipUnsetOrVisible(scope, `${table}.partnership_id`)
      ])
    );
  };
}
