/**
 * Dates and money as each UI language writes them — the one place the web
 * (through web/lib/i18n/formats.ts) and the API ask Intl for them. Intl (ICU) is right for English and German; for
 * Dutch as written in Flanders it differs from the Flemish government's
 * style (Vlaamse overheid, schrijfwijzer: "do 28 jan. 2027", "1.240,50 €"):
 *
 * - an abbreviated month takes a period (`jan.`, `jun.`, `sep.`), a month
 *   written whole does not (`mei`); whether a month is abbreviated is read
 *   from Intl itself (its short name against its long one), no month table.
 *   Weekdays keep Intl's two letters (`do`), as the schrijfwijzer writes them.
 * - the euro sign follows the amount (`1.240,50 €`, `-12,00 €`).
 *
 * Node 20's ICU gives `28 jan 2027` and `€ 1.240,50`; a newer ICU (the
 * browser's) may already write the period: a month that ends in one is left
 * as it is, so the server's page and the browser's agree.
 */
import { type Locale, TAGS } from './locales.js';

/** languages whose abbreviated month names take a period */
const PERIOD_AFTER_ABBREVIATION: ReadonlySet<Locale> = new Set(['nl']);
/** languages that write the currency after the amount */
const CURRENCY_AFTER_AMOUNT: ReadonlySet<Locale> = new Set(['nl']);

export interface DateFormat {
  format(date: Date): string;
  /** start to end, shortened where they share a part ("10–12 mrt. 2026") */
  formatRange(start: Date, end: Date): string;
}

export interface MoneyFormat {
  /** an amount in the currency's units (1240.5 → "1.240,50 €") */
  format(amount: number): string;
}

const abbreviations = new Map<Locale, Map<string, string>>();

/** Each abbreviated month (as Intl writes it inside a date) → with its period: `jan` → `jan.`, `mei` stays out (it is the whole name). */
function monthAbbreviations(locale: Locale): Map<string, string> {
  let made = abbreviations.get(locale);
  if (made) return made;
  made = new Map();
  const monthIn = (options: Intl.DateTimeFormatOptions, date: Date) =>
    new Intl.DateTimeFormat(TAGS[locale], { ...options, day: 'numeric', timeZone: 'UTC' }).formatToParts(date).find((part) => part.type === 'month')?.value ?? '';
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2000, month, 15));
    const short = monthIn({ month: 'short' }, date);
    const long = monthIn({ month: 'long' }, date);
    if (short && short !== long && !short.endsWith('.')) made.set(short, `${short}.`);
  }
  abbreviations.set(locale, made);
  return made;
}

/** Intl's date format in the UI language, months abbreviated as the language writes them. */
export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): DateFormat {
  const intl = new Intl.DateTimeFormat(TAGS[locale], options);
  if (!PERIOD_AFTER_ABBREVIATION.has(locale)) return { format: (date) => intl.format(date), formatRange: (start, end) => intl.formatRange(start, end) };
  const periods = monthAbbreviations(locale);
  const join = (parts: { type: string; value: string }[]) => parts.map((part) => (part.type === 'month' ? (periods.get(part.value) ?? part.value) : part.value)).join('');
  return { format: (date) => join(intl.formatToParts(date)), formatRange: (start, end) => join(intl.formatRangeToParts(start, end)) };
}

/** Intl's currency format in the UI language, the sign where the language puts it. */
export function moneyFormat(locale: Locale, currency: string): MoneyFormat {
  const intl = new Intl.NumberFormat(TAGS[locale], { style: 'currency', currency });
  if (!CURRENCY_AFTER_AMOUNT.has(locale)) return { format: (amount) => intl.format(amount) };
  return {
    format(amount) {
      const parts = intl.formatToParts(amount);
      const at = parts.findIndex((part) => part.type === 'currency');
      const firstDigit = parts.findIndex((part) => part.type === 'integer');
      if (at < 0 || at > firstDigit) return intl.format(amount);
      // the sign and the space after it leave the front; the rest (minus sign, digits) stays in order
      const rest = parts.filter((part, index) => index !== at && !(index === at + 1 && part.type === 'literal'));
      return `${rest.map((part) => part.value).join('')}\u00a0${parts[at]!.value}`;
    }
  };
}
