/**
 * How deadlines are written in notifications, emails and the calendar feed:
 * the wall time in the zone the call was published in, with the reader's
 * own time beside it ("Thu 25 Mar 2027, 17:00 Brussels time — 18:00
 * Helsinki time"). English, 24-hour clock; a zone is named by its city.
 */
import { DateTime } from 'luxon';

/** `Europe/Brussels` → `Brussels`, `America/New_York` → `New York`, `UTC` → `UTC`. */
export function cityOf(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

// written out here rather than taken from ICU, whose abbreviations differ between Node builds ("Sep"/"Sept")
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function inZone(at: string, zone: string): DateTime {
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(zone);
}

/** "Thu 25 Mar" */
function dayOf(t: DateTime): string {
  return `${WEEKDAYS[t.weekday - 1]} ${t.day} ${MONTHS[t.month - 1]}`;
}

/** A calendar date (`YYYY-MM-DD`) as "Mon 20 Sep 2027". */
export function dateWords(date: string): string {
  const t = DateTime.fromISO(date, { zone: 'utc' });
  return `${dayOf(t)} ${t.year}`;
}

/** "Thu 25 Mar 2027, 17:00 Brussels time" */
export function deadlineIn(at: string, zone: string): string {
  const t = inZone(at, zone);
  return `${dayOf(t)} ${t.year}, ${t.toFormat('HH:mm')} ${cityOf(zone)} time`;
}

/**
 * The deadline in its own zone and, when the reader lives elsewhere, in
 * theirs: "Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time"
 * (the reader's date is repeated when it is another day).
 */
export function deadlineInBothZones(at: string, callZone: string, readerZone: string): string {
  const own = deadlineIn(at, callZone);
  if (readerZone === callZone) return own;
  const theirs = inZone(at, readerZone);
  const sameDay = theirs.toISODate() === inZone(at, callZone).toISODate();
  return `${own} — ${sameDay ? '' : `${dayOf(theirs)}, `}${theirs.toFormat('HH:mm')} ${cityOf(readerZone)} time`;
}

/** "in 14 days", "in 1 day", "in 5 hours", "in 40 minutes": rounded to the nearest unit. */
export function timeLeft(at: string, now: Date): string {
  const minutes = Math.max(0, (Date.parse(at) - now.getTime()) / 60_000);
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes >= 36 * 60) return plural(Math.round(minutes / (24 * 60)), 'day');
  if (minutes >= 90) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.max(1, Math.round(minutes)), 'minute');
}

/** One deadline as the call_deadline_changes record keeps it. */
export interface DeadlineSnapshot {
  position: number;
  label: string | null;
  /** UTC instant */
  at: string;
  timeZone: string;
}

/**
 * What changed between two sets of deadlines, one sentence per changed
 * stage ("The deadline changed from … to …."), or null when nothing did.
 * Stages are matched by position; a label names the stage when there are
 * several.
 */
export function deadlineChangeSentences(before: DeadlineSnapshot[], after: DeadlineSnapshot[]): string | null {
  const several = Math.max(before.length, after.length) > 1;
  const name = (d: DeadlineSnapshot) => (several ? `The deadline${d.label ? ` “${d.label}”` : ` ${d.position + 1}`}` : 'The deadline');
  const sentences: string[] = [];
  const positions = [...new Set([...before, ...after].map((d) => d.position))].sort((a, b) => a - b);
  for (const position of positions) {
    const was = before.find((d) => d.position === position);
    const is = after.find((d) => d.position === position);
    if (was && is) {
      if (was.at === is.at && was.timeZone === is.timeZone) continue;
      sentences.push(`${name(is)} changed from ${deadlineIn(was.at, was.timeZone)} to ${deadlineIn(is.at, is.timeZone)}.`);
    } else if (is) {
      sentences.push(`A deadline was added: ${deadlineIn(is.at, is.timeZone)}.`);
    } else if (was) {
      sentences.push(`${name(was)} of ${deadlineIn(was.at, was.timeZone)} was removed.`);
    }
  }
  return sentences.length ? sentences.join(' ') : null;
}
