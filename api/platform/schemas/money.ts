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
import { type Say, type Words, render, words } from '../http/problem-words.js';

/** Largest amount accepted: one billion (in any currency). */
export const MAX_AMOUNT_CENTS = 100_000_000_000;
const MAX_RATE_DECIMALS = 10;
const MAX_RATE = 1000n;

/** What is wrong with an amount or a rate: `words` for the reader (a catalogue message), `error` the same in English. */
export type MoneyProblem = { error: string; words: Words };

function refusal(...args: Say): MoneyProblem {
  const said = words(...args);
  return { error: render(said), words: said };
}

export type DecimalParse = { value: bigint; scale: number } | MoneyProblem;

/**
 * A non-negative decimal written with a point ("1234.5", 1234.5) as an exact
 * integer `value` with `scale` decimals (trailing zeros dropped).
 */
export function parseDecimal(input: string | number): DecimalParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return refusal('problems_money_field_notNumber');
    text = String(input);
  } else text = input.trim();
  if (text.startsWith('-')) return refusal('problems_money_field_negative');
  const match = /^(\d{1,18})(?:\.(\d{1,18}))?$/.exec(text);
  if (!match) return refusal('problems_money_field_form');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  return { value: BigInt(match[1]! + decimals), scale: decimals.length };
}

/** "1234.5" → 123450 cents; an error message when it is negative, malformed, finer than cents or too large. */
export function decimalToCents(input: string | number): number | MoneyProblem {
  const parsed = parseDecimal(input);
  if ('error' in parsed) return parsed;
  if (parsed.scale > 2) return refusal('problems_money_field_cents');
  const cents = parsed.value * 10n ** BigInt(2 - parsed.scale);
  if (cents > BigInt(MAX_AMOUNT_CENTS)) return refusal('problems_money_field_tooLarge');
  return Number(cents);
}

/** 123450 → "1234.50" (negative amounts keep their sign). */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate as the canonical decimal string ("0.85710" → "0.8571", "1.0" → "1"), or an error message. */
export function normaliseRate(input: string | number): string | MoneyProblem {
  const parsed = parseDecimal(input);
  if ('error' in parsed) return parsed.words.key === 'problems_money_field_negative' ? refusal('problems_money_field_rateAboveZero') : parsed;
  if (parsed.value === 0n) return refusal('problems_money_field_rateAboveZero');
  if (parsed.scale > MAX_RATE_DECIMALS) return refusal('problems_money_field_rateDecimals', { max: MAX_RATE_DECIMALS });
  const unit = 10n ** BigInt(parsed.scale);
  if (parsed.value > MAX_RATE * unit) return refusal('problems_money_field_rateImplausible', { max: String(MAX_RATE) });
  const whole = (parsed.value / unit).toString();
  const fraction = parsed.scale ? (parsed.value % unit).toString().padStart(parsed.scale, '0') : '';
  return fraction ? `${whole}.${fraction}` : whole;
}

const DecimalInput = z.union([z.string().max(40), z.number()]);

/** An amount ≥ 0 with at most two decimals, as integer cents. */
export const Money = DecimalInput.transform((value, ctx) => {
  const cents = decimalToCents(value);
  if (typeof cents === 'number') return cents;
  ctx.addIssue({ code: 'custom', message: cents.words.key, params: cents.words.params, input: value });
  return z.NEVER;
}).meta({ description: 'A decimal amount ≥ 0 with at most two decimals, as a string ("1234.50") or a number', examples: ['1234.50'] });

/** EUR per unit of the currency, > 0, as the canonical decimal string. */
export const Rate = DecimalInput.transform((value, ctx) => {
  const rate = normaliseRate(value);
  if (typeof rate === 'string') return rate;
  ctx.addIssue({ code: 'custom', message: rate.words.key, params: rate.words.params, input: value });
  return z.NEVER;
}).meta({ description: 'How many euros one unit of the currency was worth when entered (> 0), e.g. "1.1688" for GBP', examples: ['1.1688'] });
