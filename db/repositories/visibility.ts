/**
 * SQL for "who may see what": an organisation is visible to the members of
 * every partnership it takes part in (as a party or a stakeholder) and to
 * the users of the organisation that recorded it. A person is visible when
 * their organisation is, or when the caller's organisation recorded them.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Scope } from '../scope.js';

const NONE = '\u0000none';

function ids(list: string[]): string[] {
  return list.length ? list : [NONE];
}

/** Organisation ids taking part in the given partnerships. */
export function organisationsInPartnerships(eb: ExpressionBuilder<Database, any>, partnershipIds: string[]) {
  return eb
    .selectFrom('partnership_parties')
    .select('partnership_parties.organisation_id as id')
    .where('partnership_parties.partnership_id', 'in', ids(partnershipIds))
    .union(
      eb
        .selectFrom('partnership_stakeholders')
        .select('partnership_stakeholders.organisation_id as id')
        .where('partnership_stakeholders.partnership_id', 'in', ids(partnershipIds))
    );
}

export function organisationVisible(scope: Scope, column = 'organisations.id', recorderColumn = 'organisations.recorded_by_organisation_id') {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb.or([
      eb(eb.ref(recorderColumn), '=', scope.organisationId ?? NONE),
      eb(eb.ref(column), 'in', organisationsInPartnerships(eb, scope.partnershipIds))
    ]);
  };
}

export function personVisible(scope: Scope) {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb.or([
      eb('people.recorded_by_organisation_id', '=', scope.organisationId ?? NONE),
      eb(
        'people.organisation_id',
        'in',
        eb
          .selectFrom('organisations')
          .select('organisations.id')
          .where(organisationVisible(scope))
      )
    ]);
  };
}

export function partnershipVisible(scope: Scope, column = 'partnerships.id') {
  return (eb: ExpressionBuilder<Database, any>) => {
    if (scope.all) return sql<boolean>`1 = 1`;
    return eb(eb.ref(column), 'in', ids(scope.partnershipIds));
  };
}
