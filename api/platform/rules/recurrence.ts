/**
 * Recurrence rules (RFC 5545 RRULE) on calendar dates, computed by `rrule`.
 * Pure functions on `YYYY-MM-DD` strings; no time zone ever shifts a day
 * (rrule works on UTC midnights here, which stand for floating dates).
 *
 * What a rule may say
 * - `rrule`'s own parser accepts nonsense silently (`FREQ=BANANA` parses to
 *   an empty rule), so rules are checked here first, part by part, and a
 *   person gets a message saying what to change (RuleProblem).
 * - Tasks fall on dates: FREQ is DAILY, WEEKLY, MONTHLY or YEARLY; BYHOUR,
 *   BYMINUTE and BYSECOND are refused. DTSTART is never part of the rule: a
 *   recurring task starts on its due date, follow-ups on an activity's end.
 *   An `RRULE:` prefix is accepted and dropped; names are upper-cased.
 * - BYSETPOS picks among the days of a month or a year: it is refused in
 *   daily and weekly rules, whose day sets are too small to pick from.
 * - A rule must fall on some date within ten years of its start.
 *
 * No rule keeps the server busy
 * Expansion (`expand`) walks the rule's periods itself, one at a time (a
 * day, a week, a month or a year, every INTERVAL), and stops at the horizon
 * or at the N-th date, never past MAX_OCCURRENCES dates or MAX_SPAN_YEARS
 * from the start, whatever the rule says (UNTIL in 9999, COUNT huge,
 * INTERVAL=1 over centuries). rrule cannot be asked to stop by itself: it
 * checks its limits (UNTIL, COUNT, `between`'s end) only when a day passes
 * the rule, so one that never does (`FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2`,
 * 30 February) ran on to the year 9999. Daily and weekly rules are days
 * filtered here; a month or a year is handed to rrule alone, which works
 * out its days (BYSETPOS, numbered weekdays, week numbers) and stops after
 * it. Periods visited are counted and bounded by a property test.
 *
 * Month ends
 * RFC 5545 takes the day of a MONTHLY or YEARLY rule from DTSTART and skips
 * months without that day: from 31 August, "every three months" would jump
 * over November to 31 May. A person means the month's last day instead. So
 * when the rule does not choose days itself (no BYMONTHDAY, BYDAY,
 * BYYEARDAY, BYWEEKNO or BYSETPOS), the rule is run from the first of the
 * start month and each occurrence is moved to the start's day, clamped to
 * the month's end: 31 Aug + 3 months = 30 Nov, + 6 months = 28 Feb (29 Feb
 * in a leap year), + 9 months = 31 May. Every occurrence is counted from
 * the start, so the series never drifts to the 28th. A rule that names its
 * days (e.g. BYMONTHDAY=-1 for "the last day") is left to RFC 5545 as is.
 */
import * as rruleModule from 'rrule';
import { type Say, type Words, render, words } from '../http/problem-words.js';

// rrule ships CommonJS for Node and ESM for bundlers: take whichever arrived.
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

/**
 * A rule a person wrote that cannot be used: `words` say what to change (a
 * catalogue message, shown beside the field in the reader's language),
 * `message` says it in English.
 */
export class RuleProblem extends Error {
  readonly words: Words;
  constructor(...args: Say) {
    const said = words(...args);
    super(render(said));
    this.words = said;
  }
}

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface Rule {
  /** the rule as stored and shown: upper-case, without `RRULE:` */
  text: string;
  freq: Frequency;
  count: number | null;
  /** the last date an occurrence may fall on */
  until: string | null;
  /** true when the rule takes its day of the month from the start (month-end clamping applies) */
  inheritsDay: boolean;
}

const FREQUENCIES: Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS', 'WKST'];
const DAY_CHOOSERS = ['BYMONTHDAY', 'BYDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYSETPOS'];
const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HORIZON_YEARS = 10;
/** rrule's last year */
const MAX_YEAR = 9999;

function toDate(date: string): Date {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return d;
}

function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Adds whole years, 29 Feb becoming 28 Feb in other years. */
export function addYears(date: string, years: number): string {
  const d = toDate(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(Math.min(day, daysInMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)));
  return fromDate(d);
}

function integerList(name: string, value: string, min: number, max: number, signed: boolean): void {
  for (const item of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(item)) throw new RuleProblem('problems_rule_wholeNumbers', { name, example: signed ? '1,-1' : '1,7' });
    const n = Number(item);
    if ((!signed && n < 0) || n === 0 || Math.abs(n) < min || Math.abs(n) > max) {
      throw new RuleProblem(signed ? 'problems_rule_valueRangeSigned' : 'problems_rule_valueRange', { name, min, max, item });
    }
  }
}

function positive(name: string, value: string, max: number): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max) throw new RuleProblem('problems_rule_positive', { name, max });
  return Number(value);
}

function untilDate(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  try {
    toDate(date);
  } catch {
    throw new RuleProblem('problems_rule_until');
  }
  return date;
}

/**
 * Checks a rule a person wrote and returns it in stored form; throws
 * RuleProblem with a message to show beside the field.
 */
export function parseRule(input: string): Rule {
  let text = input.trim().toUpperCase();
  if (text.startsWith('RRULE:')) text = text.slice('RRULE:'.length);
  if (text === '') throw new RuleProblem('problems_rule_empty');
  if (/[\r\n]/.test(text) || text.includes('DTSTART')) throw new RuleProblem('problems_rule_noDtstart');
  const parts = new Map<string, string>();
  for (const part of text.split(';').filter((p) => p !== '')) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) throw new RuleProblem('problems_rule_notAPart', { part });
    const [, name, value] = match as unknown as [string, string, string];
    if (['BYHOUR', 'BYMINUTE', 'BYSECOND'].includes(name)) throw new RuleProblem('problems_rule_noTimeOfDay');
    if (!PARTS.includes(name)) throw new RuleProblem('problems_rule_unknownPart', { name, parts: PARTS.join(', ') });
    if (parts.has(name)) throw new RuleProblem('problems_rule_twice', { name });
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (!freq) throw new RuleProblem('problems_rule_noFreq');
  if (!FREQUENCIES.includes(freq as Frequency)) throw new RuleProblem('problems_rule_freqOneOf', { frequencies: FREQUENCIES.join(', ') });
  const interval = parts.get('INTERVAL');
  if (interval !== undefined) positive('INTERVAL', interval, 1000);
  const count = parts.has('COUNT') ? positive('COUNT', parts.get('COUNT')!, 1000) : null;
  const until = parts.has('UNTIL') ? untilDate(parts.get('UNTIL')!) : null;
  if (count !== null && until !== null) throw new RuleProblem('problems_rule_countOrUntil');
  if (parts.has('BYMONTH')) integerList('BYMONTH', parts.get('BYMONTH')!, 1, 12, false);
  if (parts.has('BYMONTHDAY')) integerList('BYMONTHDAY', parts.get('BYMONTHDAY')!, 1, 31, true);
  if (parts.has('BYYEARDAY')) integerList('BYYEARDAY', parts.get('BYYEARDAY')!, 1, 366, true);
  if (parts.has('BYWEEKNO')) {
    if (freq !== 'YEARLY') throw new RuleProblem('problems_rule_byweeknoYearly');
    integerList('BYWEEKNO', parts.get('BYWEEKNO')!, 1, 53, true);
  }
  if (parts.has('BYSETPOS')) {
    // the day sets of a day or a week are too small to pick from, and a pick that is never there would leave nothing to stop at
    if (freq === 'DAILY' || freq === 'WEEKLY') throw new RuleProblem('problems_rule_bysetposDailyWeekly');
    integerList('BYSETPOS', parts.get('BYSETPOS')!, 1, 366, true);
    const beyond = freq === 'MONTHLY' && parts.get('BYSETPOS')!.split(',').find((n) => Math.abs(Number(n)) > 31);
    if (beyond) throw new RuleProblem('problems_rule_bysetposMonth', { value: beyond });
    if (!DAY_CHOOSERS.filter((p) => p !== 'BYSETPOS').concat('BYMONTH').some((p) => parts.has(p))) throw new RuleProblem('problems_rule_bysetposAlone');
  }
  if (parts.has('BYDAY')) {
    for (const day of parts.get('BYDAY')!.split(',')) {
      const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(day);
      if (!match || !WEEKDAY.test(match[2]!)) throw new RuleProblem('problems_rule_byday', { day });
      if (match[1] !== undefined) {
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') throw new RuleProblem('problems_rule_numberedWeekday');
        const n = Math.abs(Number(match[1]));
        if (n < 1 || n > (freq === 'MONTHLY' ? 5 : 53)) throw new RuleProblem('problems_rule_noSuchWeek', { day });
      }
    }
  }
  if (parts.has('WKST') && !WEEKDAY.test(parts.get('WKST')!)) throw new RuleProblem('problems_rule_wkst');
  const inheritsDay = (freq === 'MONTHLY' || freq === 'YEARLY') && !DAY_CHOOSERS.some((p) => parts.has(p));
  return { text: [...parts].map(([name, value]) => `${name}=${value}`).join(';'), freq: freq as Frequency, count, until, inheritsDay };
}

/** The message when `text` is no usable rule, else null. */
export function ruleProblem(text: string): string | null {
  try {
    parseRule(text);
    return null;
  } catch (error) {
    if (error instanceof RuleProblem) return error.message;
    throw error;
  }
}

/** No rule is ever expanded further than this from its start (follow-ups look 50 years ahead, tasks and calls 10 past today). */
export const MAX_SPAN_YEARS = 100;
/** No expansion hands out more occurrences than this, whatever its caller asks. */
export const MAX_OCCURRENCES = 1000;

const WEEKDAY_INDEX: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

function partsOf(rule: Rule): Map<string, string> {
  return new Map(rule.text.split(';').map((p) => p.split('=') as [string, string]));
}

/**
 * For FREQ=DAILY and FREQ=WEEKLY every BY… part is a plain filter on the
 * day (RFC 5545's "limit"; BYSETPOS, BYWEEKNO and numbered weekdays are
 * refused), so these rules are "the days of every INTERVAL-th day or week,
 * filtered", stepped through here. A weekly rule that names no days falls
 * on the start's weekday.
 */
function dayFilter(rule: Rule, start: Date): (date: Date) => boolean {
  const parts = partsOf(rule);
  const numbers = (name: string) => parts.get(name)?.split(',').map(Number) ?? null;
  const months = numbers('BYMONTH');
  const monthDays = numbers('BYMONTHDAY');
  const yearDays = numbers('BYYEARDAY');
  const startsWeekday = rule.freq === 'WEEKLY' && !monthDays && !yearDays ? [start.getUTCDay()] : null;
  const weekdays = parts.get('BYDAY')?.split(',').map((d) => WEEKDAY_INDEX[d]) ?? startsWeekday;
  return (date) => {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (months && !months.includes(month)) return false;
    if (weekdays && !weekdays.includes(date.getUTCDay())) return false;
    if (monthDays && !monthDays.some((d) => d === day || d === day - daysInMonth(year, month) - 1)) return false;
    if (yearDays) {
      const length = daysInMonth(year, 2) === 29 ? 366 : 365;
      const ordinal = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
      if (!yearDays.some((d) => d === ordinal || d === ordinal - length - 1)) return false;
    }
    return true;
  };
}

/** What one expansion produced and how much work it did (the bound is asserted by tests). */
export interface Expansion {
  dates: string[];
  /**
   * periods visited: days of a daily rule, weeks of a weekly one (seven days
   * checked each), months or years of the others (each one run of rrule over
   * that period alone); at most one per INTERVAL from the start's period to
   * the last date looked at
   */
  periods: number;
}

/** An INTERVAL that takes rrule from any period past its last year, so that it stops after the first. */
const PAST_MAX_YEAR = { MONTHLY: 12 * (MAX_YEAR + 1), YEARLY: MAX_YEAR + 1 };

/**
 * Occurrences of `rule` started on `start`, in order, from `from` (default:
 * `start` itself, when it matches) up to `horizon` inclusive, at most `max`
 * of them. COUNT and UNTIL apply as in RFC 5545 (COUNT counts from the
 * start); month-end clamping as described above.
 *
 * Bounded work whatever the rule: the rule's periods are visited here, one
 * per INTERVAL from the start's period, until the horizon (never beyond
 * MAX_SPAN_YEARS from the start) or the `max`-th date (never beyond
 * MAX_OCCURRENCES): at most some 36,600 days, 5,220 weeks, 1,200 months or
 * 100 years, also for a rule that never falls on a date.
 */
export function expand(rule: Rule, start: string, horizon: string, max = MAX_OCCURRENCES, from = start): Expansion {
  const limit = Math.min(max, MAX_OCCURRENCES);
  const anchor = toDate(start);
  const day = anchor.getUTCDate();
  const clamp = rule.inheritsDay && day > 1;
  const last = [horizon, rule.until ?? horizon, addYears(start, MAX_SPAN_YEARS)].reduce((a, b) => (a < b ? a : b));
  const result: Expansion = { dates: [], periods: 0 };
  if (last < start || limit < 1) return result;
  let counted = 0;
  let previous = '';
  /** takes one occurrence; false stops the expansion */
  const take = (date: string): boolean => {
    if (date > last) return false;
    // rrule hands out a day twice when two BYSETPOS positions pick it (1 and -1 of a single day); it is one occurrence
    if (date < start || date === previous) return true;
    previous = date;
    counted += 1;
    if (date >= from) result.dates.push(date);
    if (rule.count !== null && counted >= rule.count) return false;
    return result.dates.length < limit;
  };
  const options = RRule.parseString(rule.text);
  const interval = options.interval ?? 1;
  const end = toDate(last).getTime();
  if (rule.freq === 'DAILY' || rule.freq === 'WEEKLY') {
    const passes = dayFilter(rule, anchor);
    const length = rule.freq === 'WEEKLY' ? 7 : 1;
    // a week begins on WKST (Monday unless the rule says otherwise); days before the start are skipped by `take`
    const period = toDate(start);
    if (length === 7) period.setUTCDate(period.getUTCDate() - ((period.getUTCDay() - WEEKDAY_INDEX[partsOf(rule).get('WKST') ?? 'MO']! + 7) % 7));
    for (; period.getTime() <= end; period.setUTCDate(period.getUTCDate() + length * interval)) {
      result.periods += 1;
      for (let offset = 0; offset < length; offset++) {
        const visited = new Date(period.getTime() + offset * 86_400_000);
        if (passes(visited) && !take(fromDate(visited))) return result;
      }
    }
    return result;
  }
  // rrule takes a day it is not told from DTSTART; each period's run starts on the period's first day, so say it here
  const parts = partsOf(rule);
  const namesDays = ['BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'].some((p) => parts.has(p));
  const startsDay = namesDays ? {} : { bymonthday: [clamp ? 1 : day], bymonth: options.bymonth ?? (rule.freq === 'YEARLY' ? [anchor.getUTCMonth() + 1] : null) };
  const monthly = rule.freq === 'MONTHLY';
  const period = new Date(Date.UTC(anchor.getUTCFullYear(), monthly ? anchor.getUTCMonth() : 0, 1));
  period.setUTCFullYear(anchor.getUTCFullYear());
  // COUNT and UNTIL are applied by `take`, to the clamped dates
  const alone = { ...options, ...startsDay, count: null, until: null, interval: PAST_MAX_YEAR[rule.freq] };
  for (; period.getTime() <= end; monthly ? period.setUTCMonth(period.getUTCMonth() + interval) : period.setUTCFullYear(period.getUTCFullYear() + interval)) {
    result.periods += 1;
    // one period holds at most a year's days; rrule hands them in BYSETPOS's order (BYSETPOS=2,1 picks the second day first), so they are sorted
    const dates = new RRule({ ...alone, dtstart: new Date(period.getTime()) }).all().map((occurrence) => {
      if (!clamp) return fromDate(occurrence);
      const year = occurrence.getUTCFullYear();
      const month = occurrence.getUTCMonth() + 1;
      return fromDate(new Date(Date.UTC(year, month - 1, Math.min(day, daysInMonth(year, month)))));
    });
    if (!dates.sort().every(take)) break;
  }
  return result;
}

/** The dates of `expand`: occurrences of `rule` from `from` (default `start`) up to `horizon`, at most `max`. */
export function occurrences(rule: Rule, start: string, horizon: string, max = MAX_OCCURRENCES, from = start): string[] {
  return expand(rule, start, horizon, max, from).dates;
}

/** The first occurrence strictly after `after` of the series started on `start`, or null when the series has ended. */
export function nextOccurrence(rule: Rule, start: string, after: string): string | null {
  const horizon = addYears(after < start ? start : after, HORIZON_YEARS);
  const from = after < start ? start : addDays(after, 1);
  return occurrences(rule, start, horizon, 1, from)[0] ?? null;
}

/** Throws RuleProblem when the rule never falls on a date within ten years of `start`. */
export function assertRuleFalls(rule: Rule, start: string): void {
  const never = new RuleProblem('problems_rule_neverWithinTenYears');
  if (!daysCanMatch(rule)) throw never;
  if (!occurrences(rule, start, addYears(start, HORIZON_YEARS), 1).length) throw never;
}

/**
 * Whether any day of a common or a leap year passes BYMONTH, BYMONTHDAY and
 * BYYEARDAY together: catches rules such as 30 February without running them.
 */
export function daysCanMatch(rule: Rule): boolean {
  const parts = new Map(rule.text.split(';').map((p) => p.split('=') as [string, string]));
  const numbers = (name: string) => parts.get(name)?.split(',').map(Number) ?? null;
  const months = numbers('BYMONTH');
  const monthDays = numbers('BYMONTHDAY');
  const yearDays = numbers('BYYEARDAY');
  if (!months && !monthDays && !yearDays) return true;
  for (const year of [2027, 2028]) {
    const length = year === 2028 ? 366 : 365;
    for (let ordinal = 1; ordinal <= length; ordinal++) {
      const date = new Date(Date.UTC(year, 0, ordinal));
      const month = date.getUTCMonth() + 1;
      const dayOfMonth = date.getUTCDate();
      const monthLength = daysInMonth(year, month);
      if (months && !months.includes(month)) continue;
      if (monthDays && !monthDays.some((d) => d === dayOfMonth || d === dayOfMonth - monthLength - 1)) continue;
      if (yearDays && !yearDays.some((d) => d === ordinal || d === ordinal - length - 1)) continue;
      return true;
    }
  }
  return false;
}

/** The same rule without COUNT (for callers that count occurrences their own way). */
export function withoutCount(rule: Rule): Rule {
  return { ...rule, count: null, text: rule.text.split(';').filter((p) => !p.startsWith('COUNT=')).join(';') };
}

/** How stored series keep their start: `DTSTART;VALUE=DATE:YYYYMMDD` then the rule, as RFC 5545 writes a recurrence. */
export function seriesText(rule: Rule, start: string): string {
  return `DTSTART;VALUE=DATE:${start.replaceAll('-', '')}\nRRULE:${rule.text}`;
}

/** Reads what seriesText wrote. */
export function readSeries(stored: string): { rule: Rule; start: string | null } {
  const match = /^DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})\nRRULE:(.*)$/s.exec(stored);
  if (!match) return { rule: parseRule(stored), start: null };
  return { rule: parseRule(match[4]!), start: `${match[1]}-${match[2]}-${match[3]}` };
}
