/**
 * Cost items of an activity (travel, accommodation, catering, venue, fees,
 * other) and what they do to the budgets they are booked against.
 *
 * - Seen with the activity; logged, changed and deleted by whoever may
 *   change the activity (services/activity-access.ts): 404 when the activity
 *   is invisible, 403 for readers.
 * - Amounts are integer cents in the currency entered; the rate is EUR per
 *   unit as entered (1 for EUR, required otherwise) and the EUR value is
 *   computed exactly from both (`toEurCents`, rounding half a cent up) and
 *   stored, so later rate changes never move a booked cost.
 * - The payer must be an organisation the caller may see (400 otherwise).
 * - Each cost answers the budget warning its addition causes: for every
 *   budget of the payer, in a partnership of the activity the caller may
 *   see, for the activity's year (services/budgets.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId } from '../../../db/ids.js';
import { budgetsFor } from '../../../db/activities/budgets.js';
import type { BudgetWithNamesRow } from '../../../db/activities/budgets.js';
import * as repo from '../../../db/activities/costs.js';
import type { CostWithPayerRow } from '../../../db/activities/costs.js';
import { findVisibleOrganisation, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import type { Database } from '../../../db/schema.js';
import { NotFound, PreconditionFailed, ValidationFailed, canSeePartnership, checkVersion, recordChange, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import { type BudgetImpact, type Cost, type CostCreate, type CostList, type CostPatch } from '../schemas/costs.js';
import { centsToDecimal, parseDecimal } from '../../platform/schemas/money.js';
import { type AccessibleActivity, readableActivity, writableActivity } from './activity-access.js';
import type { Locale } from '../../../i18n/locales.js';
import { activityYear, budgetTotals, impactOn, impactSubject, totalsByState } from './budgets.js';

/**
 * `amountCents` × `rate` (a decimal string, EUR per unit) in whole euro
 * cents, computed exactly and rounded half up (amounts are never negative).
 */
export function toEurCents(amountCents: number, rate: string): number {
  const parsed = parseDecimal(rate);
  if ('error' in parsed) throw new Error(`Not a rate: ${rate}`);
  const divisor = 10n ** BigInt(parsed.scale);
  const product = BigInt(amountCents) * parsed.value;
  const quotient = product / divisor;
  const rest = product % divisor;
  return Number(2n * rest >= divisor ? quotient + 1n : quotient);
}

/**
 * The rate a cost keeps: 1 for EUR (another rate is refused), the one sent
 * otherwise, or the stored one when the currency stays the same.
 */
export function rateFor(currency: string, requested: string | undefined, previous: { currency: string; rate: string } | null): string {
  if (currency === 'EUR') {
    if (requested !== undefined && requested !== '1') throw new ValidationFailed([{ path: 'rateToEur', ...words('problems_cost_field_eurRate') }]);
    return '1';
  }
  if (requested !== undefined) return requested;
  if (previous && previous.currency === currency) return previous.rate;
  throw new ValidationFailed([{ path: 'rateToEur', ...words('problems_cost_field_rateRequired', { currency }) }]);
}

/** The cost without the budget impacts: what the audit trail keeps (with the payer's name). */
function toStoredCost(row: CostWithPayerRow): Omit<Cost, 'budgets'> {
  return {
    id: row.id,
    activityId: row.activity_id,
    category: row.category as Cost['category'],
    description: row.description,
    amount: centsToDecimal(row.amount_cents),
    amountCents: row.amount_cents,
    currency: row.currency,
    rateToEur: row.rate_to_eur,
    amountEurCents: row.amount_eur_cents,
    state: row.state as Cost['state'],
    paidByOrganisationId: row.paid_by_organisation_id,
    paidByOrganisationName: row.paid_by_organisation_id ? row.payer_name : null,
    version: row.version,
    createdAt: row.created_at
  };
}

/**
 * The budgets an activity's costs are booked against, as the caller sees
 * them, with what each budget uses in all (computed once per budget).
 */
/** The cost as the caller sees it: the payer's name only when the caller may see the payer. */
function shownTo(row: CostWithPayerRow, payerNames: Map<string, string>): Omit<Cost, 'budgets'> {
  return { ...toStoredCost(row), paidByOrganisationName: row.paid_by_organisation_id ? (payerNames.get(row.paid_by_organisation_id) ?? null) : null };
}

function payerNames(db: Kysely<Database>, caller: Caller, rows: CostWithPayerRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.paid_by_organisation_id).filter((id): id is string => id !== null))];
  return visibleOrganisationNames(db, scopeOf(caller), ids);
}

class BudgetBook {
  private readonly budgets = new Map<string, Promise<BudgetWithNamesRow[]>>();
  private readonly used = new Map<string, Promise<number>>();
  private readonly year: number;
  private readonly partnershipIds: string[];
  /** the caller's language (the account's): what each impact's message is worded in */
  private readonly locale: Locale | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    caller: Caller,
    found: AccessibleActivity
  ) {
    this.year = activityYear(found.activity.starts_at, found.activity.time_zone);
    this.partnershipIds = found.partnershipIds.filter((p) => canSeePartnership(caller, p));
    this.locale = caller.locale;
  }

  budgetsOf(organisationId: string): Promise<BudgetWithNamesRow[]> {
    let budgets = this.budgets.get(organisationId);
    if (!budgets) this.budgets.set(organisationId, (budgets = budgetsFor(this.db, this.partnershipIds, organisationId, this.year)));
    return budgets;
  }

  usedOf(budget: BudgetWithNamesRow): Promise<number> {
    let used = this.used.get(budget.id);
    if (!used) {
      used = budgetTotals(this.db, budget).then((t) => t.plannedCents + t.committedCents + t.spentCents);
      this.used.set(budget.id, used);
    }
    return used;
  }

  /** What `cents` of the organisation's costs (already booked) do to its budgets. */
  async impacts(organisationId: string | null, cents: number, subject: 'cost' | 'activity'): Promise<BudgetImpact[]> {
    if (!organisationId) return [];
    const impacts: BudgetImpact[] = [];
    for (const budget of await this.budgetsOf(organisationId)) {
      const used = await this.usedOf(budget);
      impacts.push(impactOn(impactSubject(budget), used - cents, used, subject, this.locale));
    }
    return impacts;
  }
}

export class CostService {
  constructor(private readonly db: DB) {}

  private async costOf(db: Kysely<Database>, caller: Caller, found: AccessibleActivity, costId: string): Promise<Cost> {
    const row = await repo.findCost(db, found.activity.id, costId);
    if (!row) throw new NotFound('cost item');
    const book = new BudgetBook(db, caller, found);
    return { ...shownTo(row, await payerNames(db, caller, [row])), budgets: await book.impacts(row.paid_by_organisation_id, row.amount_eur_cents, 'cost') };
  }

  private async assertPayerVisible(db: Kysely<Database>, caller: Caller, organisationId: string | null | undefined): Promise<void> {
    if (organisationId && !(await findVisibleOrganisation(db, scopeOf(caller), organisationId))) throw unknownReference('paidByOrganisationId', 'organisation');
  }

  async list(caller: Caller, activityId: string): Promise<CostList> {
    const found = await readableActivity(this.db, caller, activityId);
    const rows = await repo.costsOfActivity(this.db, activityId);
    const book = new BudgetBook(this.db, caller, found);
    const items: Cost[] = [];
    const names = await payerNames(this.db, caller, rows);
    for (const row of rows) items.push({ ...shownTo(row, names), budgets: await book.impacts(row.paid_by_organisation_id, row.amount_eur_cents, 'cost') });
    const byPayer = new Map<string, number>();
    for (const row of rows) if (row.paid_by_organisation_id) byPayer.set(row.paid_by_organisation_id, (byPayer.get(row.paid_by_organisation_id) ?? 0) + row.amount_eur_cents);
    const budgets: BudgetImpact[] = [];
    for (const [payer, cents] of byPayer) budgets.push(...(await book.impacts(payer, cents, 'activity')));
    const totals = totalsByState(rows.map((r) => ({ state: r.state, amountEurCents: r.amount_eur_cents })));
    return {
      items,
      summary: {
        count: rows.length,
        totalEurCents: totals.plannedCents + totals.committedCents + totals.spentCents,
        ...totals,
        budgets
      }
    };
  }

  async create(caller: Caller, activityId: string, input: CostCreate): Promise<Cost> {
    return this.db.transaction().execute(async (trx) => {
      const found = await writableActivity(trx, caller, activityId);
      await this.assertPayerVisible(trx, caller, input.paidByOrganisationId);
      const rate = rateFor(input.currency, input.rateToEur, null);
      const id = newId();
      await repo.insertCost(trx, {
        id,
        activity_id: activityId,
        category: input.category,
        description: input.description,
        amount_cents: input.amount,
        currency: input.currency,
        rate_to_eur: rate,
        amount_eur_cents: toEurCents(input.amount, rate),
        state: input.state,
        paid_by_organisation_id: input.paidByOrganisationId
      });
      const cost = await this.costOf(trx, caller, found, id);
      await recordChange(trx, caller, 'cost', id, null, withoutBudgets(cost));
      return cost;
    });
  }

  async update(caller: Caller, activityId: string, costId: string, patch: CostPatch, expected: number | null): Promise<Cost> {
    return this.db.transaction().execute(async (trx) => {
      const found = await writableActivity(trx, caller, activityId);
      const row = await repo.findCost(trx, activityId, costId);
      if (!row) throw new NotFound('cost item');
      const before = toStoredCost(row);
      checkVersion(expected, shownTo(row, await payerNames(trx, caller, [row])));
      await this.assertPayerVisible(trx, caller, patch.paidByOrganisationId);
      const currency = patch.currency ?? row.currency;
      const rate = rateFor(currency, patch.rateToEur, { currency: row.currency, rate: row.rate_to_eur });
      const amount = patch.amount ?? row.amount_cents;
      const updated = await repo.updateCost(trx, costId, row.version, {
        category: patch.category,
        description: patch.description,
        amount_cents: amount,
        currency,
        rate_to_eur: rate,
        amount_eur_cents: toEurCents(amount, rate),
        state: patch.state,
        paid_by_organisation_id: patch.paidByOrganisationId
      });
      if (!updated) throw new PreconditionFailed(shownTo(row, await payerNames(trx, caller, [row])));
      const cost = await this.costOf(trx, caller, found, costId);
      await recordChange(trx, caller, 'cost', costId, before, withoutBudgets(cost));
      return cost;
    });
  }

  async delete(caller: Caller, activityId: string, costId: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writableActivity(trx, caller, activityId);
      const row = await repo.findCost(trx, activityId, costId);
      if (!row) throw new NotFound('cost item');
      const before = toStoredCost(row);
      checkVersion(expected, shownTo(row, await payerNames(trx, caller, [row])));
      await repo.deleteCost(trx, costId);
      await recordChange(trx, caller, 'cost', costId, before, null);
    });
  }
}

/**
 * Records a delete event for every cost item an activity takes along when it
 * is deleted (the rows go by cascade); call it in the same transaction,
 * before the activity is deleted.
 */
export async function recordCostsLeaving(trx: Kysely<Database>, caller: Caller, activityId: string): Promise<void> {
  for (const row of await repo.costsOfActivity(trx, activityId)) await recordChange(trx, caller, 'cost', row.id, toStoredCost(row), null);
}

function withoutBudgets(cost: Cost): Omit<Cost, 'budgets'> {
  const { budgets: _budgets, ...stored } = cost;
  return stored;
}
