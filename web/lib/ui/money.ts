/**
 * Money in the UI: the API sends integer cents with an ISO 4217 currency and
 * takes amounts as decimal strings with a point ("1234.50"); people type them
 * the way their language writes numbers ("1.234,50", "1,234.50").
 */
import { decimalComma, type Locale, TAGS } from '$lib/i18n/index.js';
import { type MoneyFormat, moneyFormat } from '$lib/i18n/formats.js';

const formats = new Map<string, MoneyFormat>();

/** 123450 cents in EUR → "€1,234.50" (en) / "1.234,50 €" (de, nl). */
export function formatMoney(locale: Locale, cents: number, currency = 'EUR'): string {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = moneyFormat(locale, currency);
    } catch {
      // an unknown code typed by hand: the number with the code beside it
      const number = new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${number.format(cents / 100)} ${currency}`;
    }
    formats.set(key, format);
  }
  return format.format(cents / 100);
}

/**
 * An amount as typed → the decimal string the API reads. The last of "." and
 * "," is the decimal separator when both appear; a lone "," followed by one
 * or two digits is one too. Anything else is passed on for the API to judge.
 */
export function amountForApi(typed: string): string {
  const text = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
  const point = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (point >= 0 && comma >= 0) {
    return point > comma ? text.replace(/,/g, '') : text.replace(/\./g, '').replace(',', '.');
  }
  if (comma >= 0) {
    const commas = text.split(',').length - 1;
    return commas === 1 && /,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, '');
  }
  return text;
}

/** "1234.50" from the API → how the UI language writes it in an input ("1234,50" in German and Dutch). */
export function amountForInput(locale: Locale, decimal: string): string {
  return decimalComma(locale) ? decimal.replace('.', ',') : decimal;
}

/** A percentage as the API gives it (one decimal, rounded down) → whole percent, rounded down like the API's messages. */
export function wholePercent(percent: number | null): number | null {
  return percent === null ? null : Math.floor(percent);
}

/** A rate as the API keeps it ("1.1688") in the UI language's digits ("1,1688"), every decimal kept. */
export function formatRate(locale: Locale, rate: string): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 10 }).format(Number(rate));
}
