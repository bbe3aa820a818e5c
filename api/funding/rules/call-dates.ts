/**
 * The date rules of funding calls, as pure functions on UTC instants, IANA
 * zones and an injected `now`. Nothing here is stored: status, the next
 * cut-off, wall times, the next expected round and count-downs are derived
 * every time from the stored deadlines (instants with the zone they were
 * published in) and the clock.
 *
 * Deadlines
 * - A deadline is an exact instant: "17:00:00 Brussels time" on 29 March
 *   2026 (the day clocks go forward) is 15:00Z, on 25 October 2026 (the day
 *   they go back) 16:00Z. It is entered as a wall time in its zone
 *   (`2026-03-29T17:00` + `Europe/Brussels`), as an instant with an offset,
 *   or as a date alone — then the programme's usual cut-off time applies and
 *   the deadline is marked `assumed` so a person can confirm it. A wall time
 *   skipped by a DST change is refused; one that happens twice is the first.
 * - Submission closes AT the deadline: at 17:00:00.000 the call is closed.
 *
 * Status (first rule that applies wins; the portal's own status is never used)
 * 1. `forthcoming` — the opening is after now; or there is no opening and no
 *                    deadline yet (announced, dates not published).
 * 2. `open`        — no deadline yet but opened (continuously open or the
 *                    deadline not published), or now is before the last
 *                    deadline.
 * 3. `closed`      — the last deadline has passed (also for a record the
 *                    portal still calls "Open").
 *
 * Next deadline: the first deadline after now (the next cut-off of a
 * multi-cut-off call, the second stage of a two-stage call once the first
 * has passed); null when all have passed or none is known.
 *
 * Next expected round: for a call that repeats (an RRULE of recurrence.ts,
 * on dates), the series starts on the local date of the call's last
 * deadline in that deadline's zone; the next round is the first occurrence
 * after that date whose deadline — the same wall time in the same zone —
 * is still ahead of now. COUNT counts rounds from this call's (included).
 * Null without an RRULE, without a deadline, or when the series has ended.
 */
import { DateTime } from 'luxon';
import { NonexistentLocalTime, isInstant, isLocalDateTime, nextOccurrence, parseRule, toInstant, toLocal, utc, zoneWithKeptOffsets, words, type Words } from '../../platform/index.js';

export type CallStatus = 'forthcoming' | 'open' | 'closed';
export type DeadlineModel = 'single_stage' | 'two_stage' | 'multiple_cut_off';

export interface Dated {
  /** UTC instant */
  at: string;
}

export interface ZonedInstant extends Dated {
  /** IANA zone the deadline was published in */
  timeZone: string;
}

/** A wall time of an instant in one zone. */
export interface WallTime {
  timeZone: string;
  /** `YYYY-MM-DDTHH:mm` (`:ss` only when not zero) */
  local: string;
  /** the zone's offset at that instant, e.g. `+02:00` */
  offset: string;
  /** what a person reads: `17:00 Europe/Brussels` */
  label: string;
}

export interface Countdown {
  /** whole seconds from now to the instant (negative once passed) */
  totalSeconds: number;
  /** whole days, then the hours and minutes left over (elapsed time, DST included) */
  days: number;
  hours: number;
  minutes: number;
  passed: boolean;
}

export interface ExpectedRound {
  /** the date of the round in the deadline's zone */
  date: string;
  at: string;
  timeZone: string;
  local: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function ms(instant: string): number {
  return Date.parse(instant);
}

function latest<T extends Dated>(deadlines: T[]): T | null {
  return deadlines.reduce<T | null>((last, d) => (last === null || ms(d.at) > ms(last.at) ? d : last), null);
}

export function callStatus(openingAt: string | null, deadlines: Dated[], now: Date): CallStatus {
  const t = now.getTime();
  if (openingAt !== null && ms(openingAt) > t) return 'forthcoming';
  const last = latest(deadlines);
  if (last === null) return openingAt === null ? 'forthcoming' : 'open';
  return t < ms(last.at) ? 'open' : 'closed';
}

/** The first deadline after now, or null. */
export function nextDeadline<T extends Dated>(deadlines: T[], now: Date): T | null {
  const t = now.getTime();
  return deadlines.filter((d) => ms(d.at) > t).reduce<T | null>((first, d) => (first === null || ms(d.at) < ms(first.at) ? d : first), null);
}

/** Seconds-exact count-down from now to the instant. */
export function countdown(instant: string, now: Date): Countdown {
  const totalSeconds = Math.floor((ms(instant) - now.getTime()) / 1000);
  const left = Math.max(0, totalSeconds);
  return {
    totalSeconds,
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3_600),
    minutes: Math.floor((left % 3_600) / 60),
    passed: totalSeconds <= 0
  };
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `+02:00`, `-03:30`: an offset in minutes east of UTC as ISO writes it (seconds of a historical offset dropped). */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${twoDigits(Math.floor(abs / 60))}:${twoDigits(Math.floor(abs % 60))}`;
}

/**
 * The wall time of the instant in `zone`, with its offset and a short label.
 * The zone's offset at that instant (kept per quarter hour, exact within a
 * transition's quarter: wall-clock.ts), then plain UTC arithmetic: about 6×
 * cheaper than a luxon DateTime or Intl's formatToParts per instant, and the
 * dashboard shows two per item.
 */
export function wallTimeIn(instant: string, zone: string): WallTime {
  const kept = zoneWithKeptOffsets(zone);
  if (!kept) throw new RangeError(`Not a time zone: ${zone}`);
  const at = Date.parse(instant);
  const offset = kept.offset(at);
  const shifted = new Date(at + offset * 60_000).toISOString();
  const local = shifted.slice(16, 19) === ':00' ? shifted.slice(0, 16) : shifted.slice(0, 19);
  return { timeZone: zone, local, offset: offsetText(offset), label: `${local.slice(11)} ${zone}` };
}

/** `17:00` or `17:00:00` as `HH:mm:ss`; null when it is no time of day. */
export function normaliseCutOff(time: string): string | null {
  const match = TIME.exec(time.trim());
  if (!match) return null;
  const [h, m, s = '00'] = [Number(match[1]), Number(match[2]), match[3]];
  if (h > 23 || m > 59 || Number(s) > 59) return null;
  return `${match[1]}:${match[2]}:${s}`;
}

/**
 * The instant of a deadline as entered: a wall time read in `zone`, an
 * instant kept as it is, or a date alone at `cutOffTime` (`HH:mm:ss`) in
 * `zone`, then `assumed`. Throws NonexistentLocalTime for a skipped wall time.
 */
export function deadlineInstant(input: string, zone: string, cutOffTime: string): { at: string; assumed: boolean } {
  const text = input.trim();
  if (DATE_ONLY.test(text)) return { at: toInstant(`${text}T${cutOffTime}`, zone), assumed: true };
  if (isInstant(text)) return { at: utc(text), assumed: false };
  if (isLocalDateTime(text)) return { at: toInstant(text, zone), assumed: false };
  throw new RangeError(`Not a date, wall time or instant: ${input}`);
}

/** The message when the number of deadlines does not fit the model, else null. No deadline at all means "not published yet". */
export function deadlineCountProblem(model: DeadlineModel, count: number): Words | null {
  if (count === 0) return null;
  if (model === 'single_stage' && count !== 1) return words('problems_funding_field_singleStage');
  if (model === 'two_stage' && count !== 2) return words('problems_funding_field_twoStage');
  if (model === 'multiple_cut_off' && count < 2) return words('problems_funding_field_multipleCutOff');
  return null;
}

/** Whether two deadline lists differ in anything a watcher cares about (instant, zone, label or number). */
export function deadlinesDiffer(before: (ZonedInstant & { label: string | null })[], after: (ZonedInstant & { label: string | null })[]): boolean {
  if (before.length !== after.length) return true;
  return before.some((b, i) => {
    const a = after[i]!;
    return ms(a.at) !== ms(b.at) || a.timeZone !== b.timeZone || a.label !== b.label;
  });
}

/** The instant of a wall time in a zone; a time skipped by DST moves forward by the gap (as clocks do). */
function instantOfWallTime(local: string, zone: string): string {
  try {
    return toInstant(local, zone);
  } catch (error) {
    if (!(error instanceof NonexistentLocalTime)) throw error;
    return DateTime.fromISO(local, { zone }).toUTC().toJSDate().toISOString();
  }
}

/** See the header: the next round of a repeating call, or null. `rrule` must be a rule recurrence.ts accepts. */
export function nextExpectedRound(rrule: string | null, deadlines: ZonedInstant[], now: Date): ExpectedRound | null {
  if (!rrule) return null;
  const last = latest(deadlines);
  if (last === null) return null;
  const rule = parseRule(rrule);
  const anchor = toLocal(last.at, last.timeZone);
  const start = anchor.slice(0, 10);
  const time = anchor.slice(11);
  let after = start;
  // a handful of steps at most: occurrences on dates already behind `now`
  for (let step = 0; step < 400; step++) {
    const date = nextOccurrence(rule, start, after);
    if (date === null) return null;
    const at = instantOfWallTime(`${date}T${time}`, last.timeZone);
    if (ms(at) > now.getTime()) return { date, at, timeZone: last.timeZone, local: toLocal(at, last.timeZone) };
    const today = DateTime.fromJSDate(now).setZone(last.timeZone).toISODate()!;
    // jump over the rounds already behind today, then step one by one
    after = date < today ? DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: 1 }).toISODate()! : date;
  }
  return null;
}

/**
 * When an internal milestone of a proposal is due: `dueOn` at `dueTime`
 * (`HH:mm`) in `zone`; without a time, by the end of that day (the next
 * midnight in the zone), shown as a date only.
 */
export function milestoneDue(dueOn: string, dueTime: string | null, zone: string): { at: string; allDay: boolean } {
  const time = dueTime ? normaliseCutOff(dueTime) : null;
  if (time) return { at: instantOfWallTime(`${dueOn}T${time}`, zone), allDay: false };
  const next = DateTime.fromISO(dueOn, { zone }).plus({ days: 1 }).startOf('day');
  return { at: next.toUTC().toJSDate().toISOString(), allDay: true };
}
