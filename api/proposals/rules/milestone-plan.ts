/**
 * Internal milestones planned backwards from a call's deadline, as pure
 * functions on calendar dates (`YYYY-MM-DD`, via agreement-dates.ts so no
 * local time zone ever shifts a day).
 *
 * Defaults, modelled on the RegioWIN 2030 timeline of seed 002 (submission
 * due Friday 18 Dec 2020, 16:00):
 *   descriptions_due     9 weeks before  → Fri 16 Oct 2020 (seed: 16 Oct)
 *   steering_group       8 weeks before  → Fri 23 Oct 2020 (seed: week 43)
 *   committee_decision   5 weeks before  → Fri 13 Nov 2020 (seed: Wed 11 Nov;
 *                                          the committee meets on its own
 *                                          calendar, so move it by hand)
 *   submission           on the deadline day, at the deadline's local time
 * A date that falls on a Saturday, a Sunday or a day the offices are closed
 * (a public holiday of the partners' places, public-holidays.ts) moves to
 * the working day before (`movedFrom` keeps the date it would have had,
 * `holiday` names the holiday it skipped); a date already past on the day
 * of planning says so (`past`). The plan is a proposal to edit before
 * saving.
 */
import { addDays } from '../../crm/index.js';

export type MilestoneKind = 'descriptions_due' | 'steering_group' | 'committee_decision' | 'submission' | 'other';

export interface PlanRule {
  kind: MilestoneKind;
  title: string;
  /** calendar days before the deadline day */
  daysBefore: number;
}

export const DEFAULT_PLAN: readonly PlanRule[] = [
  { kind: 'descriptions_due', title: 'Project descriptions due', daysBefore: 63 },
  { kind: 'steering_group', title: 'Steering group prioritisation', daysBefore: 56 },
  { kind: 'committee_decision', title: 'Committee decision', daysBefore: 35 },
  { kind: 'submission', title: 'Submission', daysBefore: 0 }
];

export interface PlannedMilestone {
  kind: MilestoneKind;
  title: string;
  dueOn: string;
  /** `HH:mm` for the submission (the deadline's local time), else null */
  dueTime: string | null;
  daysBefore: number;
  /** the weekend day or holiday it was moved from, or null */
  movedFrom: string | null;
  /** the holiday it was moved off (or over), or null when only a weekend moved it */
  holiday: string | null;
  /** the date is before the day of planning */
  past: boolean;
}

export interface PlanCalendar {
  /** the holiday on a date, or null on a working day (no holidays when left out) */
  holidayOn?: (date: string) => string | null;
  /** the day of planning (`YYYY-MM-DD`): dates before it are `past` */
  today?: string;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** at most this many days back from a closed day (a fortnight of holidays is more than any calendar has) */
const MAX_CLOSED_RUN = 14;

/** The date itself on a working day, else the last working day before it, with the first holiday passed over. */
export function workingDayOnOrBefore(date: string, holidayOn: (date: string) => string | null = () => null): { date: string; holiday: string | null } {
  let day = date;
  let holiday: string | null = null;
  for (let step = 0; step < MAX_CLOSED_RUN; step++) {
    const weekday = weekdayOf(day);
    const closedFor = weekday === 0 || weekday === 6 ? null : holidayOn(day);
    if (weekday !== 0 && weekday !== 6 && !closedFor) return { date: day, holiday };
    holiday ??= closedFor;
    day = addDays(day, -1);
  }
  return { date: day, holiday };
}

/**
 * The milestones before a deadline on `deadlineOn` (the deadline's local
 * date) at `deadlineTime` (`HH:mm`, local), earliest first.
 */
export function planBackwards(deadlineOn: string, deadlineTime: string | null, rules: readonly PlanRule[] = DEFAULT_PLAN, calendar: PlanCalendar = {}): PlannedMilestone[] {
  return rules
    .map((rule) => {
      const raw = addDays(deadlineOn, -rule.daysBefore);
      const working = workingDayOnOrBefore(raw, calendar.holidayOn);
      return {
        kind: rule.kind,
        title: rule.title,
        dueOn: working.date,
        dueTime: rule.kind === 'submission' ? deadlineTime : null,
        daysBefore: rule.daysBefore,
        movedFrom: working.date === raw ? null : raw,
        holiday: working.holiday,
        past: calendar.today !== undefined && working.date < calendar.today
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || b.daysBefore - a.daysBefore);
}
