/**
 * How deadlines are written in notifications, emails and the calendar feed,
 * in the reader's language (the catalogue's `notices` feature): the wall
 * time in the zone the call was published in, with the reader's own time
 * beside it — "Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time",
 * "do 25 mrt 2027, 17:00 uur (Brussel) — 18:00 uur (Helsinki)",
 * "Do., 25. März 2027, 17:00 Uhr (Brüssel) — 18:00 Uhr (Helsinki)".
 * 24-hour clock. A zone is named by its city: the catalogue's name for the
 * zones it knows (Intl has no city names), else in English the zone's last
 * part and in German and Dutch Intl's long name of the zone
 * ("Nordamerikanische Ostküstenzeit").
 */
import { DateTime } from 'luxon';
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';

/** `Europe/Brussels` → `Brussels`, `America/New_York` → `New York`, `UTC` → `UTC`. */
export function cityOf(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

type Words = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/** The cities the catalogue names in each language, by zone. */
const CITIES: Record<string, Words> = {
  UTC: m.notices_city_UTC,
  'Europe/Brussels': m.notices_city_Brussels,
  'Europe/Lisbon': m.notices_city_Lisbon,
  'Europe/Helsinki': m.notices_city_Helsinki,
  'Europe/Berlin': m.notices_city_Berlin,
  'Europe/Amsterdam': m.notices_city_Amsterdam,
  'Europe/Paris': m.notices_city_Paris,
  'Europe/Luxembourg': m.notices_city_Luxembourg,
  'Europe/Vienna': m.notices_city_Vienna,
  'Europe/Rome': m.notices_city_Rome,
  'Europe/Madrid': m.notices_city_Madrid,
  'Europe/Warsaw': m.notices_city_Warsaw,
  'Europe/Prague': m.notices_city_Prague,
  'Europe/Athens': m.notices_city_Athens,
  'Europe/Dublin': m.notices_city_Dublin,
  'Europe/London': m.notices_city_London,
  'Europe/Stockholm': m.notices_city_Stockholm,
  'Europe/Copenhagen': m.notices_city_Copenhagen,
  'Europe/Bucharest': m.notices_city_Bucharest,
  'Europe/Sofia': m.notices_city_Sofia,
  'Europe/Budapest': m.notices_city_Budapest,
  'Europe/Zurich': m.notices_city_Zurich,
  'Europe/Oslo': m.notices_city_Oslo,
  'Europe/Riga': m.notices_city_Riga,
  'Europe/Tallinn': m.notices_city_Tallinn,
  'Europe/Vilnius': m.notices_city_Vilnius,
  'Europe/Ljubljana': m.notices_city_Ljubljana,
  'Europe/Zagreb': m.notices_city_Zagreb,
  'Europe/Bratislava': m.notices_city_Bratislava,
  'Europe/Valletta': m.notices_city_Valletta,
  'Asia/Nicosia': m.notices_city_Nicosia
};

/** Intl's long name of the zone in the language ("Mitteleuropäische Zeit"), or null when it has none. */
function intlZoneName(zone: string, locale: Locale): string | null {
  try {
    const part = new Intl.DateTimeFormat(TAGS[locale], { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? null;
  } catch {
    return null;
  }
}

/** The zone's name in the language: its city ("Brüssel"), else Intl's name of the zone, else the zone's last part. */
export function zonePlace(zone: string, locale: Locale = 'en'): string {
  const city = CITIES[zone];
  if (city) return city({}, { locale });
  return (locale === 'en' ? null : intlZoneName(zone, locale)) ?? cityOf(zone);
}

// English written out here rather than taken from ICU, whose abbreviations differ between Node builds ("Sep"/"Sept")
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function inZone(at: string, zone: string): DateTime {
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(zone);
}

/** "Thu 25 Mar", "Do., 25. März", "do 25 mrt" */
function dayOf(t: DateTime, locale: Locale): string {
  if (locale === 'en') return `${WEEKDAYS[t.weekday - 1]} ${t.day} ${MONTHS[t.month - 1]}`;
  return new Intl.DateTimeFormat(TAGS[locale], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(t.year, t.month - 1, t.day));
}

/** "Thu 25 Mar 2027", "Do., 25. März 2027", "do 25 mrt 2027" */
function dayWithYear(t: DateTime, locale: Locale): string {
  if (locale === 'en') return `${dayOf(t, locale)} ${t.year}`;
  return new Intl.DateTimeFormat(TAGS[locale], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(t.year, t.month - 1, t.day));
}

/** A calendar date (`YYYY-MM-DD`) as "Mon 20 Sep 2027" in the language. */
export function dateWords(date: string, locale: Locale = 'en'): string {
  return dayWithYear(DateTime.fromISO(date, { zone: 'utc' }), locale);
}

/** "17:00 Brussels time", "17:00 Uhr (Brüssel)" */
function timeIn(t: DateTime, zone: string, locale: Locale): string {
  return m.notices_timeIn({ time: t.toFormat('HH:mm'), place: zonePlace(zone, locale) }, { locale });
}

/**
 * The instant's wall time in a zone, in the language: "17:00 Brussels time",
 * "17:00 Uhr (Brüssel)", "17:00 uur (Brussel)" (Intl's 24-hour clock of the
 * language; the zone's last part for a zone Intl does not know).
 */
export function wallTimeWords(at: string, zone: string, locale: Locale = 'en'): string {
  let time: string;
  try {
    time = new Intl.DateTimeFormat(TAGS[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(Date.parse(at));
  } catch {
    time = inZone(at, 'utc').toFormat('HH:mm');
    return m.notices_timeIn({ time, place: 'UTC' }, { locale });
  }
  return m.notices_timeIn({ time, place: zonePlace(zone, locale) }, { locale });
}

/** "Thu 25 Mar 2027, 17:00 Brussels time" */
export function deadlineIn(at: string, zone: string, locale: Locale = 'en'): string {
  const t = inZone(at, zone);
  return `${dayWithYear(t, locale)}, ${timeIn(t, zone, locale)}`;
}

/**
 * The deadline in its own zone and, when the reader lives elsewhere, in
 * theirs: "Thu 25 Mar 2027, 17:00 Brussels time — 18:00 Helsinki time"
 * (the reader's date is repeated when it is another day).
 */
export function deadlineInBothZones(at: string, callZone: string, readerZone: string, locale: Locale = 'en'): string {
  const own = deadlineIn(at, callZone, locale);
  if (readerZone === callZone) return own;
  const theirs = inZone(at, readerZone);
  const sameDay = theirs.toISODate() === inZone(at, callZone).toISODate();
  return `${own} — ${sameDay ? '' : `${dayOf(theirs, locale)}, `}${timeIn(theirs, readerZone, locale)}`;
}

/** "in 14 days", "in 1 Tag", "over 5 uur", "in 40 minutes": rounded to the nearest unit. */
export function timeLeft(at: string, now: Date, locale: Locale = 'en'): string {
  const minutes = Math.max(0, (Date.parse(at) - now.getTime()) / 60_000);
  if (minutes >= 36 * 60) return m.notices_inDays({ count: Math.round(minutes / (24 * 60)) }, { locale });
  if (minutes >= 90) return m.notices_inHours({ count: Math.round(minutes / 60) }, { locale });
  return m.notices_inMinutes({ count: Math.max(1, Math.round(minutes)) }, { locale });
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
 * several. Each instant is in the zone it was published in and, given a
 * reader's zone that differs, in theirs beside it (deadlineInBothZones).
 */
export function deadlineChangeSentences(before: DeadlineSnapshot[], after: DeadlineSnapshot[], locale: Locale = 'en', readerZone: string | null = null): string | null {
  const several = Math.max(before.length, after.length) > 1;
  const when = (d: DeadlineSnapshot) => (readerZone ? deadlineInBothZones(d.at, d.timeZone, readerZone, locale) : deadlineIn(d.at, d.timeZone, locale));
  const sentences: string[] = [];
  const positions = [...new Set([...before, ...after].map((d) => d.position))].sort((a, b) => a - b);
  for (const position of positions) {
    const was = before.find((d) => d.position === position);
    const is = after.find((d) => d.position === position);
    if (was && is) {
      if (was.at === is.at && was.timeZone === is.timeZone) continue;
      const change = { from: when(was), to: when(is) };
      if (!several) sentences.push(m.notices_deadlineChanged(change, { locale }));
      else if (is.label) sentences.push(m.notices_namedDeadlineChanged({ ...change, name: is.label }, { locale }));
      else sentences.push(m.notices_numberedDeadlineChanged({ ...change, number: is.position + 1 }, { locale }));
    } else if (is) {
      sentences.push(m.notices_deadlineAdded({ when: when(is) }, { locale }));
    } else if (was) {
      if (!several) sentences.push(m.notices_deadlineRemoved({ when: when(was) }, { locale }));
      else if (was.label) sentences.push(m.notices_namedDeadlineRemoved({ when: when(was), name: was.label }, { locale }));
      else sentences.push(m.notices_numberedDeadlineRemoved({ when: when(was), number: was.position + 1 }, { locale }));
    }
  }
  return sentences.length ? sentences.join(' ') : null;
}
