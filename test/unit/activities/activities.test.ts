import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantCounts, resolveTimes } from '../../../api/activities/services/activities.js';
import { NonexistentLocalTime, durationMinutes, isTimeZone, offsetAt, toInstant, toLocal } from '../../../api/platform/rules/local-times.js';
import { ValidationFailed } from '../../../api/platform/http/errors.js';

const BRUSSELS = 'Europe/Brussels';

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationFailed) return (error.extra.errors as { path: string }[]).map((e) => e.path);
    throw error;
  }
  return [];
}

describe('local wall times and UTC instants', () => {
  it('reads a wall time in its zone, winter and summer', () => {
    expect(toInstant('2026-01-15T09:00', BRUSSELS)).toBe('2026-01-15T08:00:00.000Z');
    expect(toInstant('2026-07-15T09:00', BRUSSELS)).toBe('2026-07-15T07:00:00.000Z');
    expect(toInstant('2026-07-15T09:00:30', 'America/New_York')).toBe('2026-07-15T13:00:30.000Z');
    expect(toLocal('2026-07-15T07:00:00.000Z', BRUSSELS)).toBe('2026-07-15T09:00');
    expect(toLocal('2026-07-15T13:00:30.000Z', 'America/New_York')).toBe('2026-07-15T09:00:30');
    expect(offsetAt('2026-07-15T07:00:00.000Z', BRUSSELS)).toBe('+02:00');
  });

  it('keeps an instant given with an offset as that instant', () => {
    expect(toInstant('2026-03-29T09:00:00+05:30', BRUSSELS)).toBe('2026-03-29T03:30:00.000Z');
    expect(toInstant('2026-03-29T09:00Z', BRUSSELS)).toBe('2026-03-29T09:00:00.000Z');
  });

  it('counts an activity from 28 March 18:00 to 29 March 18:00 in Brussels as 23 hours, and one over the autumn change as 25', () => {
    expect(durationMinutes(toInstant('2026-03-28T18:00', BRUSSELS), toInstant('2026-03-29T18:00', BRUSSELS))).toBe(23 * 60);
    expect(durationMinutes(toInstant('2026-10-24T18:00', BRUSSELS), toInstant('2026-10-25T18:00', BRUSSELS))).toBe(25 * 60);
    expect(durationMinutes(toInstant('2026-06-01T18:00', BRUSSELS), toInstant('2026-06-02T18:00', BRUSSELS))).toBe(24 * 60);
  });

  it('refuses a wall time the clocks skip, and takes the first of a repeated one', () => {
    expect(() => toInstant('2026-03-29T02:30', BRUSSELS)).toThrow(NonexistentLocalTime);
    expect(() => toInstant('2026-03-08T02:30', 'America/New_York')).toThrow(NonexistentLocalTime);
    // Lord Howe moves by half an hour
    expect(() => toInstant('2026-10-04T02:15', 'Australia/Lord_Howe')).toThrow(NonexistentLocalTime);
    expect(toInstant('2026-03-29T03:00', BRUSSELS)).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 on 25 October 2026 happens twice in Brussels: first at +02:00
    expect(toInstant('2026-10-25T02:30', BRUSSELS)).toBe('2026-10-25T00:30:00.000Z');
    expect(toLocal('2026-10-25T01:30:00.000Z', BRUSSELS)).toBe('2026-10-25T02:30');
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('CEST')).toBe(false);
  });

  it('gives back the wall time it was given, for every existing minute of a year (property)', () => {
    const zones = fc.constantFrom(BRUSSELS, 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata');
    const minute = fc.integer({ min: 0, max: 365 * 24 * 60 - 1 });
    fc.assert(
      fc.property(zones, minute, (zone, m) => {
        const local = new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString().slice(0, 16);
        let instant: string;
        try {
          instant = toInstant(local, zone);
        } catch (error) {
          // only a skipped wall time may be refused
          expect(error).toBeInstanceOf(NonexistentLocalTime);
          return;
        }
        expect(toLocal(instant, zone)).toBe(local);
      })
    );
  });
});

describe('resolveTimes', () => {
  const stored = { starts_at: '2026-03-29T07:00:00.000Z', ends_at: '2026-03-30T15:00:00.000Z', time_zone: BRUSSELS, next_meeting_at: null };

  it('stores instants and wall times for a new activity', () => {
    expect(resolveTimes({ startsAt: '2026-03-29T09:00', endsAt: '2026-03-30T17:00', timeZone: BRUSSELS, nextMeetingAt: '2026-06-01T10:00' })).toEqual({
      starts_at: '2026-03-29T07:00:00.000Z',
      ends_at: '2026-03-30T15:00:00.000Z',
      starts_local: '2026-03-29T09:00',
      ends_local: '2026-03-30T17:00',
      time_zone: BRUSSELS,
      next_meeting_at: '2026-06-01T08:00:00.000Z'
    });
  });

  it('refuses an end before the start, and skipped wall times, at their fields', () => {
    expect(paths(() => resolveTimes({ startsAt: '2026-03-29T09:00', endsAt: '2026-03-29T08:59', timeZone: BRUSSELS }))).toEqual(['endsAt']);
    expect(paths(() => resolveTimes({ startsAt: '2026-03-29T02:30', endsAt: '2026-03-29T08:59', timeZone: BRUSSELS }))).toEqual(['startsAt']);
    expect(paths(() => resolveTimes({ startsAt: '2026-03-29T09:00', endsAt: '2026-03-29T09:00', timeZone: BRUSSELS }))).toEqual([]);
    // compared as instants: 01:30 UTC+1 is before 03:15 UTC+2 although it reads earlier
    expect(paths(() => resolveTimes({ startsAt: '2026-03-29T01:30', endsAt: '2026-03-29T03:15', timeZone: BRUSSELS }))).toEqual([]);
    expect(paths(() => resolveTimes({ endsAt: '2026-03-28T12:00' }, stored))).toEqual(['endsAt']);
  });

  it('keeps the wall times when only the zone changes, and reads new local times in the stored zone', () => {
    expect(resolveTimes({ timeZone: 'Europe/London' }, stored)).toMatchObject({ starts_at: '2026-03-29T08:00:00.000Z', ends_at: '2026-03-30T16:00:00.000Z', starts_local: '2026-03-29T09:00' });
    expect(resolveTimes({ endsAt: '2026-03-31T10:00' }, stored)).toMatchObject({ starts_at: stored.starts_at, ends_at: '2026-03-31T08:00:00.000Z', ends_local: '2026-03-31T10:00' });
  });
});

describe('participantCounts', () => {
  const row = (person: string | null, organisation: string | null, kind: string | null, region: string | null) => ({
    person_id: person,
    organisation_id: organisation,
    kind,
    region_id: region,
    region_name: region ? region.toUpperCase() : null
  });

  it('counts distinct people and organisations by region and kind, most first', () => {
    const counts = participantCounts([
      row('anna', 'kul', 'university_research', 'vb'),
      row('anna', 'kul', 'university_research', 'vb'), // the same person in a second role
      row('jan', 'kul', 'university_research', 'vb'),
      row(null, 'vrrn', 'regional_authority', 'rn'),
      row(null, 'pfb', 'regional_authority', 'vb'),
      row('solo', null, null, null)
    ]);
    expect(counts).toEqual({
      total: 5,
      byRegion: [
        { regionId: 'vb', regionName: 'VB', count: 3 },
        { regionId: 'rn', regionName: 'RN', count: 1 },
        { regionId: null, regionName: null, count: 1 }
      ],
      byKind: [
        { kind: 'regional_authority', count: 2 },
        { kind: 'university_research', count: 2 },
        { kind: null, count: 1 }
      ]
    });
  });

  it('is empty without participants', () => {
    expect(participantCounts([])).toEqual({ total: 0, byRegion: [], byKind: [] });
  });
});
