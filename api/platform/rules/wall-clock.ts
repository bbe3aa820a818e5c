/**
 * Time zones for thousands of instants at once (the calendar feed, the
 * deadline dashboard).
 *
 * Asking an IANA zone for its offset goes through Intl and costs tens of
 * microseconds; luxon does it for every DateTime it makes in such a zone.
 * `zoneWithKeptOffsets` is the same zone (luxon treats it as equal to the
 * IANA zone of that name) that asks once per quarter hour (UTC) and keeps
 * the answer: when the offsets at the quarter's first and last millisecond
 * agree, no transition falls inside it (transitions are hours apart), so
 * every instant in it has that offset; a quarter with a transition inside
 * is asked each time.
 */
import { FixedOffsetZone, IANAZone, Zone } from 'luxon';

const QUARTER_MS = 15 * 60_000;
/** offsets kept per zone before its memory starts again */
const MAX_KEPT = 50_000;

class ZoneWithKeptOffsets extends Zone {
  /** minutes east of UTC by quarter hour; null: a transition falls inside */
  private readonly kept = new Map<number, number | null>();

  constructor(private readonly zone: IANAZone) {
    super();
  }

  override get type() {
    return this.zone.type;
  }
  override get name() {
    return this.zone.name;
  }
  /** luxon 3.7 reads it (its types do not list it yet): an IANA zone's name */
  get ianaName() {
    return this.zone.name;
  }
  override get isUniversal() {
    return this.zone.isUniversal;
  }
  override get isValid() {
    return this.zone.isValid;
  }
  override offsetName(ts: number, opts: Parameters<Zone['offsetName']>[1]) {
    return this.zone.offsetName(ts, opts);
  }
  override formatOffset(ts: number, format: Parameters<Zone['formatOffset']>[1]) {
    return FixedOffsetZone.instance(this.offset(ts)).formatOffset(ts, format);
  }
  override equals(other: Zone) {
    return this.zone.equals(other);
  }

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_MS);
    let offset = this.kept.get(quarter);
    if (offset === undefined) {
      const first = this.zone.offset(quarter * QUARTER_MS);
      offset = first === this.zone.offset((quarter + 1) * QUARTER_MS - 1) ? first : null;
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(quarter, offset);
    }
    return offset ?? this.zone.offset(ts);
  }
}

const zones = new Map<string, ZoneWithKeptOffsets>();

/** The IANA zone `name`, keeping the offsets it was asked for; null for a name luxon does not know. */
export function zoneWithKeptOffsets(name: string): Zone | null {
  let zone = zones.get(name);
  if (!zone) {
    const iana = IANAZone.create(name);
    if (!iana.isValid) return null;
    zone = new ZoneWithKeptOffsets(iana);
    zones.set(name, zone);
  }
  return zone;
}
