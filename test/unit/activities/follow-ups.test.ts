import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth } from '../../../api/crm/rules/agreement-dates.js';
import { chooseRule, dateInZone, DEFAULT_FOLLOW_UP_RULE, followUpDates, followUpPartnership, followUpRuleProblem } from '../../../api/activities/services/follow-ups.js';
import { assertRuleFalls, nextOccurrence, occurrences, parseRule, readSeries, ruleProblem, RuleProblem, seriesText } from '../../../api/platform/rules/recurrence.js';
import type { Caller } from '../../../api/platform/http/caller.js';
import { render } from '../../../api/platform/http/problem-words.js';

describe('follow-up dates from the default rule (reconvene 3 and 6 months after the end)', () => {
  it('proposes the same day three and six months later', () => {
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, '2026-03-12')).toEqual(['2026-06-12', '2026-09-12']);
  });

  it('lands on the last day of the month when the day does not exist: 31 August + 3 months is 30 November', () => {
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, '2026-08-31')).toEqual(['2026-11-30', '2027-02-28']);
  });

  it('finds 29 February in a leap year: 31 August 2027 + 6 months is 29 February 2028', () => {
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, '2027-08-31')).toEqual(['2027-11-30', '2028-02-29']);
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, '2027-11-29')).toEqual(['2028-02-29', '2028-05-29']);
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, '2026-11-29')).toEqual(['2027-02-28', '2027-05-29']);
  });

  it('never drifts: every follow-up is counted from the end, not from the clamped one before it', () => {
    expect(followUpDates('FREQ=MONTHLY;INTERVAL=3;COUNT=4', '2026-08-31')).toEqual(['2026-11-30', '2027-02-28', '2027-05-31', '2027-08-31']);
    expect(followUpDates('FREQ=MONTHLY;COUNT=3', '2026-01-31')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('agrees with plain month arithmetic (clamped to the month end) for any end date', () => {
    const day = fc.record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }).map(({ year, month, day }) => {
      const d = Math.min(day, daysInMonth(year, month));
      return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (end, interval, count) => {
        const expected = Array.from({ length: count }, (_, i) => addMonths(end, interval * (i + 1)));
        expect(followUpDates(`FREQ=MONTHLY;INTERVAL=${interval};COUNT=${count}`, end)).toEqual(expected);
      })
    );
  });
});

describe('custom follow-up rules', () => {
  it('counts follow-ups after the end (the end itself is never one)', () => {
    expect(followUpDates('FREQ=WEEKLY;INTERVAL=2;COUNT=3', '2026-05-06')).toEqual(['2026-05-20', '2026-06-03', '2026-06-17']);
    expect(followUpDates('FREQ=YEARLY;COUNT=2', '2028-02-29')).toEqual(['2029-02-28', '2030-02-28']);
  });

  it('stops at UNTIL, a month-end date included only when it is not past UNTIL', () => {
    expect(followUpDates('FREQ=MONTHLY;INTERVAL=2;UNTIL=20270115', '2026-08-31')).toEqual(['2026-10-31', '2026-12-31']);
    expect(followUpDates('FREQ=MONTHLY;INTERVAL=3;UNTIL=20261130', '2026-08-31')).toEqual(['2026-11-30']);
  });

  it('keeps rules that choose their own days as RFC 5545 says (BYMONTHDAY=-1: the last day)', () => {
    expect(followUpDates('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=2', '2026-09-30')).toEqual(['2026-12-31', '2027-03-31']);
    // the last Friday of the month, every month
    expect(followUpDates('FREQ=MONTHLY;BYDAY=-1FR;COUNT=2', '2026-03-05')).toEqual(['2026-03-27', '2026-04-24']);
  });

  it('refuses rules that cannot be used for follow-ups, with a message to act on', () => {
    expect(() => followUpDates('FREQ=MONTHLY', '2026-08-31')).toThrow(/COUNT .* or UNTIL/);
    expect(render(followUpRuleProblem('FREQ=MONTHLY', '2026-08-31')!)).toMatch(/needs an end/);
    expect(followUpRuleProblem('FREQ=MONTHLY;COUNT=2', '2026-08-31')).toBeNull();
    expect(() => followUpDates('FREQ=MONTHLY;COUNT=13', '2026-08-31')).toThrow(/At most 12/);
    expect(() => followUpDates('FREQ=DAILY;UNTIL=20270101', '2026-08-31')).toThrow(/more than 12/);
    expect(() => followUpDates('FREQ=MONTHLY;INTERVAL=3;UNTIL=20261129', '2026-08-31')).toThrow(/no date after/);
    expect(() => followUpDates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2', '2026-08-31')).toThrow(/never falls/);
    expect(() => followUpDates('FREQ=YEARLY;INTERVAL=4;BYYEARDAY=366;COUNT=2', '2025-03-01')).toThrow(RuleProblem);
  });

  it('chooses the activity’s rule, else the partnership’s, else the default', () => {
    expect(chooseRule('FREQ=MONTHLY;COUNT=1', 'FREQ=WEEKLY;COUNT=1')).toEqual({ rule: 'FREQ=MONTHLY;COUNT=1', source: 'activity' });
    expect(chooseRule(null, 'FREQ=WEEKLY;COUNT=1')).toEqual({ rule: 'FREQ=WEEKLY;COUNT=1', source: 'partnership' });
    expect(chooseRule(null, null)).toEqual({ rule: DEFAULT_FOLLOW_UP_RULE, source: 'default' });
  });

  it('sends follow-ups to the first partnership the caller may write in, else the first visible one', () => {
    const caller = (roles: Caller['roles']): Caller => ({ userId: 'u', name: 'U', email: 'u@x', organisationId: null, isAdmin: false, roles, via: 'token' });
    expect(followUpPartnership(caller({ p1: 'viewer', p2: 'officer' }), ['p1', 'p2'])).toBe('p2');
    expect(followUpPartnership(caller({ p1: 'viewer', p2: 'viewer' }), ['p0', 'p1', 'p2'])).toBe('p1');
    expect(followUpPartnership(caller({}), ['p1'])).toBeNull();
  });
});

describe('the end date of an activity in its own time zone (dates, not instants)', () => {
  it('takes the local date, which can differ from the UTC date', () => {
    // 00:30 on 1 September in Brussels (CEST, UTC+2) is still 31 August in UTC
    expect(dateInZone('2026-08-31T22:30:00.000Z', 'Europe/Brussels')).toBe('2026-09-01');
    expect(dateInZone('2026-08-31T22:30:00.000Z', 'UTC')).toBe('2026-08-31');
    expect(dateInZone('2026-08-31T22:30:00.000Z', 'America/New_York')).toBe('2026-08-31');
  });

  it('is right on both sides of a DST change', () => {
    // clocks go back in Brussels on 25 October 2026: 23:30 CET is 22:30 UTC, 00:30 CET the next day is 23:30 UTC
    expect(dateInZone('2026-10-25T22:30:00.000Z', 'Europe/Brussels')).toBe('2026-10-25');
    expect(dateInZone('2026-10-25T23:30:00.000Z', 'Europe/Brussels')).toBe('2026-10-26');
    // clocks go forward on 29 March 2026: 00:30 CET is 23:30 UTC on the 28th
    expect(dateInZone('2026-03-28T23:30:00.000Z', 'Europe/Brussels')).toBe('2026-03-29');
  });

  it('gives the same follow-up dates whatever DST does in between', () => {
    // a trip ending late on 28 March, just before the spring change: dates move by whole months, not by 24-hour days
    const end = dateInZone('2026-03-28T21:00:00.000Z', 'Europe/Brussels');
    expect(end).toBe('2026-03-28');
    expect(followUpDates(DEFAULT_FOLLOW_UP_RULE, end)).toEqual(['2026-06-28', '2026-09-28']);
    const autumn = dateInZone('2026-10-25T23:30:00.000Z', 'Europe/Brussels');
    expect(followUpDates('FREQ=DAILY;COUNT=2', autumn)).toEqual(['2026-10-27', '2026-10-28']);
  });
});

describe('RRULE checking', () => {
  it('accepts well-formed rules and writes them in stored form', () => {
    expect(parseRule(' rrule:freq=monthly;interval=3;count=2 ').text).toBe('FREQ=MONTHLY;INTERVAL=3;COUNT=2');
    expect(parseRule('FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO').inheritsDay).toBe(false);
    expect(parseRule('FREQ=MONTHLY;INTERVAL=3').inheritsDay).toBe(true);
    expect(parseRule('FREQ=MONTHLY;BYMONTHDAY=-1').inheritsDay).toBe(false);
    expect(parseRule('FREQ=YEARLY;UNTIL=20301231T000000Z').until).toBe('2030-12-31');
  });

  it.each([
    ['', /FREQ=MONTHLY/],
    ['hello', /not a rule part/],
    ['FREQ=BANANA', /FREQ is one of/],
    ['FREQ=HOURLY', /FREQ is one of/],
    ['INTERVAL=3', /Say how often/],
    ['FREQ=MONTHLY;INTERVAL=0', /INTERVAL must be/],
    ['FREQ=MONTHLY;INTERVAL=x', /INTERVAL must be/],
    ['FREQ=MONTHLY;COUNT=-1', /COUNT must be/],
    ['FREQ=MONTHLY;COUNT=2;UNTIL=20270101', /not both/],
    ['FREQ=MONTHLY;UNTIL=2027', /UNTIL is a date/],
    ['FREQ=MONTHLY;UNTIL=20270230', /UNTIL is a date/],
    ['FREQ=MONTHLY;BYMONTHDAY=40', /BYMONTHDAY values/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY values/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH values/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY takes weekdays/],
    ['FREQ=WEEKLY;BYDAY=1MO', /Numbered weekdays/],
    ['FREQ=MONTHLY;BYWEEKNO=3', /BYWEEKNO only/],
    ['FREQ=MONTHLY;BYSETPOS=1', /BYSETPOS picks/],
    ['FREQ=DAILY;BYHOUR=9', /leave out BYHOUR/],
    ['FREQ=DAILY;FOO=1', /FOO is not a part/],
    ['FREQ=DAILY;FREQ=WEEKLY', /appears twice/],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', /Leave DTSTART out/],
    ['FREQ=DAILY;WKST=XY', /WKST is a weekday/]
  ])('refuses %j', (rule, message) => {
    expect(ruleProblem(rule)).toMatch(message);
  });
});

describe('recurring series (tasks)', () => {
  it('counts COUNT from the first occurrence, as RFC 5545 does', () => {
    const rule = parseRule('FREQ=MONTHLY;COUNT=3');
    expect(occurrences(rule, '2026-01-31', '2030-01-01')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(nextOccurrence(rule, '2026-01-31', '2026-02-28')).toBe('2026-03-31');
    expect(nextOccurrence(rule, '2026-01-31', '2026-03-31')).toBeNull();
  });

  it('keeps a month-end series on month ends from its stored start', () => {
    const stored = seriesText(parseRule('FREQ=MONTHLY'), '2027-08-31');
    expect(stored).toBe('DTSTART;VALUE=DATE:20270831\nRRULE:FREQ=MONTHLY');
    const { rule, start } = readSeries(stored);
    expect(start).toBe('2027-08-31');
    expect(nextOccurrence(rule, start!, '2028-01-31')).toBe('2028-02-29');
    expect(nextOccurrence(rule, start!, '2028-02-29')).toBe('2028-03-31');
  });

  it('applies UNTIL to the dates a person sees', () => {
    const rule = parseRule('FREQ=MONTHLY;UNTIL=20261115');
    expect(nextOccurrence(rule, '2026-08-31', '2026-10-31')).toBeNull();
    expect(nextOccurrence(rule, '2026-08-31', '2026-09-30')).toBe('2026-10-31');
  });

  it('refuses a series that never falls on a date, and one that only would in more than ten years', () => {
    expect(() => assertRuleFalls(parseRule('FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31'), '2026-01-01')).toThrow(/never falls/);
    expect(() => assertRuleFalls(parseRule('FREQ=YEARLY;BYYEARDAY=366;INTERVAL=4'), '2025-01-01')).toThrow(/never falls/);
    expect(() => assertRuleFalls(parseRule('FREQ=YEARLY;BYYEARDAY=-366'), '2025-01-01')).not.toThrow();
    expect(() => assertRuleFalls(parseRule('FREQ=MONTHLY;BYMONTHDAY=-1'), '2026-01-01')).not.toThrow();
  });

  it('answers null for a rule that never falls on a date again (looking a bounded way ahead)', () => {
    expect(nextOccurrence(parseRule('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), '2026-01-01', '2026-01-01')).toBeNull();
    expect(nextOccurrence(parseRule('FREQ=YEARLY'), '2026-03-01', '2030-03-01')).toBe('2031-03-01');
  });
});
