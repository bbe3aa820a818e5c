/**
 * The time zone of an activity's place, and the few zones worth offering
 * first. The country → zones table is `countries-and-timezones` (built from
 * the IANA time zone database); names are Intl's, in the UI language.
 *
 * Which zone a place has (`zoneOfPlace`):
 * 1. a zone named after the city (`Madrid`, `Las Palmas` does not name one,
 *    `Canary` does not name a city) among the country's zones, links included;
 * 2. else the country's one zone: the zone whose home the country is
 *    (Belgium → Europe/Brussels, Germany → Europe/Berlin), or the country's
 *    own name for a zone it shares (the Netherlands → Europe/Amsterdam,
 *    Denmark → Europe/Copenhagen);
 * 3. else, for a country of several zones, the one on the European mainland
 *    when there is exactly one (Spain → Europe/Madrid, Portugal →
 *    Europe/Lisbon); otherwise none: the person chooses among the country's
 *    zones, which the picker offers first.
 */
import ct from 'countries-and-timezones';
import { TAGS, type Locale } from '$lib/i18n/index.js';

/** `Area/City` names only: not `CET`, `Poland` or `Etc/GMT+1` */
const PLACE_NAME = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;

/** lower case, accents and separators folded: `Bad Dürkheim` and `Bad_Durkheim` read alike */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

const cityOf = (zone: string) => zone.split('/').at(-1)!.replace(/_/g, ' ');

/** The country's zones (links included), as `Area/City` names. */
function zonesOfCountry(country: string): string[] {
  const found = ct.getCountry(country.toUpperCase(), { deprecated: true });
  return (found?.timezones ?? []).filter((zone) => PLACE_NAME.test(zone));
}

/** The country's zones without links: one per clock (what the suggestions list). */
export function countryZones(country: string | null | undefined): string[] {
  if (!country) return [];
  const found = ct.getCountry(country.toUpperCase());
  return (found?.timezones ?? []).filter((zone) => PLACE_NAME.test(zone));
}

/** The zone of a place (see the header), or null when the place does not say. */
export function zoneOfPlace(country: string | null | undefined, city: string | null | undefined): string | null {
  if (!country) return null;
  const code = country.toUpperCase();
  const all = zonesOfCountry(code);
  if (!all.length) return null;
  const wanted = city ? folded(city) : '';
  if (wanted) {
    const named = all.find((zone) => folded(cityOf(zone)) === wanted);
    if (named) return named;
  }
  const canonical = all.filter((zone) => !ct.getTimezone(zone)?.aliasOf);
  const home = canonical.filter((zone) => ct.getTimezone(zone)?.countries[0] === code);
  if (canonical.length === 1) {
    if (home.length === 1) return home[0]!;
    // a zone the country shares with another: its own name for it, when it has one
    const own = all.find((zone) => {
      const info = ct.getTimezone(zone);
      return info?.aliasOf === canonical[0] && info.countries.length === 1 && info.countries[0] === code;
    });
    return own ?? canonical[0]!;
  }
  if (home.length === 1) return home[0]!;
  const mainland = (home.length ? home : canonical).filter((zone) => zone.startsWith('Europe/'));
  return mainland.length === 1 ? mainland[0]! : null;
}

/**
 * The zones offered first, in this order and once each: the place's
 * (`place`, then its country's main one and the rest of its country's), the partnership's regions'
 * countries', the reader's own, and the one chosen now.
 */
export function suggestedZones({ place, placeCountry, regionCountries, reader, chosen }: { place: string | null; placeCountry: string | null | undefined; regionCountries: string[]; reader: string; chosen: string }): string[] {
  const list = [place, zoneOfPlace(placeCountry, null), ...countryZones(placeCountry), ...regionCountries.flatMap((country) => {
    const zone = zoneOfPlace(country, null);
    return zone ? [zone] : countryZones(country);
  }), reader, chosen].filter((zone): zone is string => Boolean(zone));
  return [...new Set(list)];
}

const names = new Map<string, string>();

/** `Europe/Brussels · Central European Time (GMT+1)` — the zone's long name and offset in the UI language. */
export function zoneName(locale: Locale, zone: string, at: Date = new Date()): string {
  const key = `${locale} ${zone}`;
  let name = names.get(key);
  if (name === undefined) {
    const part = (style: 'longGeneric' | 'shortOffset') => {
      try {
        return new Intl.DateTimeFormat(TAGS[locale], { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
      } catch {
        return '';
      }
    };
    const long = part('longGeneric');
    const offset = part('shortOffset');
    const id = zone.replace(/_/g, ' ');
    // UTC and the like: the id says it all
    if (!zone.includes('/')) name = id;
    else name = long && long !== offset ? `${id} · ${long} (${offset})` : offset ? `${id} (${offset})` : id;
    names.set(key, name);
  }
  return name;
}

/** The zones whose name (in the UI language) holds every word typed, at most `limit`. */
export function searchZones(locale: Locale, zones: readonly string[], text: string, limit = 40): string[] {
  const words = folded(text).split(' ').filter(Boolean);
  if (!words.length) return [];
  const found: string[] = [];
  for (const zone of zones) {
    const name = folded(zoneName(locale, zone));
    if (words.every((word) => name.includes(word))) found.push(zone);
    if (found.length >= limit) break;
  }
  return found;
}
