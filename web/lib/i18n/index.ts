/**
 * Translations through i18next: one instance per language, created once,
 * synchronous. Messages live in messages/<feature>.json, each holding
 * `{ "en": {…}, "de": {…} }`; a key is `<feature>.<key>`, e.g.
 * `t('organisations.title')`. Dates and numbers use Intl in the same locale.
 */
import i18next, { type TFunction } from 'i18next';
import { type Locale, TAGS } from '$i18n/locales.js';
import { messages } from './messages/index.js';

export { decimalComma, isLocale, LOCALE_COOKIE, LOCALES, type Locale, pickLocale, TAGS } from '$i18n/locales.js';

const instances = new Map<Locale, TFunction>();

function instance(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    const i18n = i18next.createInstance();
    void i18n.init({
      lng: locale,
      fallbackLng: 'en',
      resources: { en: { translation: messages('en') }, de: { translation: messages('de') }, nl: { translation: messages('nl') } },
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false
    } as Parameters<typeof i18n.init>[0]);
    t = i18n.getFixedT(locale);
    instances.set(locale, t);
  }
  return t;
}

export interface Translator {
  locale: Locale;
  t: (key: string, values?: Record<string, unknown>) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
  number: (value: number) => string;
}

const translators = new Map<Locale, Translator>();
const MAX_REMEMBERED = 10_000;

/**
 * The translator of a language, made once and kept: Intl's formatters are
 * costly to build, and a message without values is looked up in i18next
 * once, then remembered (a page renders the same labels on every request).
 */
export function translator(locale: Locale): Translator {
  let made = translators.get(locale);
  if (!made) translators.set(locale, (made = makeTranslator(locale)));
  return made;
}

function makeTranslator(locale: Locale): Translator {
  const fixed = instance(locale);
  const tag = TAGS[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(tag);
  const plain = new Map<string, string>();
  return {
    locale,
    t: (key, values) => {
      if (values) return fixed(key, values) as string;
      let text = plain.get(key);
      if (text === undefined) {
        text = fixed(key, {}) as string;
        // keys are the messages' own (a few thousand); a key built from unexpected data is not kept
        if (plain.size < MAX_REMEMBERED) plain.set(key, text);
      }
      return text;
    },
    // calendar dates (YYYY-MM-DD) are read as UTC days so they never shift
    date: (value) => (value ? dateFormat.format(typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value) : '—'),
    dateTime: (value) => (value ? dateTimeFormat.format(typeof value === 'string' ? new Date(value) : value) : '—'),
    number: (value) => numberFormat.format(value)
  };
}
