/**
 * Budgets: the yearly "budget line for European activities" of one
 * organisation in one partnership (unique per partnership × organisation ×
 * year), in EUR cents.
 *
 * - What a budget uses: the cost items paid by its organisation for the
 *   activities of its partnership that start in its year, where the
 *   activity happens (an event at 00:30 on 1 January in Brussels belongs to
 *   the new year). Planned, committed and spent all count towards the
 *   warning: a budget is `warning` at or above `warnAtPercent` of its amount
 *   and `exceeded` above the amount. An activity in two partnerships counts
 *   in the budget of each (the organisation pays from either line; the
 *   officers decide which by keeping one budget per line).
 * - Seen by the members of the partnership; set and changed by its admins
 *   and officers (editors log costs but do not set the budget); 404 for
 *   anyone outside the partnership, 403 for those who may only read.
 * - The arithmetic is pure integer cents (functions below, unit-tested).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { newId, nowIso } from '../../../db/ids.js';
import * as repo from '../../../db/activities/budgets.js';
import type { BudgetWithNamesRow } from '../../../db/activities/budgets.js';
import { partnershipsOfOrganisation } from '../../../db/crm/organisations.js';
import { findPartnership } from '../../../db/crm/partnerships.js';
import type { Database } from '../../../db/schema.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed, canSeePartnership, canWriteIn, checkVersion, eurosIn, pageRequest, recordChange, scopeOf, unknownReference, words, type Caller } from '../../platform/index.js';
import type { Budget, BudgetCreate, BudgetListQuery, BudgetPatch } from '../schemas/budgets.js';
import { type BudgetImpact, type BudgetState } from '../schemas/costs.js';
import { centsToDecimal } from '../../platform/schemas/money.js';
import { BASE_LOCALE, type Locale, TAGS } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { holdForWrite } from '../../../db/row-locks.js';

/** Roles that set and change budgets. */
const BUDGET_ROLES = ['admin', 'officer'] as const;

export interface StateTotals {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export interface BudgetFigures extends StateTotals {
  usedCents: number;
  remainingCents: number;
  percentUsed: number | null;
  state: BudgetState;
}

/** The year an activity belongs to: that of its start, at the place it happens. */
export function activityYear(startsAt: string, timeZone: string): number {
  const instant = new Date(startsAt);
  try {
    const year = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }).formatToParts(instant).find((p) => p.type === 'year');
    if (year) return Number(year.value);
  } catch {
    /* an unknown zone: fall back to UTC */
  }
  return instant.getUTCFullYear();
}

export function totalsByState(costs: { state: string; amountEurCents: number }[]): StateTotals {
  const totals: StateTotals = { plannedCents: 0, committedCents: 0, spentCents: 0 };
  for (const cost of costs) {
    if (cost.state === 'committed') totals.committedCents += cost.amountEurCents;
    else if (cost.state === 'spent') totals.spentCents += cost.amountEurCents;
    else totals.plannedCents += cost.amountEurCents;
  }
  return totals;
}

/** `used` as a percentage of `amount` with one decimal, rounded down; null for a zero budget. */
export function percentOf(usedCents: number, amountCents: number): number | null {
  if (amountCents <= 0) return null;
  const tenths = usedCents * 1000;
  return (tenths - (tenths % amountCents)) / amountCents / 10;
}

/** ok; warning at or above `warnAtPercent` of the amount; exceeded above the amount. */
export function budgetState(amountCents: number, warnAtPercent: number, usedCents: number): BudgetState {
  if (usedCents > amountCents) return 'exceeded';
  if (usedCents > 0 && usedCents * 100 >= warnAtPercent * amountCents) return 'warning';
  return 'ok';
}

export function budgetFigures(amountCents: number, warnAtPercent: number, totals: StateTotals): BudgetFigures {
  const usedCents = totals.plannedCents + totals.committedCents + totals.spentCents;
  return {
    ...totals,
    usedCents,
    remainingCents: amountCents - usedCents,
    percentUsed: percentOf(usedCents, amountCents),
    state: budgetState(amountCents, warnAtPercent, usedCents)
  };
}

/** A share of a budget as the reader's language writes it, whole per cent rounded down ("94", "—" without an amount). */
function percentIn(locale: Locale, percent: number | null): string {
  return percent === null ? '—' : new Intl.NumberFormat(TAGS[locale]).format(Math.floor(percent));
}

/** "The VRRN 2026 budget is at 94 % (€9,400.00 of €10,000.00); the warning starts at 90 %." in the reader's language. */
export function budgetMessage(label: string, amountCents: number, warnAtPercent: number, figures: BudgetFigures, locale: Locale = BASE_LOCALE): string {
  const at = { locale };
  const values = { label, used: eurosIn(locale, figures.usedCents), amount: eurosIn(locale, amountCents) };
  if (figures.state === 'exceeded') return m.costs_budgetState_exceeded({ ...values, over: eurosIn(locale, -figures.remainingCents) }, at);
  if (figures.percentUsed === null) return m.costs_budgetState_noAmount(values, at);
  const percent = percentIn(locale, figures.percentUsed);
  return figures.state === 'warning' ? m.costs_budgetState_warning({ ...values, percent, warnAt: warnAtPercent }, at) : m.costs_budgetState_ok({ ...values, percent }, at);
}

/**
 * What some costs do to a budget: `usedBefore` without them, `usedAfter`
 * with them. `subject` says whose costs in the message ("this cost", "this
 * activity's costs"), worded in the reader's language as the web words it
 * (web/lib/budgets/impact.ts, the same messages).
 */
export function impactOn(
  budget: { id: string; partnershipId: string; organisationId: string; year: number; label: string; amountCents: number; warnAtPercent: number },
  usedBeforeCents: number,
  usedAfterCents: number,
  subject: 'cost' | 'activity',
  locale: Locale = BASE_LOCALE
): BudgetImpact {
  const percentBefore = percentOf(usedBeforeCents, budget.amountCents);
  const percentAfter = percentOf(usedAfterCents, budget.amountCents);
  const state = budgetState(budget.amountCents, budget.warnAtPercent, usedAfterCents);
  const values = { label: budget.label, percent: percentIn(locale, percentAfter), over: eurosIn(locale, Math.max(0, usedAfterCents - budget.amountCents)) };
  const words = {
    cost: { ok: m.costs_impactCost_ok, warning: m.costs_impactCost_warning, exceeded: m.costs_impactCost_exceeded },
    activity: { ok: m.costs_impactActivity_ok, warning: m.costs_impactActivity_warning, exceeded: m.costs_impactActivity_exceeded }
  }[subject][state];
  return {
    budgetId: budget.id,
    partnershipId: budget.partnershipId,
    organisationId: budget.organisationId,
    year: budget.year,
    label: budget.label,
    amountCents: budget.amountCents,
    usedBeforeCents,
    usedAfterCents,
    percentBefore,
    percentAfter,
    state,
    message: words(values, { locale })
  };
}

export function budgetLabel(row: { organisation_short_name: string | null; organisation_name: string; year: number }): string {
  return `${row.organisation_short_name ?? row.organisation_name} ${row.year}`;
}

/** The costs booked against a budget line, by state. */
export async function budgetTotals(db: Kysely<Database>, budget: { partnership_id: string; organisation_id: string; year: number }): Promise<StateTotals> {
  const candidates = await repo.costsAround(db, budget.partnership_id, budget.organisation_id, budget.year);
  const inYear = candidates.filter((c) => activityYear(c.starts_at, c.time_zone) === budget.year);
  return totalsByState(inYear.map((c) => ({ state: c.state, amountEurCents: c.amount_eur_cents })));
}

/** A budget line as `impactOn` takes it. */
export function impactSubject(row: BudgetWithNamesRow) {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
    year: row.year,
    label: budgetLabel(row),
    amountCents: row.amount_eur_cents,
    warnAtPercent: row.warn_at_percent
  };
}

export function toBudget(row: BudgetWithNamesRow, totals: StateTotals, locale: Locale = BASE_LOCALE): Budget {
  const figures = budgetFigures(row.amount_eur_cents, row.warn_at_percent, totals);
  const label = budgetLabel(row);
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    partnershipTitle: row.partnership_title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    year: row.year,
    label,
    amount: centsToDecimal(row.amount_eur_cents),
    amountCents: row.amount_eur_cents,
    warnAtPercent: row.warn_at_percent,
    ...figures,
    message: budgetMessage(label, row.amount_eur_cents, row.warn_at_percent, figures, locale),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

function assertMaySet(caller: Caller, partnershipId: string): void {
  if (!canWriteIn(caller, partnershipId, [...BUDGET_ROLES])) throw new Forbidden('problems_budget_roleForbids');
}

export class BudgetService {
  constructor(private readonly db: DB) {}

  /** the budget with its figures, its message in the caller's language (the account's: what readerLanguage takes first) */
  private async withFigures(db: Kysely<Database>, row: BudgetWithNamesRow, caller: Caller): Promise<Budget> {
    return toBudget(row, await budgetTotals(db, row), caller.locale);
  }

  private async loadVisible(db: Kysely<Database>, caller: Caller, id: string): Promise<BudgetWithNamesRow> {
    const row = await repo.findVisibleBudget(db, scopeOf(caller), id);
    if (!row) throw new NotFound('budget');
    return row;
  }

  async list(caller: Caller, query: BudgetListQuery) {
    if (query.partnershipId && !canSeePartnership(caller, query.partnershipId)) return { items: [], nextCursor: null };
    const { page } = pageRequest(query, { year: 'year' } as const);
    const result = await repo.listBudgets(this.db, scopeOf(caller), { partnershipId: query.partnershipId, organisationId: query.organisationId, year: query.year }, page);
    const items: Budget[] = [];
    for (const row of result.items) items.push(await this.withFigures(this.db, row, caller));
    return { items, nextCursor: result.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<Budget> {
    return this.withFigures(this.db, await this.loadVisible(this.db, caller, id), caller);
  }

  async create(caller: Caller, input: BudgetCreate): Promise<Budget> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'partnerships', input.partnershipId);
      if (!canSeePartnership(caller, input.partnershipId) || !(await findPartnership(trx, input.partnershipId))) {
        throw unknownReference('partnershipId', 'partnership');
      }
      assertMaySet(caller, input.partnershipId);
      if (!(await partnershipsOfOrganisation(trx, input.organisationId)).includes(input.partnershipId)) {
        throw new ValidationFailed([{ path: 'organisationId', ...words('problems_budget_field_notParty') }]);
      }
      const existing = await repo.findBudgetByKey(trx, input.partnershipId, input.organisationId, input.year);
      if (existing) throw new Conflict(words('problems_budget_exists', { year: input.year }), { existingId: existing.id });
      const id = newId();
      await repo.insertBudget(trx, {
        id,
        partnership_id: input.partnershipId,
        organisation_id: input.organisationId,
        year: input.year,
        amount_eur_cents: input.amount,
        warn_at_percent: input.warnAtPercent
      });
      const budget = await this.withFigures(trx, await this.loadVisible(trx, caller, id), caller);
      await recordChange(trx, caller, 'budget', id, null, snapshot(budget));
      return budget;
    });
  }

  async update(caller: Caller, id: string, patch: BudgetPatch, expected: number | null): Promise<Budget> {
    return this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'budgets', id);
      const row = await this.loadVisible(trx, caller, id);
      assertMaySet(caller, row.partnership_id);
      const before = await this.withFigures(trx, row, caller);
      checkVersion(expected, before);
      const updated = await repo.updateBudget(trx, id, row.version, { amount_eur_cents: patch.amount, warn_at_percent: patch.warnAtPercent, updated_at: nowIso() });
      if (!updated) throw new PreconditionFailed(before);
      const after = await this.withFigures(trx, await this.loadVisible(trx, caller, id), caller);
      await recordChange(trx, caller, 'budget', id, snapshot(before), snapshot(after));
      return after;
    });
  }

  async delete(caller: Caller, id: string, expected: number | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdForWrite(trx, 'budgets', id);
      const row = await this.loadVisible(trx, caller, id);
      assertMaySet(caller, row.partnership_id);
      const before = await this.withFigures(trx, row, caller);
      checkVersion(expected, before);
      await repo.deleteBudget(trx, id);
      await recordChange(trx, caller, 'budget', id, snapshot(before), null);
    });
  }
}

/** What the audit trail keeps of a budget: the stored line, not the figures of the moment. */
function snapshot(budget: Budget) {
  return {
    id: budget.id,
    partnershipId: budget.partnershipId,
    organisationId: budget.organisationId,
    year: budget.year,
    amountCents: budget.amountCents,
    warnAtPercent: budget.warnAtPercent,
    version: budget.version
  };
}
