/**
 * The UI language and its formats. Words are Paraglide's message functions
 * (`import { m } from '$i18n/paraglide/messages.js'`, compiled from
 * i18n/catalogue): `m.organisations_title()`, `m.tasks_dueOn({ date })`, in
 * the page's language. Dates and numbers go through Intl in the same
 * language: the translator of a language, shared with every component
 * through Svelte's context (context.ts).
 */
import { type Locale, TAGS } from '$i18n/locales.js';
import { dateFormat } from './formats.js';

export { decimalComma, isLocale, LOCALE_COOKIE, LOCALES, type Locale, pickLocale, TAGS } from '$i18n/locales.js';

export interface Translator {
  locale: Locale;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
  number: (value: number) => string;
}

const translators = new Map<Locale, Translator>();

/** The translator of a language, made once and kept: Intl's formatters are costly to build. */
export function translator(locale: Locale): Translator {
  let made = translators.get(locale);
  if (!made) translators.set(locale, (made = makeTranslator(locale)));
  return made;
}

function makeTranslator(locale: Locale): Translator {
  const tag = TAGS[locale];
  const dayFormat = dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(tag);
  return {
    locale,
    // calendar dates (YYYY-MM-DD) are read as UTC days so they never shift
    date: (value) => (value ? dayFormat.format(typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value) : '—'),
    dateTime: (value) => (value ? dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value) : '—'),
    number: (value) => numberFormat.format(value)
  };
}
