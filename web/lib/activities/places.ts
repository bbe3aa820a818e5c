/** Countries as people read them: ISO codes (what the API stores) with names in the UI language through Intl. */
import countries from 'i18n-iso-countries';
import { TAGS, type Locale } from '$lib/i18n/index.js';

const CODES = Object.keys(countries.getAlpha2Codes());

export interface CountryOption {
  code: string;
  name: string;
}

const cache = new Map<Locale, CountryOption[]>();

export function countryName(locale: Locale, code: string | null | undefined): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(TAGS[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country, sorted by its name in the UI language. */
export function countryOptions(locale: Locale): CountryOption[] {
  let options = cache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames(TAGS[locale], { type: 'region' });
    const collator = new Intl.Collator(TAGS[locale]);
    options = CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    cache.set(locale, options);
  }
  return options;
}
