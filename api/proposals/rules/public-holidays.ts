/**
 * The days a party's offices are closed, for planning milestones backwards:
 * the public holidays (and the bank holidays many offices close on, such as
 * 24 and 31 December in Germany) of a country and, where the NUTS code
 * names one, its state or region, from the date-holidays library (its data
 * ships with the package; no network).
 *
 * A place is a country (ISO 3166-1 alpha-2) and an optional NUTS code. The
 * NUTS code's first level picks the subdivision the library knows: the
 * German Länder (DE1 Baden-Württemberg … DEG Thüringen) and Belgium's
 * regions (BE1 Brussels, BE2 Flanders, BE3 Wallonia).
 */
import Holidays from 'date-holidays';
import type { Locale } from '../../../i18n/locales.js';

export interface Place {
  country: string;
  nutsCode: string | null;
}

/** NUTS level 1 → the library's subdivision code */
const SUBDIVISIONS: Record<string, string> = {
  DE1: 'BW', DE2: 'BY', DE3: 'BE', DE4: 'BB', DE5: 'HB', DE6: 'HH', DE7: 'HE', DE8: 'MV',
  DE9: 'NI', DEA: 'NW', DEB: 'RP', DEC: 'SL', DED: 'SN', DEE: 'ST', DEF: 'SH', DEG: 'TH',
  BE1: 'BRU', BE2: 'VLG', BE3: 'WAL'
};

/** the kinds of day the library lists that close offices */
const CLOSED = new Set(['public', 'bank']);

/** a place's closed days of one year: date → the holiday's name */
type Year = Map<string, string>;
const years = new Map<string, Year>();

function subdivisionOf(place: Place): string | undefined {
  const code = place.nutsCode?.toUpperCase().slice(0, 3);
  return code && code.startsWith(place.country.toUpperCase()) ? SUBDIVISIONS[code] : undefined;
}

function closedDaysOf(place: Place, year: number, locale: Locale): Year {
  const country = place.country.toUpperCase();
  const subdivision = subdivisionOf(place);
  const key = `${country}/${subdivision ?? ''}/${year}/${locale}`;
  let days = years.get(key);
  if (!days) {
    days = new Map();
    const calendar = new Holidays();
    // a country the library does not know has no holidays here (weekends still move)
    calendar.init(country, subdivision ?? '', { languages: [locale], types: [...CLOSED] } as never);
    for (const holiday of calendar.getHolidays(year) || []) {
      if (!CLOSED.has(holiday.type)) continue;
      const date = holiday.date.slice(0, 10);
      if (!days.has(date)) days.set(date, holiday.name);
    }
    years.set(key, days);
  }
  return days;
}

/**
 * The holiday on a date (`YYYY-MM-DD`) in any of the places, named in
 * `locale` (the first place's first, the library's own name where it has
 * none in that language), or null on a working day.
 */
export function holidayIn(places: readonly Place[], locale: Locale): (date: string) => string | null {
  return (date) => {
    const year = Number(date.slice(0, 4));
    for (const place of places) {
      const name = closedDaysOf(place, year, locale).get(date);
      if (name) return name;
    }
    return null;
  };
}
