import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type AgreementDates,
  agreementDateProblems,
  agreementGlance,
  agreementStatus,
  dayOf,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  lastNoticeDay,
  latestStartFor,
  renewalDecisionDay,
  terminationEffectiveOn
} from '../../../api/crm/rules/agreement-dates.js';

/** The renewed Rhein-Neckar – Flemish Brabant agreement (seed 002): to 31 Dec 2024, six months' notice. */
const agreement: AgreementDates = {
  signedOn: '2020-12-01',
  startsOn: '2021-01-01',
  endsOn: '2024-12-31',
  noticeMonths: 6,
  noticeSentOn: null,
  renewalLeadMonths: 3
};

/** Any real calendar date between 1900 and 2200. */
const anyDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map(dayOf);

/** The last days of months (and 28 Feb/29 Feb/30th days), where month arithmetic goes wrong. */
const monthEnd = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), back: fc.integer({ min: 0, max: 3 }) })
  .map(({ year, month, back }) => `${year}-${String(month).padStart(2, '0')}-${String(Math.max(1, daysInMonth(year, month) - back)).padStart(2, '0')}`);

/** Dates with month ends well represented. */
const calendarDate = fc.oneof(anyDate, monthEnd);

describe('calendar arithmetic', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-31', -6)).toBe('2024-06-30');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', 0)).toBe('2024-05-31');
  });

  it('counts days across month, year and leap-day boundaries in UTC', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-12-31', '2024-01-01')).toBe(-365);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-31', -31)).toBe('2024-02-29');
    // daylight-saving changes (last Sunday of March/October in Europe) do not matter
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
  });

  it('reads today as the UTC calendar date of an instant', () => {
    expect(dayOf(new Date('2024-12-31T23:59:59.999Z'))).toBe('2024-12-31');
    expect(dayOf(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
    expect(dayOf(new Date('2024-12-31T23:30:00-02:00'))).toBe('2025-01-01');
  });

  it('rejects strings that are not calendar dates', () => {
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(() => addMonths('31.12.2024', 1)).toThrow(RangeError);
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('property: adding n months and then −n months never lands after the start', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 240 }), (date, n) => {
        const back = addMonths(addMonths(date, n), -n);
        expect(back <= date).toBe(true);
        expect(daysBetween(back, date)).toBeLessThanOrEqual(3);
      })
    );
  });

  it('property: addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      })
    );
  });
});

describe('status', () => {
  const at = (today: string, overrides: Partial<AgreementDates> = {}) => agreementStatus({ ...agreement, ...overrides }, today);

  it('is draft the day before the start, active from the start day to the end day, ended the day after', () => {
    expect(at('2020-12-31')).toBe('draft');
    expect(at('2021-01-01')).toBe('active');
    expect(at('2024-12-31')).toBe('active');
    expect(at('2025-01-01')).toBe('ended');
  });

  it('is draft while unsigned, signed in the future, or without a start', () => {
    expect(at('2022-06-01', { signedOn: null })).toBe('draft');
    expect(at('2022-06-01', { startsOn: null })).toBe('draft');
    // signed after the start (retroactive): a draft until the signing day, then active
    expect(at('2022-06-01', { signedOn: '2022-07-01' })).toBe('draft');
    expect(at('2022-07-01', { signedOn: '2022-07-01' })).toBe('active');
  });

  it('has no end without an end date', () => {
    expect(at('2999-01-01', { endsOn: null })).toBe('active');
  });

  it('goes into notice when notice is sent and ends six months after sending, before endsOn', () => {
    const sent = { noticeSentOn: '2023-03-15' };
    expect(at('2023-03-14', sent)).toBe('active');
    expect(at('2023-03-15', sent)).toBe('in_notice');
    expect(at('2023-09-15', sent)).toBe('in_notice');
    expect(at('2023-09-16', sent)).toBe('ended');
    expect(terminationEffectiveOn({ ...agreement, ...sent })).toBe('2023-09-15');
  });

  it('ends on endsOn when the notice would take effect later', () => {
    const late = { noticeSentOn: '2024-10-01' };
    expect(at('2024-12-31', late)).toBe('in_notice');
    expect(at('2025-01-01', late)).toBe('ended');
    expect(agreementGlance({ ...agreement, ...late }, '2024-12-01').effectiveEndOn).toBe('2024-12-31');
  });

  it('clamps the termination date to the end of a shorter month', () => {
    expect(terminationEffectiveOn({ noticeSentOn: '2023-08-31', noticeMonths: 6 })).toBe('2024-02-29');
    expect(at('2024-02-29', { noticeSentOn: '2023-08-31' })).toBe('in_notice');
    expect(at('2024-03-01', { noticeSentOn: '2023-08-31' })).toBe('ended');
  });

  it('with zero months of notice, ends the day after sending', () => {
    expect(at('2023-05-10', { noticeMonths: 0, noticeSentOn: '2023-05-10' })).toBe('in_notice');
    expect(at('2023-05-11', { noticeMonths: 0, noticeSentOn: '2023-05-10' })).toBe('ended');
  });

  it('ignores a notice dated in the future', () => {
    expect(at('2023-03-01', { noticeSentOn: '2023-04-01' })).toBe('active');
  });

  it('property: the status moves only forward through draft → active → in_notice → ended', () => {
    const order = ['draft', 'active', 'in_notice', 'ended'];
    const dates = fc
      .record({
        signedOn: fc.option(calendarDate, { nil: null }),
        startsOn: fc.option(calendarDate, { nil: null }),
        length: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
        noticeMonths: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
        noticeAfter: fc.option(fc.integer({ min: -400, max: 4000 }), { nil: null }),
        renewalLeadMonths: fc.integer({ min: 0, max: 12 })
      })
      .map(({ signedOn, startsOn, length, noticeMonths, noticeAfter, renewalLeadMonths }): AgreementDates => ({
        signedOn,
        startsOn,
        endsOn: startsOn && length !== null ? addDays(startsOn, length) : null,
        noticeMonths,
        noticeSentOn: startsOn && noticeMonths !== null && noticeAfter !== null ? addDays(startsOn, noticeAfter) : null,
        renewalLeadMonths
      }));
    fc.assert(
      fc.property(dates, calendarDate, fc.integer({ min: 1, max: 3000 }), (a, today, step) => {
        const earlier = order.indexOf(agreementStatus(a, today));
        const later = order.indexOf(agreementStatus(a, addDays(today, step)));
        expect(later).toBeGreaterThanOrEqual(earlier);
      })
    );
  });
});

describe('deadlines', () => {
  it('31 Dec − 6 months: the last notice day is 30 June', () => {
    expect(lastNoticeDay(agreement)).toBe('2024-06-30');
    // a notice sent that day takes effect on 30 Dec, the day after on 1 Jan (too late)
    expect(addMonths('2024-06-30', 6) <= '2024-12-31').toBe(true);
    expect(addMonths('2024-07-01', 6) > '2024-12-31').toBe(true);
  });

  it('31 Aug − 6 months: the last notice day is the end of February, 29th in leap years', () => {
    expect(lastNoticeDay({ endsOn: '2023-08-31', noticeMonths: 6 })).toBe('2023-02-28');
    expect(lastNoticeDay({ endsOn: '2024-08-31', noticeMonths: 6 })).toBe('2024-02-29');
    expect(lastNoticeDay({ endsOn: '2100-08-31', noticeMonths: 6 })).toBe('2100-02-28');
    expect(lastNoticeDay({ endsOn: '2000-08-31', noticeMonths: 6 })).toBe('2000-02-29');
  });

  it('an end on the last day of a month gives a notice day on the last day of a month', () => {
    // sent on 31 Dec 2023, six months' notice ends on 30 Jun 2024 (clamped), so 31 Dec is still in time
    expect(lastNoticeDay({ endsOn: '2024-06-30', noticeMonths: 6 })).toBe('2023-12-31');
    expect(lastNoticeDay({ endsOn: '2023-02-28', noticeMonths: 12 })).toBe('2022-02-28');
    expect(lastNoticeDay({ endsOn: '2024-02-29', noticeMonths: 12 })).toBe('2023-02-28');
    expect(lastNoticeDay({ endsOn: '2025-02-28', noticeMonths: 12 })).toBe('2024-02-29');
  });

  it('an end in the middle of a month keeps the day, clamped', () => {
    expect(lastNoticeDay({ endsOn: '2024-09-15', noticeMonths: 6 })).toBe('2024-03-15');
    expect(lastNoticeDay({ endsOn: '2023-03-30', noticeMonths: 1 })).toBe('2023-02-28');
    expect(lastNoticeDay({ endsOn: '2024-12-31', noticeMonths: 0 })).toBe('2024-12-31');
  });

  it('has no notice day without an end or a notice period', () => {
    expect(lastNoticeDay({ endsOn: null, noticeMonths: 6 })).toBeNull();
    expect(lastNoticeDay({ endsOn: '2024-12-31', noticeMonths: null })).toBeNull();
  });

  it('sets the renewal decision day the lead months before the last notice day, or before the end without notice', () => {
    expect(renewalDecisionDay(agreement)).toBe('2024-03-31');
    expect(renewalDecisionDay({ ...agreement, renewalLeadMonths: 4 })).toBe('2024-02-29');
    expect(renewalDecisionDay({ ...agreement, renewalLeadMonths: 0 })).toBe('2024-06-30');
    expect(renewalDecisionDay({ ...agreement, noticeMonths: null })).toBe('2024-09-30');
    expect(renewalDecisionDay({ ...agreement, endsOn: null })).toBeNull();
  });

  it('gives the figures at a glance', () => {
    expect(agreementGlance(agreement, '2024-12-01')).toEqual({
      status: 'active',
      effectiveEndOn: '2024-12-31',
      daysUntilEnd: 30,
      lastNoticeDay: '2024-06-30',
      daysUntilLastNoticeDay: -154,
      renewalDecisionDay: '2024-03-31',
      daysUntilRenewalDecision: -245,
      terminationEffectiveOn: null
    });
    expect(agreementGlance(agreement, '2024-06-29')).toMatchObject({ daysUntilLastNoticeDay: 1, daysUntilRenewalDecision: -90 });
    expect(agreementGlance(agreement, '2025-01-02').daysUntilEnd).toBe(-2);
    expect(agreementGlance({ ...agreement, endsOn: null }, '2025-01-02').daysUntilEnd).toBeNull();
  });

  it('property: the last notice day is the latest day whose notice ends the agreement by endsOn', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 120 }), (endsOn, noticeMonths) => {
        const last = lastNoticeDay({ endsOn, noticeMonths })!;
        expect(last <= endsOn).toBe(true);
        expect(addMonths(last, noticeMonths) <= endsOn).toBe(true);
        expect(addMonths(addDays(last, 1), noticeMonths) > endsOn).toBe(true);
        expect(terminationEffectiveOn({ noticeSentOn: last, noticeMonths })! <= endsOn).toBe(true);
      })
    );
  });

  it('property: the renewal decision day is never after the last notice day', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (endsOn, noticeMonths, renewalLeadMonths) => {
        const decision = renewalDecisionDay({ endsOn, noticeMonths, renewalLeadMonths })!;
        expect(decision <= lastNoticeDay({ endsOn, noticeMonths })!).toBe(true);
        expect(addMonths(decision, renewalLeadMonths) <= lastNoticeDay({ endsOn, noticeMonths })!).toBe(true);
      })
    );
  });

  it('property: latestStartFor agrees with plain clamped subtraction except for month ends', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 120 }), (date, n) => {
        const plain = addMonths(date, -n);
        const latest = latestStartFor(date, n);
        expect(latest >= plain).toBe(true);
        if (latest !== plain) expect(addMonths(latest, n)).toBe(date);
      })
    );
  });
});

describe('cross-field rules', () => {
  it('names the end before the start and a notice without a notice period', () => {
    expect(agreementDateProblems({ ...agreement, endsOn: '2020-12-31' }).map((p) => p.path)).toEqual(['endsOn']);
    expect(agreementDateProblems({ ...agreement, noticeMonths: null, noticeSentOn: '2022-01-01' }).map((p) => p.path)).toEqual(['noticeSentOn']);
    expect(agreementDateProblems({ ...agreement, endsOn: '2021-01-01' })).toEqual([]);
    // signing after the start is allowed
    expect(agreementDateProblems({ ...agreement, signedOn: '2021-03-01' })).toEqual([]);
  });
});
