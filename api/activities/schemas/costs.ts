/**
 * Cost items of an activity, and money as the API reads and writes it.
 *
 * Money never travels as a binary float inside the app: an amount arrives as
 * a decimal string ("1234.50") or a JSON number with at most two decimals
 * and becomes integer cents at the edge; a rate ("0.8571") stays a decimal
 * string and is multiplied exactly (services/costs.ts `toEurCents`).
 * Responses carry the amount as entered (decimal string) and every figure in
 * integer cents (`…Cents`).
 */
import { z } from 'zod';
import { Id, OptionalText } from '../../platform/schemas/common.js';

/** Largest amount accepted: one billion (in any currency). */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
const MAX_RATE_DECIMALS = 10;
const MAX_RATE = 1000n;

export type DecimalParse = { value: bigint; scale: number } | { error: string };

/**
 * A non-negative decimal written with a point ("1234.5", 1234.5) as an exact
 * integer `value` with `scale` decimals (trailing zeros dropped).
 */
export function parseDecimal(input: string | number): DecimalParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { error: 'Not a number.' };
    text = String(input);
  } else text = input.trim();
  if (text.startsWith('-')) return { error: 'Amounts cannot be negative.' };
  const match = /^(\d{1,18})(?:\.(\d{1,18}))?$/.exec(text);
  if (!match) return { error: 'Use a number such as 1234.50: a point before the decimals, no thousands separators.' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  return { value: BigInt(match[1]! + decimals), scale: decimals.length };
}

/** "1234.5" → 123450 cents; an error message when it is negative, malformed, finer than cents or too large. */
export function decimalToCents(input: string | number): number | { error: string } {
  const parsed = parseDecimal(input);
  if ('error' in parsed) return parsed;
  if (parsed.scale > 2) return { error: 'At most two decimals (whole cents).' };
  const cents = parsed.value * 10n ** BigInt(2 - parsed.scale);
  if (cents > BigInt(MAX_AMOUNT_CENTS)) return { error: 'That is more than one billion; check the amount.' };
  return Number(cents);
}

/** 123450 → "1234.50" (negative amounts keep their sign). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate as the canonical decimal string ("0.85710" → "0.8571", "1.0" → "1"), or an error message. */
export function normaliseRate(input: string | number): string | { error: string } {
  const parsed = parseDecimal(input);
  if ('error' in parsed) return parsed.error === 'Amounts cannot be negative.' ? { error: 'A rate is greater than zero.' } : parsed;
  if (parsed.value === 0n) return { error: 'A rate is greater than zero.' };
  if (parsed.scale > MAX_RATE_DECIMALS) return { error: `At most ${MAX_RATE_DECIMALS} decimals.` };
  const unit = 10n ** BigInt(parsed.scale);
  if (parsed.value > MAX_RATE * unit) return { error: `A rate above ${MAX_RATE} euros per unit is not plausible; enter how many euros one unit of the currency is worth.` };
  const whole = (parsed.value / unit).toString();
  const fraction = parsed.scale ? (parsed.value % unit).toString().padStart(parsed.scale, '0') : '';
  return fraction ? `${whole}.${fraction}` : whole;
}

const DecimalInput = z.union([z.string().max(40), z.number()]);

/** An amount ≥ 0 with at most two decimals, as integer cents. */
export const Money = DecimalInput.transform((value, ctx) => {
  const cents = decimalToCents(value);
  if (typeof cents === 'number') return cents;
  ctx.addIssue({ code: 'custom', message: cents.error, input: value });
  return z.NEVER;
}).meta({ description: 'A decimal amount ≥ 0 with at most two decimals, as a string ("1234.50") or a number', examples: ['1234.50'] });

/** EUR per unit of the currency, > 0, as the canonical decimal string. */
export const Rate = DecimalInput.transform((value, ctx) => {
  const rate = normaliseRate(value);
  if (typeof rate === 'string') return rate;
  ctx.addIssue({ code: 'custom', message: rate.error, input: value });
  return z.NEVER;
}).meta({ description: 'How many euros one unit of the currency was worth when entered (> 0), e.g. "1.1688" for GBP', examples: ['1.1688'] });

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => ISO_4217.has(code), { error: 'Use a three-letter ISO 4217 currency code such as EUR, GBP or CHF.' });

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
