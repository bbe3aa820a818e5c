/**
 * A recurrence rule (RFC 5545 RRULE, as the API stores it) as the parts a
 * person chooses in the recurrence editor, and back: every N days, weeks,
 * months or years; on which weekdays, which day of the month (or its last
 * day), or which weekday of the month (the first Monday, the last Friday);
 * in which month (yearly); how many times or until when.
 *
 * `partsOf` answers null for a rule it cannot show as such choices (BYSETPOS,
 * BYYEARDAY, BYWEEKNO, several month days, unknown parts): the editor then
 * keeps the rule as text, and the API checks it all the same.
 */
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545's weekday codes, Monday first */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** which one of a month's weekdays: the first … fourth, or the last (-1) */
export const NTHS = [1, 2, 3, 4, -1] as const;
export type Nth = (typeof NTHS)[number];

/** the day a monthly or yearly rule falls on */
export type MonthDay =
  /** the start's own day (the API moves a 31st to a shorter month's end) */
  | { kind: 'start' }
  | { kind: 'day'; day: number }
  | { kind: 'last' }
  | { kind: 'weekday'; nth: Nth; weekday: Weekday };

export type RuleEnd = { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; date: string };

export interface RuleParts {
  freq: Frequency;
  interval: number;
  /** WEEKLY: the weekdays (none: the start's weekday) */
  weekdays: Weekday[];
  /** MONTHLY and YEARLY */
  monthDay: MonthDay;
  /** YEARLY: the month, 1–12 (null: the start's month) */
  month: number | null;
  end: RuleEnd;
}

/** the largest number the editor offers for an interval or a count (the API bounds what a rule may expand to) */
export const MAX_INTERVAL = 99;
export const MAX_COUNT = 999;

export const DEFAULT_PARTS: RuleParts = { freq: 'MONTHLY', interval: 1, weekdays: [], monthDay: { kind: 'start' }, month: null, end: { kind: 'never' } };

const KNOWN = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);
const isFrequency = (value: string | undefined): value is Frequency => (FREQUENCIES as readonly (string | undefined)[]).includes(value);
const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);
const isNth = (value: number): value is Nth => (NTHS as readonly number[]).includes(value);
const whole = (text: string | undefined, min: number, max: number): number | null => {
  if (text === undefined || !/^-?\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

/** The rule's parts, or null when the editor cannot show it as choices. */
export function partsOf(rule: string): RuleParts | null {
  const fields = new Map<string, string>();
  for (const part of rule.trim().replace(/^RRULE:/i, '').split(';')) {
    if (!part) continue;
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) return null;
    const name = key.trim().toUpperCase();
    if (!KNOWN.has(name) || fields.has(name)) return null;
    fields.set(name, value.trim().toUpperCase());
  }
  const freq = fields.get('FREQ');
  if (!isFrequency(freq)) return null;
  const interval = fields.has('INTERVAL') ? whole(fields.get('INTERVAL'), 1, MAX_INTERVAL) : 1;
  if (interval === null) return null;
  if (fields.has('WKST') && fields.get('WKST') !== 'MO') return null;

  let end: RuleEnd = { kind: 'never' };
  if (fields.has('COUNT') && fields.has('UNTIL')) return null;
  if (fields.has('COUNT')) {
    const count = whole(fields.get('COUNT'), 1, MAX_COUNT);
    if (count === null) return null;
    end = { kind: 'count', count };
  }
  if (fields.has('UNTIL')) {
    const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(fields.get('UNTIL')!);
    if (!match) return null;
    end = { kind: 'until', date: `${match[1]}-${match[2]}-${match[3]}` };
  }

  const byDay = fields.get('BYDAY')?.split(',') ?? [];
  const byMonthDay = fields.get('BYMONTHDAY')?.split(',') ?? [];
  const byMonth = fields.get('BYMONTH')?.split(',') ?? [];
  const parts: RuleParts = { ...DEFAULT_PARTS, freq, interval, end, weekdays: [], monthDay: { kind: 'start' }, month: null };

  if (freq === 'DAILY') return byDay.length || byMonthDay.length || byMonth.length ? null : parts;
  if (freq === 'WEEKLY') {
    if (byMonthDay.length || byMonth.length || !byDay.every(isWeekday)) return null;
    parts.weekdays = WEEKDAYS.filter((d) => byDay.includes(d));
    return parts.weekdays.length === byDay.length ? parts : null;
  }
  // MONTHLY and YEARLY: one way of choosing the day at most
  if (byDay.length && byMonthDay.length) return null;
  if (byMonthDay.length > 1 || byDay.length > 1) return null;
  if (byMonthDay.length) {
    const day = whole(byMonthDay[0], -1, 31);
    if (day === null || day === 0) return null;
    parts.monthDay = day === -1 ? { kind: 'last' } : { kind: 'day', day };
  }
  if (byDay.length) {
    const match = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay[0]!);
    const nth = match ? Number(match[1]) : NaN;
    if (!match || !isNth(nth)) return null;
    parts.monthDay = { kind: 'weekday', nth, weekday: match[2] as Weekday };
  }
  if (freq === 'MONTHLY') return byMonth.length ? null : parts;
  if (byMonth.length > 1) return null;
  if (byMonth.length) {
    const month = whole(byMonth[0], 1, 12);
    if (month === null) return null;
    parts.month = month;
  }
  return parts;
}

/** The rule of the parts, as the API stores it (upper-case, no `RRULE:` prefix). */
export function ruleOf(parts: RuleParts): string {
  const fields = [`FREQ=${parts.freq}`];
  if (parts.interval > 1) fields.push(`INTERVAL=${parts.interval}`);
  if (parts.freq === 'WEEKLY' && parts.weekdays.length) fields.push(`BYDAY=${WEEKDAYS.filter((d) => parts.weekdays.includes(d)).join(',')}`);
  if (parts.freq === 'YEARLY' && parts.month !== null) fields.push(`BYMONTH=${parts.month}`);
  if (parts.freq === 'MONTHLY' || parts.freq === 'YEARLY') {
    const day = parts.monthDay;
    if (day.kind === 'day') fields.push(`BYMONTHDAY=${day.day}`);
    if (day.kind === 'last') fields.push('BYMONTHDAY=-1');
    if (day.kind === 'weekday') fields.push(`BYDAY=${day.nth}${day.weekday}`);
  }
  if (parts.end.kind === 'count') fields.push(`COUNT=${parts.end.count}`);
  if (parts.end.kind === 'until') fields.push(`UNTIL=${parts.end.date.replaceAll('-', '')}`);
  return fields.join(';');
}
