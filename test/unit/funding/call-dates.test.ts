import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  callStatus,
  countdown,
  deadlineCountProblem,
  deadlineInstant,
  deadlinesDiffer,
  milestoneDue,
  nextDeadline,
  nextExpectedRound,
  normaliseCutOff,
  wallTimeIn
} from '../../../api/funding/rules/call-dates.js';
import { NonexistentLocalTime } from '../../../api/platform/rules/local-times.js';

const BRUSSELS = 'Europe/Brussels';
const at = (instant: string) => new Date(instant);

describe('deadlines across DST changes', () => {
  it('reads 17:00 Brussels on the last Sunday of March (clocks went forward that night) as 15:00Z', () => {
    expect(deadlineInstant('2026-03-29T17:00', BRUSSELS, '17:00:00')).toEqual({ at: '2026-03-29T15:00:00.000Z', assumed: false });
    // the Saturday before is still winter time
    expect(deadlineInstant('2026-03-28T17:00:00', BRUSSELS, '17:00:00').at).toBe('2026-03-28T16:00:00.000Z');
  });

  it('reads 17:00 Brussels on the last Sunday of October (clocks went back that night) as 16:00Z', () => {
    expect(deadlineInstant('2026-10-25T17:00:00', BRUSSELS, '17:00:00').at).toBe('2026-10-25T16:00:00.000Z');
    expect(deadlineInstant('2026-10-24T17:00', BRUSSELS, '17:00:00').at).toBe('2026-10-24T15:00:00.000Z');
  });

  it('gives a date alone the programme’s usual cut-off and marks it assumed', () => {
    expect(deadlineInstant('2026-03-29', BRUSSELS, '17:00:00')).toEqual({ at: '2026-03-29T15:00:00.000Z', assumed: true });
    expect(deadlineInstant('2020-12-18', 'Europe/Berlin', '16:00:00')).toEqual({ at: '2020-12-18T15:00:00.000Z', assumed: true });
  });

  it('keeps an instant with an offset as that instant', () => {
    expect(deadlineInstant('2026-03-29T17:00:00+02:00', 'Europe/Lisbon', '17:00:00')).toEqual({ at: '2026-03-29T15:00:00.000Z', assumed: false });
  });

  it('refuses a wall time skipped when the clocks go forward', () => {
    expect(() => deadlineInstant('2026-03-29T02:30', BRUSSELS, '17:00:00')).toThrow(NonexistentLocalTime);
  });

  it('shows the deadline in its own zone with the offset of that day', () => {
    expect(wallTimeIn('2026-03-29T15:00:00.000Z', BRUSSELS)).toEqual({ timeZone: BRUSSELS, local: '2026-03-29T17:00', offset: '+02:00', label: '17:00 Europe/Brussels' });
    expect(wallTimeIn('2026-10-25T16:00:00.000Z', BRUSSELS)).toEqual({ timeZone: BRUSSELS, local: '2026-10-25T17:00', offset: '+01:00', label: '17:00 Europe/Brussels' });
    expect(wallTimeIn('2026-10-25T16:00:00.000Z', BRUSSELS).label).toBe('17:00 Europe/Brussels');
  });
});

describe('readers in other zones', () => {
  const spring = deadlineInstant('2026-03-29T17:00', BRUSSELS, '17:00:00').at;
  const autumn = deadlineInstant('2026-10-25T17:00', BRUSSELS, '17:00:00').at;

  it('a reader in Lisbon sees 16:00 (one hour behind Brussels, summer and winter)', () => {
    expect(wallTimeIn(spring, 'Europe/Lisbon')).toMatchObject({ local: '2026-03-29T16:00', offset: '+01:00', label: '16:00 Europe/Lisbon' });
    expect(wallTimeIn(autumn, 'Europe/Lisbon')).toMatchObject({ local: '2026-10-25T16:00', offset: '+00:00' });
  });

  it('a reader in Helsinki sees 18:00 (one hour ahead, summer and winter)', () => {
    expect(wallTimeIn(spring, 'Europe/Helsinki')).toMatchObject({ local: '2026-03-29T18:00', offset: '+03:00', label: '18:00 Europe/Helsinki' });
    expect(wallTimeIn(autumn, 'Europe/Helsinki')).toMatchObject({ local: '2026-10-25T18:00', offset: '+02:00' });
  });

  it('a reader in New York sees the gap shrink while only America has changed its clocks', () => {
    const march = deadlineInstant('2026-03-20T17:00', BRUSSELS, '17:00:00').at;
    expect(wallTimeIn(march, 'America/New_York').local).toBe('2026-03-20T12:00');
    const april = deadlineInstant('2026-04-20T17:00', BRUSSELS, '17:00:00').at;
    expect(wallTimeIn(april, 'America/New_York').local).toBe('2026-04-20T11:00');
  });

  it('a reader far east may see the deadline on the next day', () => {
    expect(wallTimeIn(deadlineInstant('2026-09-17T17:00', BRUSSELS, '17:00:00').at, 'Pacific/Auckland').local).toBe('2026-09-18T03:00');
  });
});

describe('wall times in the hours the clocks change', () => {
  it('Brussels jumps from 01:59 (+01:00) to 03:00 (+02:00) on 29 March 2026 and back from 02:59 (+02:00) to 02:00 (+01:00) on 25 October', () => {
    expect(wallTimeIn('2026-03-29T00:59:00.000Z', BRUSSELS)).toMatchObject({ local: '2026-03-29T01:59', offset: '+01:00' });
    expect(wallTimeIn('2026-03-29T01:00:00.000Z', BRUSSELS)).toMatchObject({ local: '2026-03-29T03:00', offset: '+02:00' });
    expect(wallTimeIn('2026-10-25T00:59:00.000Z', BRUSSELS)).toMatchObject({ local: '2026-10-25T02:59', offset: '+02:00' });
    expect(wallTimeIn('2026-10-25T01:00:00.000Z', BRUSSELS)).toMatchObject({ local: '2026-10-25T02:00', offset: '+01:00' });
    // the second before and the second of the change, with their seconds
    expect(wallTimeIn('2026-03-29T00:59:59.000Z', BRUSSELS).local).toBe('2026-03-29T01:59:59');
    expect(wallTimeIn('2026-10-25T00:59:59.000Z', BRUSSELS).local).toBe('2026-10-25T02:59:59');
  });

  it('Lisbon jumps from 00:59 (+00:00) to 02:00 (+01:00) and back from 01:59 (+01:00) to 01:00 (+00:00), at the same instants as Brussels', () => {
    expect(wallTimeIn('2026-03-29T00:59:00.000Z', 'Europe/Lisbon')).toMatchObject({ local: '2026-03-29T00:59', offset: '+00:00' });
    expect(wallTimeIn('2026-03-29T01:00:00.000Z', 'Europe/Lisbon')).toMatchObject({ local: '2026-03-29T02:00', offset: '+01:00' });
    expect(wallTimeIn('2026-10-25T00:59:00.000Z', 'Europe/Lisbon')).toMatchObject({ local: '2026-10-25T01:59', offset: '+01:00' });
    expect(wallTimeIn('2026-10-25T01:00:00.000Z', 'Europe/Lisbon')).toMatchObject({ local: '2026-10-25T01:00', offset: '+00:00' });
  });

  it('agrees with luxon on the IANA zone at every minute of transition days, in zones with odd offsets too', () => {
    const days: [string, string][] = [
      [BRUSSELS, '2026-03-29'],
      [BRUSSELS, '2026-10-25'],
      ['Europe/Lisbon', '2026-03-29'],
      ['Europe/Lisbon', '2026-10-25'],
      ['America/St_Johns', '2026-11-01'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Asia/Kathmandu', '2026-06-01'],
      ['Pacific/Chatham', '2026-09-27']
    ];
    for (const [zone, day] of days) {
      const start = Date.parse(`${day}T00:00:00Z`) - 18 * 3_600_000;
      for (let ts = start; ts < start + 36 * 3_600_000; ts += 60_000) {
        const instant = new Date(ts + (ts % 7) * 1000).toISOString();
        const expected = DateTime.fromISO(instant, { zone });
        const wall = wallTimeIn(instant, zone);
        expect(`${wall.local} ${wall.offset}`, `${zone} ${instant}`).toBe(expected.toFormat(expected.second ? "yyyy-MM-dd'T'HH:mm:ss ZZ" : "yyyy-MM-dd'T'HH:mm ZZ"));
      }
    }
  });

  it('refuses a zone that does not exist', () => {
    expect(() => wallTimeIn('2026-03-29T01:00:00.000Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('status, derived from the dates', () => {
  const deadlines = [{ at: '2026-09-17T15:00:00.000Z' }];

  it('is forthcoming before the opening', () => {
    expect(callStatus('2026-05-06T00:00:00.000Z', deadlines, at('2026-05-05T12:00:00Z'))).toBe('forthcoming');
  });

  it('is forthcoming without an opening and without a deadline (announced, nothing published)', () => {
    expect(callStatus(null, [], at('2026-05-05T12:00:00Z'))).toBe('forthcoming');
    expect(callStatus('2026-06-01T00:00:00.000Z', [], at('2026-05-05T12:00:00Z'))).toBe('forthcoming');
  });

  it('is open once opened without a published deadline, and open until the last deadline', () => {
    expect(callStatus('2026-05-01T00:00:00.000Z', [], at('2026-05-05T12:00:00Z'))).toBe('open');
    expect(callStatus('2026-05-06T00:00:00.000Z', deadlines, at('2026-05-06T00:00:00Z'))).toBe('open');
    expect(callStatus(null, deadlines, at('2026-09-17T14:59:59.999Z'))).toBe('open');
  });

  it('is closed at the deadline itself and after it — also for a record the portal still calls "Open"', () => {
    expect(callStatus('2026-05-06T00:00:00.000Z', deadlines, at('2026-09-17T15:00:00Z'))).toBe('closed');
    expect(callStatus(null, [{ at: '2024-02-01T16:00:00.000Z' }], at('2026-01-01T00:00:00Z'))).toBe('closed');
  });

  it('stays open between the stages of a two-stage call', () => {
    const twoStage = [{ at: '2026-02-18T16:00:00.000Z' }, { at: '2026-09-17T15:00:00.000Z' }];
    expect(callStatus(null, twoStage, at('2026-03-01T00:00:00Z'))).toBe('open');
  });
});

describe('the next deadline', () => {
  const cutOffs = ['2026-01-15T16:00:00.000Z', '2026-04-15T15:00:00.000Z', '2026-09-15T15:00:00.000Z'].map((a, position) => ({ at: a, position }));

  it('is the next future cut-off of a multi-cut-off call', () => {
    expect(nextDeadline(cutOffs, at('2026-01-01T00:00:00Z'))?.position).toBe(0);
    expect(nextDeadline(cutOffs, at('2026-01-15T16:00:00Z'))?.position).toBe(1);
    expect(nextDeadline(cutOffs, at('2026-05-01T00:00:00Z'))?.position).toBe(2);
    expect(nextDeadline(cutOffs, at('2026-09-15T15:00:00Z'))).toBeNull();
  });

  it('does not depend on the order the cut-offs come in', () => {
    expect(nextDeadline([...cutOffs].reverse(), at('2026-02-01T00:00:00Z'))?.position).toBe(1);
  });

  it('is null for a call without deadlines', () => {
    expect(nextDeadline([], at('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('is always a future deadline and never skips one (any clock)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }), (now) => {
        const next = nextDeadline(cutOffs, now);
        const future = cutOffs.filter((d) => Date.parse(d.at) > now.getTime());
        if (!future.length) return next === null;
        return next !== null && Date.parse(next.at) > now.getTime() && future.every((d) => Date.parse(d.at) >= Date.parse(next.at));
      })
    );
  });
});

describe('the next expected round of a call that repeats', () => {
  const last = { at: deadlineInstant('2026-02-18T17:00', BRUSSELS, '17:00:00').at, timeZone: BRUSSELS };

  it('is a year after the last deadline, at the same wall time (the offset changes with the season)', () => {
    expect(nextExpectedRound('FREQ=YEARLY', [last], at('2026-01-10T00:00:00Z'))).toEqual({
      date: '2027-02-18',
      at: '2027-02-18T16:00:00.000Z',
      timeZone: BRUSSELS,
      local: '2027-02-18T17:00'
    });
    const summer = { at: deadlineInstant('2026-03-29T17:00', BRUSSELS, '17:00:00').at, timeZone: BRUSSELS };
    expect(nextExpectedRound('FREQ=YEARLY', [summer], at('2026-01-10T00:00:00Z'))?.at).toBe('2027-03-29T15:00:00.000Z');
  });

  it('is the first round still ahead of today when the call closed long ago', () => {
    expect(nextExpectedRound('RRULE:FREQ=YEARLY', [last], at('2029-06-01T00:00:00Z'))?.date).toBe('2030-02-18');
    // on the day of a round, before its cut-off, that round is the next one; after the cut-off the following one
    expect(nextExpectedRound('FREQ=YEARLY', [last], at('2029-02-18T15:59:00Z'))?.date).toBe('2029-02-18');
    expect(nextExpectedRound('FREQ=YEARLY', [last], at('2029-02-18T16:00:00Z'))?.date).toBe('2030-02-18');
  });

  it('follows rules with months and weekdays (the third Tuesday of March and October)', () => {
    const march = { at: deadlineInstant('2026-03-17T12:00', BRUSSELS, '12:00:00').at, timeZone: BRUSSELS };
    expect(nextExpectedRound('FREQ=YEARLY;BYMONTH=3,10;BYDAY=3TU', [march], at('2026-03-01T00:00:00Z'))).toMatchObject({ date: '2026-10-20', local: '2026-10-20T12:00' });
  });

  it('counts the series from the last deadline and ends with COUNT or UNTIL', () => {
    expect(nextExpectedRound('FREQ=YEARLY;COUNT=2', [last], at('2026-01-01T00:00:00Z'))?.date).toBe('2027-02-18');
    expect(nextExpectedRound('FREQ=YEARLY;COUNT=2', [last], at('2027-03-01T00:00:00Z'))).toBeNull();
    expect(nextExpectedRound('FREQ=YEARLY;UNTIL=20270101', [last], at('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('is null without a rule or without a deadline', () => {
    expect(nextExpectedRound(null, [last], at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(nextExpectedRound('FREQ=YEARLY', [], at('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('takes the last of several deadlines as the anchor', () => {
    const first = { at: '2026-01-15T16:00:00.000Z', timeZone: BRUSSELS };
    expect(nextExpectedRound('FREQ=YEARLY', [last, first], at('2026-01-01T00:00:00Z'))?.date).toBe('2027-02-18');
  });
});

describe('counting down', () => {
  it('counts elapsed time in days, hours and minutes, across the night the clocks go forward', () => {
    // Saturday 28 March 17:00 Brussels to Sunday 29 March 17:00 Brussels is 23 hours
    expect(countdown('2026-03-29T15:00:00.000Z', at('2026-03-28T16:00:00Z'))).toEqual({ totalSeconds: 23 * 3600, days: 0, hours: 23, minutes: 0, passed: false });
    expect(countdown('2026-03-29T15:00:00.000Z', at('2026-03-25T13:29:30Z'))).toEqual({ totalSeconds: 4 * 86400 + 1 * 3600 + 30 * 60 + 30, days: 4, hours: 1, minutes: 30, passed: false });
  });

  it('says when the instant has passed', () => {
    expect(countdown('2026-03-29T15:00:00.000Z', at('2026-03-29T15:00:00Z'))).toMatchObject({ totalSeconds: 0, passed: true });
    expect(countdown('2026-03-29T15:00:00.000Z', at('2026-03-30T15:00:00Z'))).toMatchObject({ totalSeconds: -86400, days: 0, passed: true });
  });
});

describe('checks on what is entered', () => {
  it('wants one deadline for single-stage, two for two-stage, at least two for multiple cut-offs, or none yet', () => {
    expect(deadlineCountProblem('single_stage', 1)).toBeNull();
    expect(deadlineCountProblem('single_stage', 0)).toBeNull();
    expect(deadlineCountProblem('single_stage', 2)?.key).toBe('problems_funding_field_singleStage');
    expect(deadlineCountProblem('two_stage', 2)).toBeNull();
    expect(deadlineCountProblem('two_stage', 1)?.key).toBe('problems_funding_field_twoStage');
    expect(deadlineCountProblem('two_stage', 3)?.key).toBe('problems_funding_field_twoStage');
    expect(deadlineCountProblem('multiple_cut_off', 1)?.key).toBe('problems_funding_field_multipleCutOff');
    expect(deadlineCountProblem('multiple_cut_off', 5)).toBeNull();
  });

  it('normalises cut-off times', () => {
    expect(normaliseCutOff('17:00')).toBe('17:00:00');
    expect(normaliseCutOff('12:00:00')).toBe('12:00:00');
    expect(normaliseCutOff('24:00')).toBeNull();
    expect(normaliseCutOff('5pm')).toBeNull();
  });

  it('notices a changed deadline, zone or label, but not the same instant written differently', () => {
    const a = [{ at: '2026-09-17T15:00:00.000Z', timeZone: BRUSSELS, label: null }];
    expect(deadlinesDiffer(a, [{ at: '2026-09-17T15:00:00Z', timeZone: BRUSSELS, label: null }])).toBe(false);
    expect(deadlinesDiffer(a, [{ at: '2026-09-17T16:00:00.000Z', timeZone: BRUSSELS, label: null }])).toBe(true);
    expect(deadlinesDiffer(a, [{ at: '2026-09-17T15:00:00.000Z', timeZone: 'Europe/Paris', label: null }])).toBe(true);
    expect(deadlinesDiffer(a, [])).toBe(true);
  });
});

describe('milestones of proposals', () => {
  it('are due at their time in the zone, or by the end of their day', () => {
    // seed 002: submission 18 Dec 2020, 16:00
    expect(milestoneDue('2020-12-18', '16:00', 'Europe/Berlin')).toEqual({ at: '2020-12-18T15:00:00.000Z', allDay: false });
    expect(milestoneDue('2020-10-16', null, 'Europe/Berlin')).toEqual({ at: '2020-10-16T22:00:00.000Z', allDay: true });
    expect(milestoneDue('2026-03-28', null, BRUSSELS)).toEqual({ at: '2026-03-28T23:00:00.000Z', allDay: true });
  });
});
