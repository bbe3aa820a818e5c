/**
 * The UI languages: which one a request gets (pickLocale: an nl-BE browser
 * gets Dutch), that they are the inlang project's, and how each writes
 * dates, numbers and money (Intl; Dutch as in Flanders, nl-BE).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, decimalComma, LOCALES, pickLocale, TAGS } from '../../../i18n/locales.js';
import { translator } from '../../../web/lib/i18n/index.js';
import { amountForInput, formatMoney } from '../../../web/lib/ui/money.js';

/** Intl's narrow and ordinary no-break spaces as plain ones, so a thousands or currency gap reads alike on every ICU. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the UI languages', () => {
  it('are the inlang project’s locales, English first as the base', () => {
    const settings = JSON.parse(readFileSync(new URL('../../../i18n/project.inlang/settings.json', import.meta.url), 'utf8'));
    expect(settings.locales).toEqual([...LOCALES]);
    expect(settings.baseLocale).toBe(BASE_LOCALE);
    expect(LOCALES).toContain('nl');
  });
});

describe('pickLocale', () => {
  it('gives a Flemish browser Dutch, and an Austrian one German', () => {
    expect(pickLocale(undefined, 'nl-BE,nl;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('nl');
    expect(pickLocale(undefined, 'nl-BE')).toBe('nl');
    expect(pickLocale(undefined, 'de-AT,de;q=0.9')).toBe('de');
  });

  it('takes the first language it has in the browser’s order of preference', () => {
    expect(pickLocale(undefined, 'fr-BE,fr;q=0.9,nl-BE;q=0.8,en;q=0.5')).toBe('nl');
    expect(pickLocale(undefined, 'en;q=0.5,nl;q=0.9')).toBe('nl');
    expect(pickLocale(undefined, 'nl;q=0,de;q=0.4')).toBe('de');
  });

  it('lets the language cookie (the switch, the account at sign-in) win over the browser', () => {
    expect(pickLocale('de', 'nl-BE,nl;q=0.9')).toBe('de');
    expect(pickLocale('nl', 'en-GB')).toBe('nl');
  });

  it('falls back to English for a cookie or browser language it does not have', () => {
    expect(pickLocale('fr', 'fr-BE,fr')).toBe('en');
    expect(pickLocale(undefined, null)).toBe('en');
    expect(pickLocale(undefined, '*')).toBe('en');
  });
});

describe('dates, numbers and money in each language', () => {
  it('writes Dutch as Flanders does (nl-BE): a point between thousands, a comma before the cents', () => {
    expect(TAGS.nl).toBe('nl-BE');
    const nl = translator('nl');
    expect(spaced(nl.number(1240.5))).toBe('1.240,5');
    expect(spaced(formatMoney('nl', 124_050))).toMatch(/^(€ ?1\.240,50|1\.240,50 ?€)$/);
    expect(nl.date('2027-01-28')).toMatch(/^28 jan\.? 2027$/);
    // the weekday abbreviated as a Flemish calendar has it
    const dayFormat = new Intl.DateTimeFormat(TAGS.nl, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(dayFormat.format(new Date('2027-01-28T00:00:00Z'))).toMatch(/^do 28 jan\.? 2027$/);
  });

  it('keeps English and German as they were', () => {
    expect(translator('en').date('2027-01-28')).toBe('28 Jan 2027');
    expect(translator('de').date('2027-01-28')).toBe('28.01.2027');
    expect(spaced(formatMoney('de', 124_050))).toBe('1.240,50 €');
    expect(formatMoney('en', 124_050)).toBe('€1,240.50');
  });

  it('shows amounts in inputs with the language’s decimal sign', () => {
    expect(LOCALES.map((locale) => [locale, decimalComma(locale)])).toEqual([['en', false], ['de', true], ['nl', true]]);
    expect(amountForInput('nl', '1240.50')).toBe('1240,50');
    expect(amountForInput('de', '1240.50')).toBe('1240,50');
    expect(amountForInput('en', '1240.50')).toBe('1240.50');
  });
});
