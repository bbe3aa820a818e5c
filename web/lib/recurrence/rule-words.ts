/**
 * A recurrence rule in the reader's words ("every 3 months, on the last day
 * of the month, 2 times"): each choice of rule-parts.ts as a phrase of the
 * catalogue, weekday and month names from Intl in the reader's language.
 * Null for a rule the editor cannot show as choices (the page then shows
 * the rule as written).
 */
import type { Translator } from '$lib/i18n/index.js';
import { TAGS } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';
import { weekdayNames } from '$lib/activities/times.js';
import { monthName as monthOf } from '$lib/partnerships/glance.js';
import { type Frequency, type MonthDay, type Nth, partsOf, type RuleParts, type Weekday, WEEKDAYS } from './rule-parts.js';

type Options = { locale: Translator['locale'] };

const EVERY: Record<Frequency, (inputs: { count: number }, options: Options) => string> = {
  DAILY: m.recurrence_every_DAILY,
  WEEKLY: m.recurrence_every_WEEKLY,
  MONTHLY: m.recurrence_every_MONTHLY,
  YEARLY: m.recurrence_every_YEARLY
};

const ON_NTH: Record<Nth, (inputs: { weekday: string }, options: Options) => string> = {
  1: m.recurrence_onFirst,
  2: m.recurrence_onSecond,
  3: m.recurrence_onThird,
  4: m.recurrence_onFourth,
  [-1]: m.recurrence_onLast
};

/** The weekday's name in the reader's language ("Montag", "maandag"). */
export function weekdayName(i18n: Translator, weekday: Weekday): string {
  return weekdayNames(i18n.locale)[WEEKDAYS.indexOf(weekday)]!.long;
}

/** The month's name (1–12) in the reader's language. */
export function monthName(i18n: Translator, month: number): string {
  return monthOf(TAGS[i18n.locale], month);
}

function dayWords(i18n: Translator, day: MonthDay, options: Options): string | null {
  switch (day.kind) {
    case 'start':
      return null;
    case 'day':
      return m.recurrence_onDay({ day: day.day }, options);
    case 'last':
      return m.recurrence_onLastDay({}, options);
    case 'weekday':
      return ON_NTH[day.nth]({ weekday: weekdayName(i18n, day.weekday) }, options);
  }
}

/** The parts in words. */
export function partsInWords(i18n: Translator, parts: RuleParts): string {
  // the translator's language, also where it is not the page's (a document, a test)
  const options: Options = { locale: i18n.locale };
  const words: string[] = [EVERY[parts.freq]({ count: parts.interval }, options)];
  if (parts.freq === 'WEEKLY' && parts.weekdays.length) {
    const list = new Intl.ListFormat(TAGS[i18n.locale], { type: 'conjunction' }).format(parts.weekdays.map((d) => weekdayName(i18n, d)));
    words.push(m.recurrence_onWeekdays({ days: list }, options));
  }
  if (parts.freq === 'YEARLY' && parts.month !== null) words.push(m.recurrence_inMonth({ month: monthName(i18n, parts.month) }, options));
  if (parts.freq === 'MONTHLY' || parts.freq === 'YEARLY') {
    const day = dayWords(i18n, parts.monthDay, options);
    if (day) words.push(day);
  }
  if (parts.end.kind === 'count') words.push(m.recurrence_times({ count: parts.end.count }, options));
  if (parts.end.kind === 'until') words.push(m.recurrence_until({ date: i18n.date(parts.end.date) }, options));
  return words.join(', ');
}

/** A stored rule in words, or null when it says more than the editor's choices can (show it as written then). */
export function ruleInWords(i18n: Translator, rule: string): string | null {
  const parts = partsOf(rule);
  return parts ? partsInWords(i18n, parts) : null;
}
