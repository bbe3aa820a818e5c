import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, offWeekend, planBackwards, weekdayOf } from '../../../api/proposals/rules/milestone-plan.js';

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
    expect(offWeekend('2026-02-28')).toBe('2026-02-27');
    expect(offWeekend('2026-03-01')).toBe('2026-02-27');
    expect(offWeekend('2026-03-02')).toBe('2026-03-02');
  });
});
