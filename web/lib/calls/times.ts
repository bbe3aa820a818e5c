/**
 * Deadlines as people read them: an exact instant shown as the wall time of
 * the zone it was published in, with the reader's own wall time beside it
 * ("17:00 Brussels — 18:00 your time"), and how long is left. Everything
 * goes through Intl in the UI language.
 */
import { TAGS, type Locale } from '$lib/i18n/index.js';
import { type DateFormat, dateFormat } from '$lib/i18n/formats.js';
import { callsCities } from '$lib/i18n/labels/calls.js';

/** The place a zone is named after, in the UI language where the catalogue names it: `Europe/Brussels` → `Brussel` (nl), `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
export function zoneCity(zone: string): string {
  return Object.hasOwn(callsCities, zone) ? callsCities[zone]!() : (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

const formats = new Map<string, DateFormat>();

function format(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions): DateFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = dateFormat(locale, { ...options, timeZone: zone });
    formats.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const ISO_DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

export interface BothTimes {
  /** the day in the deadline's own zone ("Thu, 18 Feb 2027") */
  date: string;
  /** the time there ("17:00") */
  time: string;
  /** the place the zone is named after ("Brussels") */
  city: string;
  /** the reader's time, when the reader's zone is known and is another zone */
  reader: {
    time: string;
    /** the reader's day, only when it is not the deadline's own day */
    date: string | null;
    city: string;
  } | null;
}

/** An instant in its own zone and in the reader's (null until the browser has told which). */
export function bothTimes(locale: Locale, instant: string, zone: string, readerZone: string | null): BothTimes {
  const at = new Date(instant);
  const own = { date: format(locale, zone, DAY).format(at), time: format(locale, zone, TIME).format(at), city: zoneCity(zone) };
  if (!readerZone || readerZone === zone) return { ...own, reader: null };
  const ownDay = format('en', zone, ISO_DAY).format(at);
  const readerDay = format('en', readerZone, ISO_DAY).format(at);
  return {
    ...own,
    reader: {
      time: format(locale, readerZone, TIME).format(at),
      date: ownDay === readerDay ? null : format(locale, readerZone, DAY).format(at),
      city: zoneCity(readerZone)
    }
  };
}

/** A calendar date (`YYYY-MM-DD`) with its weekday, never shifted by a zone. */
export function formatDay(locale: Locale, date: string): string {
  return format(locale, 'UTC', DAY).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** The wall time of an instant in `zone` as a date input and a time input hold it. */
export function wallParts(instant: string, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    // machine parts, not words for a reader: Intl as it is
    new Intl.DateTimeFormat('en', { ...ISO_DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value])
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export interface Countdown {
  passed: boolean;
  /** "12 days 5 hours", "5 hours 30 minutes", "42 minutes" (future) or "3 hours ago" (passed) */
  text: string;
  /** whole days left (0 on the last day; negative once passed) */
  days: number;
}

/** How long until `instant` from `now`, in at most two units. */
export function countdown(locale: Locale, instant: string, now: number): Countdown {
  const tag = TAGS[locale];
  const seconds = Math.round((Date.parse(instant) - now) / 1000);
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (seconds <= 0) {
    const ago = -seconds;
    const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'always' });
    const text = ago >= 86_400 ? rtf.format(-Math.floor(ago / 86_400), 'day') : ago >= 3600 ? rtf.format(-Math.floor(ago / 3600), 'hour') : rtf.format(-Math.max(1, Math.floor(ago / 60)), 'minute');
    return { passed: true, text, days: -Math.ceil(ago / 86_400) };
  }
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = days ? [unit(days, 'day'), hours ? unit(hours, 'hour') : ''] : hours ? [unit(hours, 'hour'), minutes ? unit(minutes, 'minute') : ''] : [unit(Math.max(1, minutes), 'minute')];
  return { passed: false, text: parts.filter(Boolean).join(' '), days };
}

/** How urgent a deadline this many days ahead is: the colour of its badge. */
export function urgency(days: number, passed: boolean): 'danger' | 'warn' | '' {
  if (passed || days < 3) return 'danger';
  return days < 14 ? 'warn' : '';
}
