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
 * A date that falls on a Saturday or Sunday moves to the Friday before
 * (`movedFrom` keeps the date it would have had). Public holidays are not
 * known here; the plan is a proposal to edit before saving.
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
  /** the weekend day it was moved from, or null */
  movedFrom: string | null;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The date itself on a weekday; the Friday before on a Saturday or Sunday. */
export function offWeekend(date: string): string {
  const day = weekdayOf(date);
  if (day === 6) return addDays(date, -1);
  if (day === 0) return addDays(date, -2);
  return date;
}

/**
 * The milestones before a deadline on `deadlineOn` (the deadline's local
 * date) at `deadlineTime` (`HH:mm`, local), earliest first.
 */
export function planBackwards(deadlineOn: string, deadlineTime: string | null, rules: readonly PlanRule[] = DEFAULT_PLAN): PlannedMilestone[] {
  return rules
    .map((rule) => {
      const raw = addDays(deadlineOn, -rule.daysBefore);
      const dueOn = offWeekend(raw);
      return {
        kind: rule.kind,
        title: rule.title,
        dueOn,
        dueTime: rule.kind === 'submission' ? deadlineTime : null,
        daysBefore: rule.daysBefore,
        movedFrom: dueOn === raw ? null : raw
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || b.daysBefore - a.daysBefore);
}
