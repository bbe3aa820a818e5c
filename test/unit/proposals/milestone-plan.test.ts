import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, planBackwards, weekdayOf, workingDayOnOrBefore } from '../../../api/proposals/rules/milestone-plan.js';
import { holidayIn } from '../../../api/proposals/rules/public-holidays.js';

const brief = (items: ReturnType<typeof planBackwards>) => items.map((m) => [m.kind, m.dueOn, m.dueTime, m.movedFrom]);

describe('milestones planned backwards from a deadline', () => {
  it('reproduces the RegioWIN 2030 timeline of seed 002 (submission Fri 18 Dec 2020, 16:00)', () => {
    expect(brief(planBackwards('2020-12-18', '16:00'))).toEqual([
      ['descriptions_due', '2020-10-16', null, null], // seed: descriptions final by 16 October
      ['steering_group', '2020-10-23', null, null], // seed: steering group in week 43 (19–23 Oct)
      ['committee_decision', '2020-11-13', null, null], // seed: committee on 11 Nov (its own calendar)
      ['submission', '2020-12-18', '16:00', null]
    ]);
    expect(DEFAULT_PLAN.map((r) => r.daysBefore)).toEqual([63, 56, 35, 0]);
  });

  it('moves dates that fall on a weekend to the Friday before, across a month end and a year end', () => {
    // Sunday 1 March 2026: the submission moves back into February, the descriptions into December
    expect(brief(planBackwards('2026-03-01', '17:00'))).toEqual([
      ['descriptions_due', '2025-12-26', null, '2025-12-28'],
      ['steering_group', '2026-01-02', null, '2026-01-04'],
      ['committee_decision', '2026-01-23', null, '2026-01-25'],
      ['submission', '2026-02-27', '17:00', '2026-03-01']
    ]);
    // Saturday 1 June 2024
    expect(planBackwards('2024-06-01', null).find((m) => m.kind === 'submission')).toMatchObject({ dueOn: '2024-05-31', movedFrom: '2024-06-01' });
  });

  it('counts calendar days through month ends and leap days with any offsets', () => {
    const rules = [
      { kind: 'other' as const, title: 'Two days before', daysBefore: 2 },
      { kind: 'other' as const, title: 'Four days before', daysBefore: 4 },
      { kind: 'other' as const, title: 'Five days before', daysBefore: 5 },
      { kind: 'submission' as const, title: 'Submission', daysBefore: 0 }
    ];
    // Monday 4 March 2024 (leap year)
    expect(brief(planBackwards('2024-03-04', '12:00', rules))).toEqual([
      ['other', '2024-02-28', null, null], // Wed 28 Feb, a weekday: not moved
      ['other', '2024-02-29', null, null], // Thu 29 Feb
      ['other', '2024-03-01', null, '2024-03-02'], // Sat 2 Mar → Fri 1 Mar
      ['submission', '2024-03-04', '12:00', null]
    ]);
    // the same in 2025 (no 29 February): 4 days before Tue 4 March 2025 is Fri 28 February
    expect(planBackwards('2025-03-04', null, rules).map((m) => m.dueOn)).toEqual(['2025-02-27', '2025-02-28', '2025-02-28', '2025-03-04']);
  });

  it('lists the milestones earliest first, whatever the order of the rules', () => {
    const reversed = [...DEFAULT_PLAN].reverse();
    expect(planBackwards('2020-12-18', '16:00', reversed).map((m) => m.kind)).toEqual(['descriptions_due', 'steering_group', 'committee_decision', 'submission']);
  });

  it('knows the weekdays', () => {
    expect(weekdayOf('2020-12-18')).toBe(5);
    expect(weekdayOf('2026-03-01')).toBe(0);
    expect(weekdayOf('2024-02-29')).toBe(4);
    expect(workingDayOnOrBefore('2026-02-28')).toEqual({ date: '2026-02-27', holiday: null });
    expect(workingDayOnOrBefore('2026-03-01')).toEqual({ date: '2026-02-27', holiday: null });
    expect(workingDayOnOrBefore('2026-03-02')).toEqual({ date: '2026-03-02', holiday: null });
  });
});

describe('milestones planned backwards around the partners’ public holidays', () => {
  const rhineNeckarBW = { country: 'DE', nutsCode: 'DE12' }; // Rhein-Neckar-Kreis, Baden-Württemberg
  const flemishBrabant = { country: 'BE', nutsCode: 'BE24' }; // Provincie Vlaams-Brabant, Flanders
  const plan = (places: { country: string; nutsCode: string | null }[], locale: 'en' | 'de' | 'nl', today = '2026-12-07') =>
    planBackwards('2027-02-26', '17:00', DEFAULT_PLAN, { holidayOn: holidayIn(places, locale), today }).map((m) => [m.kind, m.dueOn, m.movedFrom, m.holiday, m.past]);

  it('moves a date off Christmas and New Year to the last working day before, over Christmas Eve and New Year’s Eve in Germany', () => {
    // the deadline Friday 26 Feb 2027: descriptions due 63 days before fall on Friday 25 Dec 2026, the steering group on Friday 1 Jan 2027
    expect(plan([rhineNeckarBW], 'de')).toEqual([
      ['descriptions_due', '2026-12-23', '2026-12-25', '1. Weihnachtstag', false],
      ['steering_group', '2026-12-30', '2027-01-01', 'Neujahr', false],
      ['committee_decision', '2027-01-22', null, null, false],
      ['submission', '2027-02-26', null, null, false]
    ]);
  });

  it('names the holiday in the reader’s language and counts the days closed in either partner’s place', () => {
    // Flanders alone closes on 25 Dec but not on 24 Dec: the descriptions are due on Thursday the 24th
    expect(plan([flemishBrabant], 'nl')[0]).toEqual(['descriptions_due', '2026-12-24', '2026-12-25', 'Kerstmis', false]);
    // with the German partner too, Christmas Eve is closed as well
    expect(plan([flemishBrabant, rhineNeckarBW], 'nl')[0]).toEqual(['descriptions_due', '2026-12-23', '2026-12-25', 'Kerstmis', false]);
    // Flemish holidays the German calendar does not have: Armistice Day, Wednesday 11 Nov 2026
    const armistice = planBackwards('2026-12-16', null, [{ kind: 'other', title: 'x', daysBefore: 35 }], { holidayOn: holidayIn([flemishBrabant], 'nl') });
    expect(armistice[0]).toMatchObject({ dueOn: '2026-11-10', movedFrom: '2026-11-11', holiday: 'Wapenstilstand' });
    const inBadenWuerttemberg = planBackwards('2026-12-16', null, [{ kind: 'other', title: 'x', daysBefore: 35 }], { holidayOn: holidayIn([rhineNeckarBW], 'de') });
    expect(inBadenWuerttemberg[0]).toMatchObject({ dueOn: '2026-11-11', movedFrom: null, holiday: null });
  });

  it('knows a Land’s own holidays from the NUTS code (Epiphany in Baden-Württemberg, not in Hesse or Berlin)', () => {
    const epiphany = (place: { country: string; nutsCode: string | null }) => holidayIn([place], 'de')('2027-01-06');
    expect(epiphany(rhineNeckarBW)).toBe('Heilige Drei Könige');
    expect(epiphany({ country: 'DE', nutsCode: 'DE71' })).toBeNull(); // Darmstadt, Hesse
    expect(epiphany({ country: 'DE', nutsCode: 'DE30' })).toBeNull(); // Berlin
    expect(epiphany({ country: 'DE', nutsCode: null })).toBeNull(); // Germany, no Land known: the nationwide holidays only
    expect(holidayIn([{ country: 'DE', nutsCode: null }], 'en')('2026-12-25')).toBe('Christmas Day');
  });

  it('moves only for weekends where the library knows no holidays for the country', () => {
    expect(holidayIn([{ country: 'ZZ', nutsCode: null }], 'en')('2026-12-25')).toBeNull();
  });

  it('says which proposed dates are already past on the day of planning', () => {
    expect(plan([rhineNeckarBW], 'de', '2027-01-01').map(([kind, , , , past]) => [kind, past])).toEqual([
      ['descriptions_due', true],
      ['steering_group', true],
      ['committee_decision', false],
      ['submission', false]
    ]);
    // the day itself is not past
    expect(plan([rhineNeckarBW], 'de', '2027-01-22')[2]).toEqual(['committee_decision', '2027-01-22', null, null, false]);
  });
});
