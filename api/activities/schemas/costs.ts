/**
 * Cost items of an activity; amounts and rates are read as money.ts in the
 * platform's schemas reads them.
 */
import { z } from 'zod';
import { Id, OptionalText, says } from '../../platform/schemas/common.js';
import { Money, Rate } from '../../platform/schemas/money.js';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => ISO_4217.has(code), says('problems_cost_field_currency'));

export const CostCategory = z.enum(['travel', 'accommodation', 'catering', 'venue', 'fees', 'other']);
export type CostCategory = z.infer<typeof CostCategory>;

/** planned (estimated), committed (ordered or booked), spent (paid) */
export const CostState = z.enum(['planned', 'committed', 'spent']);
export type CostState = z.infer<typeof CostState>;

export const BudgetState = z.enum(['ok', 'warning', 'exceeded']);
export type BudgetState = z.infer<typeof BudgetState>;

/** What costs do to one budget line: its use without them (before) and with them (after). */
export const BudgetImpact = z
  .object({
    budgetId: Id,
    partnershipId: Id,
    organisationId: Id,
    year: z.number().int(),
    /** e.g. "VRRN 2026" */
    label: z.string(),
    amountCents: z.number().int(),
    usedBeforeCents: z.number().int(),
    usedAfterCents: z.number().int(),
    /** one decimal, rounded down; null when the budget is zero */
    percentBefore: z.number().nullable(),
    percentAfter: z.number().nullable(),
    /** the budget's state with these costs */
    state: BudgetState,
    /** e.g. "Adding this cost takes the VRRN 2026 budget to 94 %." */
    message: z.string()
  })
  .meta({ id: 'BudgetImpact' });
export type BudgetImpact = z.infer<typeof BudgetImpact>;

const fields = {
  category: CostCategory,
  description: OptionalText(500),
  amount: Money,
  currency: CurrencyCode,
  /** required when the currency is not EUR; for EUR it is 1 */
  rateToEur: Rate,
  state: CostState,
  /** the organisation that pays (one the caller may see), or null when not known yet */
  paidByOrganisationId: Id.nullable()
};

export const CostCreate = z.strictObject({
  ...fields,
  description: fields.description.default(null),
  currency: fields.currency.default('EUR'),
  rateToEur: fields.rateToEur.optional(),
  state: fields.state.default('planned'),
  paidByOrganisationId: fields.paidByOrganisationId.default(null)
});
export type CostCreate = z.infer<typeof CostCreate>;

/** Only the fields sent change; a new currency other than EUR needs its rate. */
export const CostPatch = z.strictObject(fields).partial();
export type CostPatch = z.infer<typeof CostPatch>;

export const CostParams = z.strictObject({ id: Id, costId: Id });
export const ActivityParams = z.strictObject({ id: Id });

export const Cost = z
  .object({
    id: Id,
    activityId: Id,
    category: CostCategory,
    description: z.string().nullable(),
    /** as entered, in `currency` */
    amount: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    rateToEur: z.string(),
    amountEurCents: z.number().int(),
    state: CostState,
    paidByOrganisationId: z.string().nullable(),
    paidByOrganisationName: z.string().nullable(),
    /** what this cost does to each budget it is booked against (those the caller may see) */
    budgets: z.array(BudgetImpact),
    version: z.number().int(),
    createdAt: z.string()
  })
  .meta({ id: 'Cost' });
export type Cost = z.infer<typeof Cost>;

export const CostSummary = z.object({
  count: z.number().int(),
  totalEurCents: z.number().int(),
  plannedCents: z.number().int(),
  committedCents: z.number().int(),
  spentCents: z.number().int(),
  /** what the activity's costs together do to each budget they are booked against */
  budgets: z.array(BudgetImpact)
});
export type CostSummary = z.infer<typeof CostSummary>;

export const CostList = z.object({ items: z.array(Cost), summary: CostSummary }).meta({ id: 'CostList' });
export type CostList = z.infer<typeof CostList>;
