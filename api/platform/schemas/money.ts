/**
 * Money as the API reads and writes it.
 *
 * Money never travels as a binary float inside the app: an amount arrives as
 * a decimal string ("1234.50") or a JSON number with at most two decimals
 * and becomes integer cents at the edge; a rate ("0.8571") stays a decimal
 * string and is multiplied exactly (the activities' costs, `toEurCents`).
 * Responses carry the amount as entered (decimal string) and every figure in
 * integer cents (`…Cents`).
 */
import { z } from 'zod';

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
