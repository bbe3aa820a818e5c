/**
 * Co-financing rates in the UI: the API keeps them as fractions ("0.6"),
 * people read and type percentages ("60 %", "82,5").
 */
import { decimalComma, type Locale, TAGS } from '$lib/i18n/index.js';
import { amountForApi } from '$lib/ui/money.js';

/** "0.6" → "60 %" / "60%" in the UI language. */
export function formatRate(locale: Locale, rate: string | null): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));
}

/** "0.825" → "82.5" (en) / "82,5" (de, nl), for an input. */
export function percentForInput(locale: Locale, rate: string | null): string {
  if (rate === null) return '';
  const percent = String(Math.round(Number(rate) * 10000) / 100);
  return decimalComma(locale) ? percent.replace('.', ',') : percent;
}

/**
 * A typed percentage → the fraction the API takes: '' → null (the call's
 * rate then), "82,5" → "0.825". Something that is no percentage between 0
 * and 100 comes back as `{ invalid: true }` for the form to say so.
 */
export function rateForApi(typed: string): string | null | { invalid: true } {
  const text = amountForApi(typed.replace('%', ''));
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return { invalid: true };
  const percent = Number(text);
  if (!(percent > 0 && percent <= 100)) return { invalid: true };
  return String(Math.round(percent * 100) / 10000);
}
