/**
 * The UI languages and how a request's language is chosen, shared by the web
 * and the API (the API sets the language cookie at sign-in and accepts these
 * as an account's language). The same list is the inlang project's `locales`
 * (i18n/project.inlang/settings.json; a unit test keeps them equal).
 */
export const LOCALES = ['en', 'de', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** The cookie that carries the UI language: set by the switch and, to the account's language, at sign-in. */
export const LOCALE_COOKIE = 'regiodesk_locale';

/** The BCP 47 tag Intl formats each UI language with: Dutch as written in Flanders (`1.240,50 €`, `do 28 jan. 2027`). */
export const TAGS: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-BE' };

/** Whether the language writes decimals with a comma (de, nl: `82,5`): inputs show numbers so, and its spreadsheets split CSV columns with semicolons. */
export function decimalComma(locale: Locale): boolean {
  return new Intl.NumberFormat(TAGS[locale]).formatToParts(1.5).find((part) => part.type === 'decimal')?.value === ',';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best locale from the cookie's value and an Accept-Language header:
 * the cookie when it names a UI language, else the first language of the
 * header (in its order of preference) whose primary subtag is one
 * (`nl-BE` → nl, `de-AT` → de), else English.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { language: tag.split('-')[0]!.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? BASE_LOCALE;
}
