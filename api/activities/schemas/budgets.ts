/**
 * Budgets: the yearly "budget line for European activities" of one
 * organisation in one partnership, in EUR, with what the costs of that
 * year's activities already use of it.
 */
import { z } from 'zod';
import { Id, Limit, pageOf, says } from '../../platform/schemas/common.js';
import { BudgetState } from './costs.js';
import { Money } from '../../platform/schemas/money.js';

export { BudgetState };

export const Year = z.number().int().min(2000, says('problems_budget_field_year')).max(2100, says('problems_budget_field_year'));

const WarnAtPercent = z.number().int().min(1).max(100, says('problems_budget_field_warnAt'));

export const BudgetCreate = z.strictObject({
  partnershipId: Id,
  /** a party or stakeholder of the partnership */
  organisationId: Id,
  year: Year,
  /** in EUR */
  amount: Money,
  warnAtPercent: WarnAtPercent.default(90)
});
export type BudgetCreate = z.infer<typeof BudgetCreate>;

/** Partnership, organisation and year identify the line and do not change; delete and create instead. */
export const BudgetPatch = z.strictObject({ amount: Money, warnAtPercent: WarnAtPercent }).partial();
export type BudgetPatch = z.infer<typeof BudgetPatch>;

export const Budget = z
  .object({
    id: Id,
    partnershipId: Id,
    partnershipTitle: z.string(),
    organisationId: Id,
    organisationName: z.string(),
    year: z.number().int(),
    /** e.g. "VRRN 2026" */
    label: z.string(),
    /** in EUR, as a decimal string */
    amount: z.string(),
    amountCents: z.number().int(),
    warnAtPercent: z.number().int(),
    /** costs of the year's activities in the partnership paid by the organisation, by state */
    plannedCents: z.number().int(),
    committedCents: z.number().int(),
    spentCents: z.number().int(),
    /** planned + committed + spent */
    usedCents: z.number().int(),
    /** amount − used; negative when exceeded */
    remainingCents: z.number().int(),
    /** one decimal, rounded down; null when the amount is zero */
    percentUsed: z.number().nullable(),
    /** ok; warning at or above warnAtPercent; exceeded above the amount */
    state: BudgetState,
    message: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Budget' });
export type Budget = z.infer<typeof Budget>;

export const BudgetListQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional(),
  partnershipId: Id.optional(),
  organisationId: Id.optional(),
  year: z.coerce.number().pipe(Year).optional(),
  sort: z.enum(['year', '-year']).default('-year')
});
export type BudgetListQuery = z.infer<typeof BudgetListQuery>;

export const BudgetPage = pageOf(Budget);
