/**
 * The date rules of a cooperation agreement, as pure functions on calendar
 * dates (`YYYY-MM-DD` strings, computed on Date.UTC so no local time zone
 * ever shifts a day). Nothing here is stored: status and the "at a glance"
 * figures are derived from the agreement's dates and a `today`.
 *
 * Day conventions
 * - `endsOn` is the last day the agreement is in force ("endet am
 *   31. Dezember 2024").
 * - Notice: either party may terminate in writing; the agreement then ends
 *   `noticeMonths` after the day the notice was sent (seed 002, Art. 5 § 2:
 *   "endet … sechs Monate nach Versand"). `terminationEffectiveOn` =
 *   noticeSentOn + noticeMonths, and like `endsOn` it is the last day in
 *   force. The agreement's effective end is the earlier of the two.
 * - Month arithmetic clamps to the month's end: 31 Aug + 6 months = 28 Feb
 *   (29 Feb in a leap year), 31 Dec − 6 months = 30 Jun.
 *
 * Status (first rule that applies wins)
 * 1. `draft`     — not in force yet: no signing date, signed after today,
 *                  no start date, or the start is after today.
 * 2. `ended`     — today is after the effective end (endsOn, or the
 *                  termination date once notice was sent, whichever is
 *                  earlier).
 * 3. `in_notice` — notice was sent on or before today and the termination
 *                  date has not passed yet (the termination day itself is
 *                  still `in_notice`). A notice dated in the future does not
 *                  count yet.
 * 4. `active`    — otherwise.
 * Signing after the start (retroactive agreements) is allowed; the agreement
 * is a draft until it is signed.
 *
 * Deadlines
 * - `lastNoticeDay` is the latest day on which notice can be sent so that the
 *   agreement ends no later than `endsOn`, i.e. the latest d with
 *   d + noticeMonths ≤ endsOn. That is endsOn − noticeMonths (clamped), with
 *   one refinement that keeps it consistent with `terminationEffectiveOn`:
 *   when endsOn is the last day of its month, the answer is the last day of
 *   the month noticeMonths earlier (a notice sent on 31 Dec 2023 takes effect
 *   on 30 Jun 2024, so for endsOn 30 Jun 2024 the last day is 31 Dec 2023,
 *   not 30 Dec). For the common cases the two readings agree: 31 Dec 2024 −
 *   6 months = 30 Jun 2024; 31 Aug 2023 − 6 months = 28 Feb 2023 (29 Feb in
 *   2024). Null without an end date or without a notice period.
 * - `renewalDecisionDay` is when the parties should decide whether to renew
 *   or let the agreement end: `renewalLeadMonths` before the last notice day,
 *   so there is still time to act on the decision; when the agreement has no
 *   notice period, `renewalLeadMonths` before endsOn. Same month rule.
 * - `daysUntilEnd` counts calendar days from today to the effective end
 *   (0 on the last day, negative once it has passed); null without an end.
 */

export type AgreementStatus = 'draft' | 'active' | 'in_notice' | 'ended';

export interface AgreementDates {
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  noticeMonths: number | null;
  noticeSentOn: string | null;
  renewalLeadMonths: number;
}

export interface AgreementGlance {
  status: AgreementStatus;
  /** the last day in force: the earlier of endsOn and terminationEffectiveOn */
  effectiveEndOn: string | null;
  daysUntilEnd: number | null;
  lastNoticeDay: string | null;
  /** days from today to lastNoticeDay (negative once passed) */
  daysUntilLastNoticeDay: number | null;
  renewalDecisionDay: string | null;
  daysUntilRenewalDecision: number | null;
  terminationEffectiveOn: string | null;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Parts {
  year: number;
  month: number; // 1–12
  day: number;
}

function parts(date: string): Parts {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`Not a calendar date: ${date}`);
  return { year, month, day };
}

function format({ year, month, day }: Parts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function epochDay(date: string): number {
  const { year, month, day } = parts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function fromEpochDay(n: number): string {
  const d = new Date(n * DAY_MS);
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Date.UTC treats years 0–99 as 1900–1999; build the date explicitly instead.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

export function isCalendarDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function isLastDayOfMonth(date: string): boolean {
  const { year, month, day } = parts(date);
  return day === daysInMonth(year, month);
}

/** The calendar date (UTC) of an instant. */
export function dayOf(instant: Date): string {
  return fromEpochDay(Math.floor(instant.getTime() / DAY_MS));
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Adds (or, with a negative n, subtracts) whole months, clamping to the month's end. */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError('Months must be a whole number.');
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * The latest day d with addMonths(d, months) ≤ date: the start of a period of
 * `months` that ends on `date`. A period ending on a month's last day starts
 * on a month's last day.
 */
export function latestStartFor(date: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError('Months must be a whole number, 0 or more.');
  const earlier = addMonths(date, -months);
  if (!isLastDayOfMonth(date)) return earlier;
  const { year, month } = parts(earlier);
  return format({ year, month, day: daysInMonth(year, month) });
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

export function terminationEffectiveOn(a: Pick<AgreementDates, 'noticeMonths' | 'noticeSentOn'>): string | null {
  if (a.noticeSentOn === null || a.noticeMonths === null) return null;
  return addMonths(a.noticeSentOn, a.noticeMonths);
}

export function lastNoticeDay(a: Pick<AgreementDates, 'endsOn' | 'noticeMonths'>): string | null {
  if (a.endsOn === null || a.noticeMonths === null) return null;
  return latestStartFor(a.endsOn, a.noticeMonths);
}

export function renewalDecisionDay(a: Pick<AgreementDates, 'endsOn' | 'noticeMonths' | 'renewalLeadMonths'>): string | null {
  const anchor = lastNoticeDay(a) ?? a.endsOn;
  return anchor === null ? null : latestStartFor(anchor, a.renewalLeadMonths);
}

export function effectiveEndOn(a: Pick<AgreementDates, 'endsOn' | 'noticeMonths' | 'noticeSentOn'>): string | null {
  return earliest(a.endsOn, terminationEffectiveOn(a));
}

export function agreementStatus(a: AgreementDates, today: string): AgreementStatus {
  if (a.signedOn === null || a.signedOn > today || a.startsOn === null || a.startsOn > today) return 'draft';
  const end = effectiveEndOn(a);
  if (end !== null && today > end) return 'ended';
  if (a.noticeSentOn !== null && a.noticeSentOn <= today) return 'in_notice';
  return 'active';
}

export function agreementGlance(a: AgreementDates, today: string): AgreementGlance {
  const end = effectiveEndOn(a);
  const notice = lastNoticeDay(a);
  const renewal = renewalDecisionDay(a);
  return {
    status: agreementStatus(a, today),
    effectiveEndOn: end,
    daysUntilEnd: end === null ? null : daysBetween(today, end),
    lastNoticeDay: notice,
    daysUntilLastNoticeDay: notice === null ? null : daysBetween(today, notice),
    renewalDecisionDay: renewal,
    daysUntilRenewalDecision: renewal === null ? null : daysBetween(today, renewal),
    terminationEffectiveOn: terminationEffectiveOn(a)
  };
}

import { type FieldError, words } from '../../platform/index.js';

/** Cross-field rules of an agreement's dates, as field errors in words. */
export function agreementDateProblems(a: AgreementDates): FieldError[] {
  const problems: FieldError[] = [];
  if (a.startsOn !== null && a.endsOn !== null && a.endsOn < a.startsOn) problems.push({ path: 'endsOn', ...words('problems_crm_field_endBeforeStart') });
  if (a.noticeSentOn !== null && a.noticeMonths === null) problems.push({ path: 'noticeSentOn', ...words('problems_crm_field_noticeWithoutPeriod') });
  return problems;
}
