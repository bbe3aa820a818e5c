/**
 * The demo's calendar (fixtures/demo-calendar.ts) with plain values, and the
 * fixtures moved by it on every day of two years: what a newcomer must find
 * on any day holds on each of them, whatever the rounding to whole weeks.
 * (fixtures.test.ts seeds a database on a few of those days and reads it
 * through the API.)
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES } from '../../../fixtures/activities.js';
import { AUTHORED_ON, demoCalendar, demoToday, shiftYearsInWords } from '../../../fixtures/demo-calendar.js';
import { CALLS, MILESTONES } from '../../../fixtures/funding.js';
import { INTERACTIONS } from '../../../fixtures/interactions.js';
import { PEOPLE } from '../../../fixtures/people.js';
import { TASKS } from '../../../fixtures/tasks.js';

const weekday = (day: string) => DateTime.fromISO(day).weekday;
const daysFrom = (from: string, to: string) => DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;

describe('the demo calendar', () => {
  it('moves events by whole weeks, so each keeps its weekday, and the cycle by today’s year', () => {
    const december = demoCalendar('2026-12-07');
    expect(december).toMatchObject({ year: 2026, month: 12, years: 0, weeks: 23 });
    expect(december.day('2026-07-14')).toBe('2026-12-22');
    expect(weekday(december.day('2026-07-14'))).toBe(weekday('2026-07-14'));
    expect(december.cycleDay('2025-12-11')).toBe('2025-12-11');

    const leapDay = demoCalendar('2028-02-29');
    expect(leapDay).toMatchObject({ year: 2028, month: 2, years: 2, weeks: 87 });
    expect(leapDay.cycleYear(2025)).toBe(2027);
    expect(leapDay.cycleDay('2024-11-28')).toBe('2026-11-28');

    // a day before AUTHORED_ON moves back; three days either side round to the nearer week
    expect(demoCalendar('2026-06-10').weeks).toBe(-3);
    expect(demoCalendar('2026-07-04').weeks).toBe(0);
    expect(demoCalendar('2026-07-05').weeks).toBe(1);
  });

  it('moves a zoned wall time as a wall time: 10:00 in Mannheim stays 10:00 across the change to winter time', () => {
    const calendar = demoCalendar('2027-01-15');
    const moved = calendar.wallTime('2026-07-14T10:00', 'Europe/Berlin');
    expect(moved.local).toBe('2027-01-26T10:00');
    expect(moved.instant).toBe('2027-01-26T09:00:00Z');
    // summer 08:00 UTC is 10:00 in Brussels; moved into winter it is still 10:00 there
    expect(calendar.instant('2026-06-26T08:00:00Z')).toBe('2027-01-08T09:00:00Z');
    expect(calendar.cycleInstant('2025-11-20T09:00:00Z')).toBe('2026-11-20T09:00:00Z');
  });

  it('moves the years written in words, and nothing else', () => {
    expect(shiftYearsInWords('Rhein-Neckar – Vlaams-Brabant 2025–2028 (demo)', 1)).toBe('Rhein-Neckar – Vlaams-Brabant 2026–2029 (demo)');
    expect(shiftYearsInWords('Absichtserklärung endet am 31.12.2026', 2)).toBe('Absichtserklärung endet am 31.12.2028');
    expect(shiftYearsInWords('HORIZON-HLTH-2026-DEMO-01', 1)).toBe('HORIZON-HLTH-2027-DEMO-01');
    expect(shiftYearsInWords('+49 621 555 2201, 12026 items, Art. 2.5, mind. 20', 3)).toBe('+49 621 555 2201, 12026 items, Art. 2.5, mind. 20');
    const calendar = demoCalendar('2027-01-15');
    // an event moved from October into the next year names that year; one that stays in its year keeps it
    expect(calendar.eventWords('EWRC 2026 in Brüssel', '2026-10-13')).toBe('EWRC 2027 in Brüssel');
    expect(calendar.eventWords('Jahresplanung 2025', '2025-03-18')).toBe('Jahresplanung 2025');
    expect(calendar.cycleWords('Arbeitsplan 2026')).toBe('Arbeitsplan 2027');
  });

  it('writes nothing of "now" on today or later', () => {
    const calendar = demoCalendar('2027-11-01');
    expect(calendar.notAfterYesterday('2027-10-15')).toBe('2027-10-15');
    expect(calendar.notAfterYesterday('2027-11-01')).toBe('2027-10-31');
    expect(calendar.notAfterYesterday('2027-11-16')).toBe('2027-10-31');
  });

  it('refuses a day that does not exist, and reads today in Brussels', () => {
    expect(() => demoCalendar('2027-02-29')).toThrow(/The demo date must be a calendar date written YYYY-MM-DD, not "2027-02-29"/);
    expect(() => demoCalendar('15.06.2027')).toThrow(/YYYY-MM-DD/);
    // 23:30 UTC on New Year's Eve is already the new year in Brussels
    expect(demoToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

/** Every event's day, but the due days of open tasks: an open task due just before or after today is as open either way. */
const eventDays = [
  ...Object.values(ACTIVITIES).flatMap((a) => [a.starts.slice(0, 10), a.ends.slice(0, 10), ...a.followUps.filter(([, , done]) => done).map(([, due]) => due)]),
  ...Object.values(TASKS).filter((t) => t.done).map((t) => t.dueOn),
  ...Object.values(CALLS).flatMap((c) => [...c.deadlines.map(([at]) => at.slice(0, 10)), ...(c.opening ? [c.opening.slice(0, 10)] : [])]),
  ...Object.values(MILESTONES).map((m) => m.dueOn),
  ...INTERACTIONS.filter((i) => i.anchor !== 'cycle').map((i) => i.occurredAt.slice(0, 10)),
  ...Object.values(PEOPLE).flatMap((p) => ('consent' in p && p.consent ? [p.consent.date] : []))
];

describe('the fixtures as written', () => {
  it('keep every event at least four days from AUTHORED_ON, so rounding to whole weeks never moves one across today', () => {
    expect(eventDays.length).toBeGreaterThan(80);
    expect(eventDays.filter((day) => Math.abs(daysFrom(AUTHORED_ON, day)) < 4)).toEqual([]);
  });

  it('hold what happened before AUTHORED_ON and what is ahead after it', () => {
    for (const [key, a] of Object.entries(ACTIVITIES)) {
      if (a.status === 'done') expect(a.ends < AUTHORED_ON, key).toBe(true);
      if (a.status === 'planned') expect(a.starts > AUTHORED_ON, key).toBe(true);
      for (const [title, due, done] of a.followUps) if (done) expect(due < AUTHORED_ON, title).toBe(true);
    }
    for (const [key, t] of Object.entries(TASKS)) if (t.done) expect(t.dueOn < AUTHORED_ON, key).toBe(true);
    for (const [key, m] of Object.entries(MILESTONES)) if (m.done) expect(m.dueOn < AUTHORED_ON, key).toBe(true);
    for (const i of INTERACTIONS.filter((x) => x.anchor !== 'cycle')) expect(i.occurredAt < AUTHORED_ON, i.occurredAt).toBe(true);
  });
});

/** Every day from 1 January 2027 to 31 December 2028. */
const everyDay = Array.from({ length: 731 }, (_, i) => DateTime.fromISO('2027-01-01').plus({ days: i }).toISODate()!);

describe('the fixtures moved to each day of 2027 and 2028', () => {
  it('give each officer a task due within the week and two overdue', () => {
    const openTasks = [
      ...Object.values(TASKS).filter((t) => !t.done).map((t) => ({ owner: t.owner, due: t.dueOn })),
      ...Object.values(ACTIVITIES).flatMap((a) => a.followUps.filter(([, , done]) => !done).map(([, due, , owner = 'officerRn']) => ({ owner, due })))
    ];
    const missing = everyDay.filter((today) => {
      const calendar = demoCalendar(today);
      return (['officerRn', 'officerVb'] as const).some((owner) => {
        const days = openTasks.filter((t) => t.owner === owner).map((t) => daysFrom(today, calendar.day(t.due)));
        return !days.some((d) => d >= 0 && d <= 6) || days.filter((d) => d < 0).length < 2;
      });
    });
    expect(missing).toEqual([]);
  });

  it('have a call deadline within 31 days and at least two within 90, and an open milestone within 60', () => {
    const deadlines = Object.values(CALLS).flatMap((c) => c.deadlines.map(([at]) => at.slice(0, 10)));
    const open = Object.values(MILESTONES).filter((m) => !m.done).map((m) => m.dueOn);
    const missing = everyDay.filter((today) => {
      const calendar = demoCalendar(today);
      const ahead = (days: string[]) => days.map((d) => daysFrom(today, calendar.day(d))).filter((d) => d >= 1);
      return !ahead(deadlines).some((d) => d <= 31) || ahead(deadlines).filter((d) => d <= 90).length < 2 || !ahead(open).some((d) => d <= 60);
    });
    expect(missing).toEqual([]);
  });

  it('have an activity held in the last three weeks and one planned in the next three', () => {
    const activities = Object.values(ACTIVITIES).filter((a) => a.status !== 'cancelled');
    const missing = everyDay.filter((today) => {
      const calendar = demoCalendar(today);
      const held = activities.filter((a) => a.status === 'done').map((a) => daysFrom(calendar.day(a.ends.slice(0, 10)), today));
      const planned = activities.filter((a) => a.status === 'planned').map((a) => daysFrom(today, calendar.day(a.starts.slice(0, 10))));
      return !held.some((d) => d >= 1 && d <= 21) || !planned.some((d) => d >= 1 && d <= 21);
    });
    expect(missing).toEqual([]);
  });

  it('keep the calls’ identifiers unique (their years move with each call’s deadline)', () => {
    const clashes = everyDay.filter((today) => {
      const calendar = demoCalendar(today);
      const identifiers = Object.values(CALLS).map((c) => calendar.eventWords(c.identifier, c.deadlines[0]![0].slice(0, 10)));
      return new Set(identifiers).size !== identifiers.length;
    });
    expect(clashes).toEqual([]);
  });

  it('have an administrative visit held in last year (the agreement’s yearly visit)', () => {
    const visits = Object.values(ACTIVITIES).filter((a) => a.type === 'administrative_visit' && a.status === 'done');
    const missing = everyDay.filter((today) => {
      const calendar = demoCalendar(today);
      return !visits.some((v) => Number(calendar.day(v.starts.slice(0, 10)).slice(0, 4)) === calendar.year - 1);
    });
    expect(missing).toEqual([]);
  });
});
