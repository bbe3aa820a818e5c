/**
 * The zone of an activity's place (web/lib/activities/place-zones.ts), the
 * short list the picker offers first, zone names in the UI language, and
 * what a stale save keeps (stale-edit.ts).
 */
import { describe, expect, it } from 'vitest';
import { blankValues } from '../../../web/lib/activities/activity-values.js';
import { countryZones, searchZones, suggestedZones, zoneName, zoneOfPlace } from '../../../web/lib/activities/place-zones.js';
import { mergeStale, settle } from '../../../web/lib/activities/stale-edit.js';
import { isTimeZone } from '../../../api/platform/rules/local-times.js';

describe('the zone of a place', () => {
  it('follows the country, its own name for a shared zone, and a city that names a zone', () => {
    expect(zoneOfPlace('BE', 'Leuven')).toBe('Europe/Brussels');
    expect(zoneOfPlace('DE', 'Mannheim')).toBe('Europe/Berlin');
    expect(zoneOfPlace('NL', 'Utrecht')).toBe('Europe/Amsterdam');
    expect(zoneOfPlace('DK', '')).toBe('Europe/Copenhagen');
    expect(zoneOfPlace('GB', 'Cardiff')).toBe('Europe/London');
    expect(zoneOfPlace('ES', 'Sevilla')).toBe('Europe/Madrid');
    expect(zoneOfPlace('PT', null)).toBe('Europe/Lisbon');
    expect(zoneOfPlace('US', 'Chicago')).toBe('America/Chicago');
    expect(zoneOfPlace('us', 'new york')).toBe('America/New_York');
  });

  it('says nothing where the place does not decide: several zones and no city naming one, or no country', () => {
    expect(zoneOfPlace('US', 'Boston')).toBeNull();
    expect(zoneOfPlace('AU', '')).toBeNull();
    expect(zoneOfPlace('', 'Leuven')).toBeNull();
    expect(zoneOfPlace('XX', 'Leuven')).toBeNull();
    expect(countryZones('US').length).toBeGreaterThan(5);
  });

  it('answers only zones the API takes', () => {
    for (const [country, city] of [['BE', ''], ['NL', ''], ['DK', ''], ['LU', ''], ['DE', ''], ['US', 'Chicago'], ['UA', 'Kyiv']] as const) {
      const zone = zoneOfPlace(country, city);
      expect(zone && isTimeZone(zone), `${country} ${city}: ${zone}`).toBe(true);
    }
  });
});

describe('the zone picker', () => {
  it("offers the place's zones, the partnership's regions', the reader's and the chosen one first, once each", () => {
    expect(suggestedZones({ place: 'Europe/Brussels', placeCountry: 'BE', regionCountries: ['DE', 'BE'], reader: 'Europe/Helsinki', chosen: 'Europe/Helsinki' })).toEqual([
      'Europe/Brussels',
      'Europe/Berlin',
      'Europe/Helsinki'
    ]);
    expect(suggestedZones({ place: null, placeCountry: 'PT', regionCountries: [], reader: 'UTC', chosen: '' })).toEqual(['Europe/Lisbon', 'Atlantic/Azores', 'Atlantic/Madeira', 'UTC']);
  });

  it('names zones in the UI language and finds them by any word of that name', () => {
    expect(zoneName('en', 'Europe/Brussels', new Date('2026-01-15T12:00:00Z'))).toBe('Europe/Brussels · Central European Time (GMT+1)');
    expect(zoneName('de', 'Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe('Europe/Berlin · Mitteleuropäische Zeit (GMT+1)');
    expect(zoneName('nl', 'America/New_York', new Date('2026-01-15T12:00:00Z'))).toContain('America/New York');
    expect(zoneName('en', 'UTC')).toBe('UTC');
    const zones = ['Europe/Brussels', 'Europe/Lisbon', 'America/Sao_Paulo', 'Atlantic/Azores'];
    expect(searchZones('en', zones, 'lisbon')).toEqual(['Europe/Lisbon']);
    expect(searchZones('en', zones, 'sao paulo')).toEqual(['America/Sao_Paulo']);
    expect(searchZones('de', zones, 'mitteleuropäische')).toEqual(['Europe/Brussels']);
    expect(searchZones('en', zones, '  ')).toEqual([]);
  });
});

describe('a stale save', () => {
  const base = blankValues({ title: 'Visit', city: 'Leuven', description: 'Plan', venue: '' });

  it("keeps what was typed, takes in the other save's changes to untouched fields, and names the fields both changed", () => {
    const theirs = { ...base, venue: 'Provinciehuis', title: 'Visit to Leuven' };
    const yours = { ...base, description: 'Plan and notes', title: 'Working visit' };
    const outcome = mergeStale(base, theirs, yours);
    expect(outcome.values).toMatchObject({ venue: 'Provinciehuis', description: 'Plan and notes', title: 'Working visit' });
    expect(outcome.taken).toEqual(['venue']);
    expect(outcome.conflicts).toEqual([{ field: 'title', base: 'Visit', theirs: 'Visit to Leuven', yours: 'Working visit' }]);
    // settled: the title chosen is kept, a field not chosen takes theirs
    expect(settle(outcome.values, outcome.conflicts, { title: 'Working visit' }).title).toBe('Working visit');
    expect(settle(outcome.values, outcome.conflicts, {}).title).toBe('Visit to Leuven');
  });

  it('sees no conflict where both made the same change', () => {
    const same = { ...base, city: 'Brussels' };
    expect(mergeStale(base, same, same)).toEqual({ values: same, taken: [], conflicts: [] });
  });
});
