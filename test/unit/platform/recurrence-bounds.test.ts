/**
 * No recurrence rule a client can write keeps the server busy: whatever the
 * rule, an expansion hands out a bounded number of dates and does a bounded
 * amount of work (periods visited: days, weeks, months or years, one per
 * INTERVAL up to the horizon, also when the rule never falls on a date), or
 * the rule is refused with a message. Work is counted, never timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpDates, MAX_FOLLOW_UPS } from '../../../api/activities/services/follow-ups.js';
import { addYears, assertRuleFalls, expand, MAX_OCCURRENCES, MAX_SPAN_YEARS, nextOccurrence, parseRule, RuleProblem, type Rule } from '../../../api/platform/rules/recurrence.js';

const FAR = '9999-12-31';
const DAY = 86_400_000;

/**
 * The most periods an expansion from `start` to `last` may visit: one per
 * INTERVAL from the start's period (for a week, the one holding the start)
 * to the period holding `last`.
 */
function periodsUpTo(rule: Rule, start: string, last: string): number {
  const [y0, m0] = start.split('-').map(Number) as [number, number];
  const [y1, m1] = last.split('-').map(Number) as [number, number];
  const spans = { DAILY: (Date.parse(last) - Date.parse(start)) / DAY, WEEKLY: Math.ceil((Date.parse(last) - Date.parse(start)) / DAY / 7), MONTHLY: (y1 - y0) * 12 + m1 - m0, YEARLY: y1 - y0 };
  return Math.floor(spans[rule.freq] / intervalOf(rule)) + 1;
}

/** The rule when parseRule accepts it, null when it refuses it with a message (anything else fails the test). */
function accepted(text: string): Rule | null {
  try {
    return parseRule(text);
  } catch (error) {
    if (error instanceof RuleProblem) {
      expect(error.message.length).toBeGreaterThan(10);
      return null;
    }
    throw error;
  }
}

function intervalOf(rule: Rule): number {
  return Number(/INTERVAL=(\d+)/.exec(rule.text)?.[1] ?? 1);
}

/** Asserts the bounds of one expansion of `rule` from `start` towards `horizon`, at most `max` dates. */
function expectBounded(rule: Rule, start: string, horizon: string, max: number) {
  const expansion = expand(rule, start, horizon, max);
  expect(expansion.dates.length).toBeLessThanOrEqual(Math.min(max, MAX_OCCURRENCES));
  if (rule.count !== null) expect(expansion.dates.length).toBeLessThanOrEqual(rule.count);
  expect([...new Set(expansion.dates)].sort()).toEqual(expansion.dates);
  const farthest = addYears(start, MAX_SPAN_YEARS);
  for (const date of expansion.dates) {
    expect(date >= start).toBe(true);
    expect(date <= farthest).toBe(true);
  }
  // one period per INTERVAL up to the horizon, never more than a century's worth
  expect(expansion.periods).toBeLessThanOrEqual(periodsUpTo(rule, start, horizon < farthest ? horizon : farthest));
  return expansion;
}

const year = fc.integer({ min: 1990, max: 9999 });
const ymd = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
const startDate = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => {
  const day = Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
});
const list = (min: number, max: number, signed = false) =>
  fc.uniqueArray(fc.integer({ min, max }).map((n) => (signed && n < 0 ? n : Math.abs(n) || 1)), { minLength: 1, maxLength: 6 }).map((ns) => ns.join(','));
const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
const byday = fc.uniqueArray(fc.tuple(fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }), weekday), { minLength: 1, maxLength: 7 }).map((days) =>
  days.map(([n, d]) => `${n === undefined || n === 0 ? '' : n}${d}`).join(',')
);

/** Rules as anyone might send them: every frequency, ends far away or never, huge counts, sub-daily parts. */
const wildRule = fc
  .record(
    {
      FREQ: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'MINUTELY', 'SECONDLY'),
      INTERVAL: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 10_000_000 })).map(String),
      COUNT: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2_000_000_000 })).map(String),
      UNTIL: fc.oneof(fc.constant('99991231T000000Z'), ymd, ymd.map((d) => `${d}T235959Z`)),
      BYMONTH: list(1, 12),
      BYMONTHDAY: list(-31, 31, true),
      BYYEARDAY: list(-366, 366, true),
      BYWEEKNO: list(-53, 53, true),
      BYDAY: byday,
      BYSETPOS: list(-366, 366, true),
      BYHOUR: list(0, 23),
      BYMINUTE: list(0, 59),
      BYSECOND: list(0, 59),
      WKST: weekday
    },
    { requiredKeys: ['FREQ'] }
  )
  .map((parts) => Object.entries(parts).map(([name, value]) => `${name}=${value}`).join(';'));

/** Rules the parser accepts, at their extremes: INTERVAL=1 over centuries, UNTIL in 9999, COUNT at its maximum, rare and impossible day choices. */
const usableRule = fc
  .tuple(
    fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    fc.record(
      {
        INTERVAL: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 })).map(String),
        BYMONTH: list(1, 12),
        BYMONTHDAY: list(-31, 31, true),
        BYYEARDAY: list(-366, 366, true),
        BYDAY: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }).map((d) => d.join(',')),
        WKST: weekday
      },
      { requiredKeys: [] }
    ),
    fc.oneof(fc.constant(''), fc.constant('UNTIL=99991231T000000Z'), ymd.map((d) => `UNTIL=${d}`), fc.constant('COUNT=1000'), fc.integer({ min: 1, max: 1000 }).map((n) => `COUNT=${n}`)),
    fc.option(list(-366, 366, true), { nil: undefined }),
    fc.option(list(-53, 53, true), { nil: undefined })
  )
  .map(([freq, parts, end, setpos, weekno]) => {
    const text = [`FREQ=${freq}`, ...Object.entries(parts).map(([name, value]) => `${name}=${value}`)];
    if (end) text.push(end);
    if (setpos && (freq === 'MONTHLY' || freq === 'YEARLY')) text.push(`BYSETPOS=${setpos}`, ...(parts.BYDAY || parts.BYMONTHDAY ? [] : ['BYDAY=MO,FR']));
    if (weekno && freq === 'YEARLY') text.push(`BYWEEKNO=${weekno}`);
    return text.join(';');
  });

/**
 * Monthly and yearly rules that never, or hardly ever, fall on a date: month
 * ends in months without them, positions past the days chosen, numbered
 * weekdays that a month seldom has, year days and week numbers that miss the
 * months named. rrule ran these on to the year 9999.
 */
const sparseRule = fc
  .tuple(
    fc.constantFrom('MONTHLY', 'YEARLY'),
    fc.record(
      {
        INTERVAL: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 24 })).map(String),
        BYMONTH: fc.oneof(fc.constantFrom('2', '4,6,9,11', '2,4', '1'), list(1, 12)),
        BYMONTHDAY: fc.oneof(list(29, 31), fc.constantFrom('-30', '-31', '30,31')),
        BYDAY: fc.uniqueArray(fc.tuple(fc.constantFrom(5, -5, 4, 53, -53), weekday), { minLength: 1, maxLength: 3, selector: ([, d]) => d }).map((ds) => ds.map(([n, d]) => `${n}${d}`).join(',')),
        BYYEARDAY: fc.oneof(fc.constantFrom('366', '-366', '60', '365'), list(-366, 366, true)),
        BYWEEKNO: fc.oneof(fc.constantFrom('53', '-53', '1', '52'), list(-53, 53, true)),
        BYSETPOS: fc.oneof(list(-366, 366, true), fc.constantFrom('2', '-2', '5', '31', '32', '366'))
      },
      { requiredKeys: ['BYMONTHDAY'] }
    ),
    fc.constantFrom('', 'UNTIL=99991231T000000Z', 'COUNT=1000')
  )
  .map(([freq, parts, end]) => [`FREQ=${freq}`, ...Object.entries(parts).map(([name, value]) => `${name}=${value}`), ...(end ? [end] : [])].join(';'));

const ruleText = fc.oneof(wildRule, usableRule, sparseRule);

describe('recurrence expansion is bounded whatever the rule', () => {
  it('hands out at most the dates asked for, visits a bounded number of days or occurrences, or refuses the rule with a message', () => {
    let expanded = 0;
    fc.assert(
      fc.property(ruleText, startDate, fc.integer({ min: 1, max: 5000 }), (text, start, max) => {
        const rule = accepted(text);
        if (rule === null) return;
        expanded += 1;
        expectBounded(rule, start, FAR, max);
      }),
      { numRuns: 400 }
    );
    // the generator reaches the engine, not only the parser's refusals
    expect(expanded).toBeGreaterThan(20);
  });

  it('visits one period per INTERVAL up to the horizon, and no more, for monthly and yearly rules that never or seldom fall on a date', () => {
    let usable = 0;
    let empty = 0;
    fc.assert(
      fc.property(sparseRule, startDate, fc.integer({ min: 1, max: MAX_SPAN_YEARS }), (text, start, years) => {
        const rule = accepted(text);
        if (rule === null) return;
        usable += 1;
        const horizon = addYears(start, years);
        const expansion = expectBounded(rule, start, horizon, MAX_OCCURRENCES);
        if (expansion.dates.length === 0) {
          // nothing stopped it but the horizon: exactly every period up to it, then it stopped
          empty += 1;
          expect(expansion.periods).toBe(periodsUpTo(rule, start, horizon));
        }
      }),
      { numRuns: 300 }
    );
    expect(usable).toBeGreaterThan(30);
    expect(empty).toBeGreaterThan(10);
  });

  it('hands out a period’s dates in order whatever the order of BYSETPOS (found by the property above)', () => {
    const rule = parseRule('FREQ=YEARLY;BYMONTH=1,3;BYMONTHDAY=29;BYSETPOS=2,3,1');
    expect(expand(rule, '1990-01-01', '1990-12-31').dates).toEqual(['1990-01-29', '1990-03-29']);
    expect(expand(parseRule('FREQ=MONTHLY;BYDAY=MO,FR;BYSETPOS=-1,1'), '2027-02-01', '2027-02-28').dates).toEqual(['2027-02-01', '2027-02-26']);
  });

  it('hands rrule one period at a time and gets back only that period’s dates', () => {
    const twice = expand(parseRule('FREQ=MONTHLY;BYMONTHDAY=1,15'), '2027-01-01', '2027-12-31');
    expect(twice.periods).toBe(12);
    expect(twice.dates).toHaveLength(24);
    const yearly = expand(parseRule('FREQ=YEARLY;BYDAY=-1FR'), '2027-01-01', '2036-12-31');
    expect(yearly.periods).toBe(10);
    expect(yearly.dates).toEqual(['2027-12-31', '2028-12-29', '2029-12-28', '2030-12-27', '2031-12-26', '2032-12-31', '2033-12-30', '2034-12-29', '2035-12-28', '2036-12-26']);
    // 29 February on a Monday: found 20 years on, then every period visited up to it and not one more
    const leapMonday = expand(parseRule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO'), '2026-11-23', FAR, 1);
    expect(leapMonday).toEqual({ dates: ['2044-02-29'], periods: 2044 - 2026 + 1 });
  });

  it('expands the rules that used to keep the server busy with one period per day, week, month or year up to the horizon', () => {
    const start = '2026-11-23';
    const daily = expectBounded(parseRule('RRULE:FREQ=DAILY;UNTIL=99991231T000000Z'), start, FAR, 13);
    expect(daily.dates).toHaveLength(13);
    expect(daily.periods).toBe(13);
    const huge = expectBounded(parseRule('FREQ=WEEKLY;COUNT=1000'), start, FAR, 5);
    expect(huge.periods).toBe(5);
    // never falls on a date (every 7 days from a Monday is never a Tuesday): a century of weeks, then it stops
    const never = expectBounded(parseRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU'), start, FAR, 1);
    expect(never.dates).toEqual([]);
    const century = (Date.parse(addYears(start, MAX_SPAN_YEARS)) - Date.parse(start)) / DAY;
    expect(never.periods).toBe(Math.floor(century / 7) + 1);
    // never falls on a date: rrule ran these on to the year 9999; now one period per month or year up to the horizon
    const fifty = addYears(start, 50);
    for (const [text, periods] of [
      ['FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=2', 50 * 12 + 1],
      ['FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11;UNTIL=99991231T000000Z', 50 * 12 + 1],
      ['FREQ=MONTHLY;BYDAY=5FR;BYMONTH=2;BYMONTHDAY=1', 50 * 12 + 1],
      ['FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31', 51],
      ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 51],
      ['FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6', 51],
      ['FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1', 51],
      ['FREQ=YEARLY;BYSETPOS=366;BYDAY=MO', 51],
      ['FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30', Math.floor((Date.parse(fifty) - Date.parse(start)) / DAY / 7) + 1]
    ] as const) {
      expect(expectBounded(parseRule(text), start, fifty, 1), text).toEqual({ dates: [], periods });
    }
  });

  it('refuses sub-daily frequencies and parts, and BYSETPOS where there is nothing to pick from, saying what to change', () => {
    for (const [text, message] of [
      ['FREQ=SECONDLY;UNTIL=99991231T000000Z', /FREQ is one of DAILY, WEEKLY, MONTHLY, YEARLY/],
      ['FREQ=MINUTELY;COUNT=5', /FREQ is one of/],
      ['FREQ=HOURLY', /FREQ is one of/],
      ['FREQ=DAILY;BYSECOND=0,1,2,3,4,5,6,7,8,9;BYMINUTE=0,1,2,3', /leave out BYHOUR, BYMINUTE and BYSECOND/],
      ['FREQ=DAILY;BYHOUR=9', /leave out BYHOUR, BYMINUTE and BYSECOND/],
      ['FREQ=DAILY;COUNT=2000000000', /COUNT must be a whole number from 1 to 1000/],
      ['FREQ=DAILY;INTERVAL=10000000', /INTERVAL must be a whole number from 1 to 1000/],
      ['FREQ=DAILY;BYMONTH=1;BYSETPOS=2', /leave it out of daily and weekly rules/],
      ['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', /leave it out of daily and weekly rules/],
      ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=40', /A month has at most 31 days to pick from, so BYSETPOS=40 never falls on a date/],
      ['FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2,-32', /BYSETPOS=-32 never falls on a date/]
    ] as const) {
      expect(() => parseRule(text), text).toThrow(message);
    }
  });

  it('keeps follow-up rules to at most twelve dates, refusing any rule that would propose more', () => {
    fc.assert(
      fc.property(ruleText, startDate, (text, end) => {
        try {
          const dates = followUpDates(text, end);
          expect(dates.length).toBeGreaterThan(0);
          expect(dates.length).toBeLessThanOrEqual(MAX_FOLLOW_UPS);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleProblem);
        }
      }),
      { numRuns: 300 }
    );
    expect(() => followUpDates('RRULE:FREQ=DAILY;UNTIL=99991231T000000Z', '2026-11-23')).toThrow(/more than 12 follow-ups/);
  });

  it('finds the next occurrence of an old daily series without listing every day since its start', () => {
    const rule = parseRule('FREQ=DAILY');
    expect(nextOccurrence(rule, '2020-01-01', '2026-11-23')).toBe('2026-11-24');
    expect(nextOccurrence(parseRule('FREQ=WEEKLY;BYDAY=MO'), '2020-01-01', '2026-11-23')).toBe('2026-11-30');
    expect(() => assertRuleFalls(parseRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU'), '2026-11-23')).toThrow(/never falls on a date within ten years/);
  });
});
