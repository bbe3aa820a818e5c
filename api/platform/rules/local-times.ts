/**
 * Local wall times ↔ UTC instants for activities, through luxon's IANA
 * zone data (the zone database the platform's Intl carries).
 *
 * - An activity is planned in the wall time of the place it happens in
 *   (`2026-03-29T09:00` in `Europe/Brussels`) and stored as UTC instants
 *   with the zone, so durations across a DST change are real elapsed time:
 *   28 March 18:00 to 29 March 18:00 in Brussels lasts 23 hours.
 * - A wall time that does not exist (the hour skipped when clocks go
 *   forward, e.g. 02:30 on 29 March 2026 in Brussels) is refused; one that
 *   exists twice (the hour repeated when clocks go back) is taken as the
 *   first of the two, as a person reading "02:30" on the agenda would
 *   expect it before the clocks turn.
 * - Input may also be an instant with an offset or `Z`; it is kept as that
 *   instant and shown in the activity's zone.
 * Instants are written as `Date#toISOString()` does (`…:00.000Z`) so that
 * they sort as text together with the other instants of the database.
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { type Words, render, words } from '../http/problem-words.js';

/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`, no offset */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
/** an instant: a local form followed by `Z` or `±HH:MM` (milliseconds allowed) */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

export function isLocalDateTime(text: string): boolean {
  return LOCAL.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

export function isInstant(text: string): boolean {
  return INSTANT.test(text) && DateTime.fromISO(text, { setZone: true }).isValid;
}

/** A date-time as accepted from clients: a local wall time or an instant. */
export function isDateTimeInput(text: string): boolean {
  return isLocalDateTime(text) || isInstant(text);
}

/** A wall time the clocks jump over; `words` say so beside the field in the reader's language, `message` in English. */
export class NonexistentLocalTime extends Error {
  readonly words: Words;
  constructor(
    readonly local: string,
    readonly zone: string
  ) {
    const said = words('problems_field_nonexistentLocalTime', { time: local.replace('T', ' '), zone });
    super(render(said));
    this.words = said;
  }
}

function wallTime(dt: DateTime): string {
  return dt.toFormat(dt.second ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
}

/**
 * The UTC instant (`…Z`) of a client's date-time in `zone`: a local wall
 * time is read in the zone, an instant is kept. Throws NonexistentLocalTime
 * for a wall time skipped by a DST change.
 */
export function toInstant(input: string, zone: string): string {
  if (isInstant(input)) return DateTime.fromISO(input, { setZone: true }).toUTC().toJSDate().toISOString();
  const naive = DateTime.fromISO(input, { zone: 'UTC' });
  if (!LOCAL.test(input) || !naive.isValid) throw new RangeError(`Not a local date-time: ${input}`);
  // the zone's offsets around that day; each one that gives back the same wall time is a reading
  const around = [naive.minus({ days: 1 }), naive, naive.plus({ days: 1 })].map((d) => d.setZone(zone, { keepLocalTime: true }).offset);
  const wanted = wallTime(naive);
  const readings = [...new Set(around)]
    .map((offset) => DateTime.fromISO(input, { zone: FixedOffsetZone.instance(offset) }))
    .filter((dt) => wallTime(dt.setZone(zone)) === wanted)
    .map((dt) => dt.toMillis())
    .sort((a, b) => a - b);
  if (!readings.length) throw new NonexistentLocalTime(input, zone);
  return new Date(readings[0]!).toISOString();
}

/** The wall time of a UTC instant in `zone`: `YYYY-MM-DDTHH:mm` (`:ss` only when not zero). */
export function toLocal(instant: string, zone: string): string {
  return wallTime(DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone));
}

/** The zone's offset at that instant, e.g. `+02:00`. */
export function offsetAt(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).toFormat('ZZ');
}

/** Elapsed whole minutes between two instants (DST changes included). */
export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}

/** The instant as UTC text (`…Z`), the form stored and compared. */
export function utc(instant: string): string {
  return new Date(DateTime.fromISO(instant, { setZone: true }).toMillis()).toISOString();
}
