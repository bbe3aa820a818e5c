/**
 * The compiled message functions (Paraglide, from i18n/catalogue) as the
 * pages and, later, the API call them: each language's text, the values by
 * name, plurals chosen by the count in each language's plural rules (and
 * i18next's old "zero" form kept for a count of exactly 0), and the locale a
 * call asks for whatever the current one is.
 */
import { describe, expect, it } from 'vitest';
import { m } from '../../../i18n/paraglide/messages.js';
import { getLocale } from '../../../i18n/paraglide/runtime.js';

describe('the message functions', () => {
  it('speak the locale asked for, English by default', () => {
    expect(getLocale()).toBe('en');
    expect(m.tasks_title()).toBe('My tasks');
    expect(m.tasks_title({}, { locale: 'de' })).toBe('Meine Aufgaben');
    expect(m.tasks_title({}, { locale: 'nl' })).toBe('Mijn taken');
  });

  it('put values in by name', () => {
    expect(m.tasks_dueOn({ date: '28 jan 2027' }, { locale: 'nl' })).toBe('Uiterlijk op 28 jan 2027');
    expect(m.tasks_dueOn({ date: '28.01.2027' }, { locale: 'de' })).toBe('Fällig am 28.01.2027');
  });

  it('choose the plural form by the count, in each language', () => {
    expect([1, 2, 0].map((count) => m.tasks_daysOverdue({ count }))).toEqual(['1 day overdue', '2 days overdue', '0 days overdue']);
    expect([1, 3].map((count) => m.tasks_daysOverdue({ count }, { locale: 'de' }))).toEqual(['1 Tag überfällig', '3 Tage überfällig']);
    expect([1, 3].map((count) => m.tasks_daysOverdue({ count }, { locale: 'nl' }))).toEqual(['1 dag te laat', '3 dagen te laat']);
  });

  it('keep a text of its own for a count of exactly 0 where there was one', () => {
    expect([0, 1, 14].map((count) => m.proposals_milestones_daysBefore({ count }))).toEqual(['on the deadline day', '1 day before the deadline', '14 days before the deadline']);
    expect(m.proposals_milestones_daysBefore({ count: 0 }, { locale: 'nl' })).toBe('op de dag van de deadline');
  });
});
