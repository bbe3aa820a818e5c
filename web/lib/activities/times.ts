/**
 * Dates and times of activities as people read and type them. An activity
 * keeps the wall times of its place with an IANA zone; the API answers the
 * UTC instants beside them. Everything shown goes through Intl in the UI
 * language, in the activity's zone (and in the reader's when it differs).
 */
import { TAGS, type Locale } from '$lib/i18n/index.js';
import { type DateFormat, dateFormat } from '$lib/i18n/formats.js';

/** `2026-03-29T09:00` (or with seconds) → date and time as the inputs hold them. */
export function splitLocal(local: string | null | undefined): { date: string; time: string } {
  if (!local) return { date: '', time: '' };
  const [date = '', time = ''] = local.split('T');
  return { date, time: time.slice(0, 5) };
}

/** A date and a time input → the local wall time the API reads; what is missing goes as typed, and the API names the problem. */
export function joinLocal(date: string, time: string): string {
  if (!date && !time) return '';
  return `${date}T${time || '00:00'}`;
}

/** The zone the reader's device is set to. */
export function deviceZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the platform knows, with `extra` (e.g. a stored zone) kept in the list. */
export function timeZones(...extra: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  return [...new Set([...zones, 'UTC', ...extra.filter(Boolean)])].sort();
}

/** A zone's name as a person reads it: `America/Argentina/Buenos_Aires` → `America/Argentina/Buenos Aires`. */
export function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/** Today's date (`YYYY-MM-DD`) on the device's calendar. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function formatter(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions): DateFormat {
  return dateFormat(locale, { ...options, timeZone: zone });
}

/** Start to end in `zone`, shortened where the two share a day ("29 Mar 2026, 09:00–17:00"). */
export function formatSpan(locale: Locale, startsAt: string, endsAt: string, zone: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const format = formatter(locale, zone, options);
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
}

/** One instant in `zone`. */
export function formatInstant(locale: Locale, instant: string, zone: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return formatter(locale, zone, options).format(new Date(instant));
}

/** The time of day of an instant in `zone` ("09:30"). */
export function formatTime(locale: Locale, instant: string, zone: string): string {
  return formatter(locale, zone, { timeStyle: 'short' }).format(new Date(instant));
}

/** "2 days 3 h", "23 h", "45 min" from elapsed minutes, through Intl's unit formats. */
export function formatDuration(locale: Locale, minutes: number): string {
  const tag = TAGS[locale];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: name === 'day' ? 'long' : 'short' }).format(value);
  const parts = [days ? unit(days, 'day') : '', hours ? unit(hours, 'hour') : '', mins ? unit(mins, 'minute') : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : unit(0, 'minute');
}

// ——— the month view ———

/** `2026-11` when it is a month, else null. */
export function parseMonth(text: string | null | undefined): string | null {
  return text && /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}

/** The current month on the device (`2026-11`). */
export function currentMonth(): string {
  return today().slice(0, 7);
}

/** `2026-11` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  day: number;
  inMonth: boolean;
}

/** The weeks (Monday first) that show `month`, each seven days, days of the neighbouring months marked. */
export function monthWeeks(month: string): CalendarDay[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const start = new Date(Date.UTC(y, m - 1, 1 - offset));
  const weeks: CalendarDay[][] = [];
  for (let cursor = start; ; ) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: isoDay(cursor), day: cursor.getUTCDate(), inMonth: cursor.getUTCMonth() === m - 1 });
      cursor = new Date(cursor.getTime() + 86_400_000);
    }
    weeks.push(week);
    if (cursor.getUTCMonth() !== m - 1) break;
  }
  return weeks;
}

/** Monday … Sunday in the UI language: long names for headers, short for narrow screens. */
export function weekdayNames(locale: Locale): { long: string; short: string }[] {
  const long = new Intl.DateTimeFormat(TAGS[locale], { weekday: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(TAGS[locale], { weekday: 'short', timeZone: 'UTC' });
  // 1 Jan 2024 was a Monday
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(Date.UTC(2024, 0, 1 + i));
    return { long: long.format(d), short: short.format(d) };
  });
}

/** "November 2026" in the UI language. */
export function monthTitle(locale: Locale, month: string): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** A calendar day in the UI language ("Monday, 23 November 2026"). */
export function dayTitle(locale: Locale, date: string): string {
  return dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * The instants to ask the API for so every activity with a local day in
 * `month` comes back, whatever its zone (local days lie within UTC−12 … UTC+14).
 */
export function monthSpan(month: string): { from: string; to: string } {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const end = Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`);
  return { from: new Date(start - 14 * 3_600_000).toISOString(), to: new Date(end + 14 * 3_600_000).toISOString() };
}

/** The local days (in the activity's own zone) an activity covers, from its local start and end; at most `limit`. */
export function localDays(localStart: string, localEnd: string, limit = 400): string[] {
  const first = localStart.slice(0, 10);
  let last = localEnd.slice(0, 10);
  // ending at midnight does not put the activity on the next day
  if (last > first && /T00:00(:00)?$/.test(localEnd)) last = isoDay(new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000));
  const days: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); isoDay(d) <= last && days.length < limit; d = new Date(d.getTime() + 86_400_000)) days.push(isoDay(d));
  return days.length ? days : [first];
}
