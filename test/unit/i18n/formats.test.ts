/**
 * Dates and money in each UI language (web/lib/i18n/formats.ts): Flemish
 * Dutch writes `do 28 jan. 2027` and `1.240,50 €` (Intl of Node 20 gives
 * `do 28 jan 2027` and `€ 1.240,50`); English and German stay as Intl
 * writes them.
 */
import { describe, expect, it } from 'vitest';
import { dateFormat, moneyFormat } from '$lib/i18n/formats.js';

/** Intl's spaces as plain ones, to compare with text as people read it */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('dates', () => {
  it('writes a Flemish date with the abbreviated month and its period: do 28 jan. 2027', () => {
    expect(dateFormat('nl', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day('2027-01-28'))).toBe('do 28 jan. 2027');
    expect(dateFormat('nl', { dateStyle: 'medium', timeZone: 'UTC' }).format(day('2027-01-28'))).toBe('28 jan. 2027');
  });

  it('puts a period only after a month it shortens: jun., sep., but mei as it is', () => {
    const medium = dateFormat('nl', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(medium.format(day('2027-05-03'))).toBe('3 mei 2027');
    expect(medium.format(day('2027-06-03'))).toBe('3 jun. 2027');
    expect(medium.format(day('2027-09-03'))).toBe('3 sep. 2027');
    const periods = Array.from({ length: 12 }, (_, month) => medium.format(new Date(Date.UTC(2027, month, 3)))).filter((text) => /\p{L}\. /u.test(text));
    expect(periods).toHaveLength(11);
  });

  it('keeps the periods in a range and beside a time', () => {
    const medium = dateFormat('nl', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(plain(medium.formatRange(day('2027-01-28'), day('2027-02-02')))).toMatch(/^28 jan\. – 2 feb\. 2027$/);
    expect(plain(dateFormat('nl', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date('2027-01-28T09:30:00Z')))).toBe('28 jan. 2027, 10:30');
  });

  it('leaves English and German dates as Intl writes them', () => {
    expect(dateFormat('en', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day('2027-01-28'))).toBe('Thu, 28 Jan 2027');
    expect(dateFormat('de', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day('2027-01-28'))).toBe('Do., 28. Jan. 2027');
    expect(dateFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(day('2027-01-28'))).toBe('28.01.2027');
  });
});

describe('money', () => {
  it('writes the euro after a Flemish amount: 1.240,50 €, -12,00 €', () => {
    expect(plain(moneyFormat('nl', 'EUR').format(1240.5))).toBe('1.240,50 €');
    expect(plain(moneyFormat('nl', 'EUR').format(-12))).toBe('-12,00 €');
    expect(plain(moneyFormat('nl', 'CHF').format(1240.5))).toBe('1.240,50 CHF');
  });

  it('leaves English and German amounts as Intl writes them', () => {
    expect(moneyFormat('en', 'EUR').format(1240.5)).toBe('€1,240.50');
    expect(plain(moneyFormat('de', 'EUR').format(1240.5))).toBe('1.240,50 €');
  });
});
