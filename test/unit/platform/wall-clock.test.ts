/**
 * The zone that keeps its offsets gives the offsets and wall times of the
 * IANA zone itself, minute by minute across DST changes, for zones with
 * half-hour DST (Lord Howe), quarter-hour offsets (Kathmandu) and a
 * transition off the quarter hour (Amsterdam, 1 July 1937, from +00:19:32).
 */
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneWithKeptOffsets } from '../../../api/platform/rules/wall-clock.js';

const days: [string, string][] = [
  ['Europe/Brussels', '2027-03-28'],
  ['Europe/Brussels', '2027-10-31'],
  ['Europe/Lisbon', '2027-03-28'],
  ['America/New_York', '2027-03-14'],
  ['Australia/Lord_Howe', '2027-04-04'],
  ['Asia/Kathmandu', '1986-01-01'],
  ['Europe/Amsterdam', '1937-07-01']
];

describe('a zone that keeps its offsets', () => {
  it('is the IANA zone: the same offset and wall time at every minute of a transition day', () => {
    for (const [name, day] of days) {
      const iana = IANAZone.create(name);
      const kept = zoneWithKeptOffsets(name)!;
      const start = Date.parse(`${day}T00:00:00Z`) - 12 * 3_600_000;
      for (let ts = start; ts < start + 48 * 3_600_000; ts += 60_000) {
        expect(kept.offset(ts), `${name} ${new Date(ts).toISOString()}`).toBe(iana.offset(ts));
        // every second of the minute around a transition too
        if (kept.offset(ts) !== kept.offset(ts + 60_000)) for (let s = ts; s < ts + 60_000; s += 1_000) expect(kept.offset(s)).toBe(iana.offset(s));
      }
      const instant = start + 30 * 3_600_000;
      expect(DateTime.fromMillis(instant, { zone: kept }).toFormat("yyyy-MM-dd'T'HH:mm ZZ")).toBe(DateTime.fromMillis(instant, { zone: name }).toFormat("yyyy-MM-dd'T'HH:mm ZZ"));
    }
  });

  it('equals the IANA zone of its name, so luxon does not convert between them', () => {
    const kept = zoneWithKeptOffsets('Europe/Brussels')!;
    const at = DateTime.fromMillis(Date.parse('2027-03-25T16:00:00Z'), { zone: kept });
    expect(at.setZone('Europe/Brussels')).toBe(at);
    expect(at.toFormat('HH:mm')).toBe('17:00');
    expect(zoneWithKeptOffsets('Not/AZone')).toBeNull();
  });
});
