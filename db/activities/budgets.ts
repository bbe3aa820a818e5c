/**
 * Every SQL statement about budgets (a partnership × organisation × year
 * line in EUR cents) and the cost items booked against them.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { BudgetTable, Database } from '../schema.js';
import type { Scope } from '../scope.js';
import { type PageRequest, paginate } from '../platform/pagination.js';
import { partnershipVisible } from '../crm/visibility.js';

export interface BudgetFilter {
  partnershipId?: string;
  organisationId?: string;
  year?: number;
}

function selectWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('budgets')
    .innerJoin('partnerships', 'partnerships.id', 'budgets.partnership_id')
    .innerJoin('organisations', 'organisations.id', 'budgets.organisation_id')
    .selectAll('budgets')
    .select(['partnerships.title as partnership_title', 'organisations.name as organisation_name', 'organisations.short_name as organisation_short_name']);
}

export type BudgetWithNamesRow = NonNullable<Awaited<ReturnType<typeof findVisibleBudget>>>;

export function findVisibleBudget(db: Kysely<Database>, scope: Scope, id: string) {
  return selectWithNames(db).where('budgets.id', '=', id).where(partnershipVisible(scope, 'budgets.partnership_id')).executeTakeFirst();
}

export function findBudgetById(db: Kysely<Database>, id: string) {
  return db.selectFrom('budgets').select(['id', 'partnership_id']).where('id', '=', id).executeTakeFirst();
}

export function findBudgetByKey(db: Kysely<Database>, partnershipId: string, organisationId: string, year: number) {
  return db
    .selectFrom('budgets')
    .select(['id'])
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function listBudgets(db: Kysely<Database>, scope: Scope, filter: BudgetFilter, page: PageRequest) {
  let query = selectWithNames(db).where(partnershipVisible(scope, 'budgets.partnership_id'));
  if (filter.partnershipId) query = query.where('budgets.partnership_id', '=', filter.partnershipId);
  if (filter.organisationId) query = query.where('budgets.organisation_id', '=', filter.organisationId);
  if (filter.year !== undefined) query = query.where('budgets.year', '=', filter.year);
  return paginate(query, page, 'budgets.year', 'budgets.id', (r) => r.year, (r) => r.id);
}

/** The budget lines of these partnerships for one organisation and year. */
export function budgetsFor(db: Kysely<Database>, partnershipIds: string[], organisationId: string, year: number) {
  if (!partnershipIds.length) return Promise.resolve([]);
  return selectWithNames(db)
    .where('budgets.partnership_id', 'in', partnershipIds)
    .where('budgets.organisation_id', '=', organisationId)
    .where('budgets.year', '=', year)
    .orderBy('budgets.partnership_id')
    .execute();
}

/**
 * Cost items paid by the organisation for activities of the partnership that
 * start around the year (from 31 December before to 1 January after, in
 * UTC): the caller keeps those whose local start falls in the year.
 */
export function costsAround(db: Kysely<Database>, partnershipId: string, organisationId: string, year: number) {
  return db
    .selectFrom('cost_items')
    .innerJoin('activities', 'activities.id', 'cost_items.activity_id')
    .innerJoin('activity_partnerships', 'activity_partnerships.activity_id', 'activities.id')
    .select(['cost_items.id', 'cost_items.activity_id', 'cost_items.state', 'cost_items.amount_eur_cents', 'activities.starts_at', 'activities.time_zone'])
    .where('activity_partnerships.partnership_id', '=', partnershipId)
    .where('cost_items.paid_by_organisation_id', '=', organisationId)
    .where('activities.starts_at', '>=', `${year - 1}-12-31`)
    .where('activities.starts_at', '<', `${year + 1}-01-02`)
    .execute();
}

export async function insertBudget(db: Kysely<Database>, values: Insertable<BudgetTable>): Promise<void> {
  await db.insertInto('budgets').values(values).execute();
}

/** Updates when the version still matches; false when it does not. */
export async function updateBudget(db: Kysely<Database>, id: string, version: number, values: Updateable<BudgetTable>): Promise<boolean> {
  const result = await db
    .updateTable('budgets')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteBudget(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('budgets').where('id', '=', id).execute();
}
