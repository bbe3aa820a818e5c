/**
 * Amounts, numbers and days as a sentence the server writes names them, in
 * each language's manner — the same formats the web uses (i18n/formats.ts):
 * `€1,240.50`, `1.240,50 €`; `28 Jan 2027`, `28.01.2027`, `28 jan. 2027`.
 * Passed to a message as a value written in each language (`eachLanguage`),
 * the reader's is taken when it is rendered.
 */
import { type Locale, TAGS } from '../../../i18n/locales.js';
import { type DateFormat, type MoneyFormat, dateFormat, moneyFormat } from '../../../i18n/formats.js';
import { type InEachLanguage, eachLanguage } from '../http/problem-words.js';

const money = new Map<Locale, MoneyFormat>();
const days = new Map<Locale, DateFormat>();

/** Integer cents as euro in `locale`. */
export function eurosIn(locale: Locale, cents: number): string {
  let format = money.get(locale);
  if (!format) money.set(locale, (format = moneyFormat(locale, 'EUR')));
  return format.format(cents / 100);
}

/** Integer cents as euro in every language, for a message's value. */
export function euros(cents: number): InEachLanguage {
  return eachLanguage((locale) => eurosIn(locale, cents));
}

/** A whole number in every language (`12,000`, `12.000`), for a message's value. */
export function wholeNumber(value: number): InEachLanguage {
  return eachLanguage((locale) => new Intl.NumberFormat(TAGS[locale]).format(value));
}

/** A calendar day (`YYYY-MM-DD`) as the web writes it (`28 Jan 2027`, `28.01.2027`, `28 jan. 2027`); '—' for none. */
export function dayIn(locale: Locale, day: string | null): string {
  if (!day) return '—';
  let format = days.get(locale);
  if (!format) days.set(locale, (format = dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(day.length === 10 ? `${day}T00:00:00Z` : day));
}
