/**
 * The ICS text of a calendar built with ical-generator, written without
 * blocking the event loop for long.
 *
 * - ical-generator writes the calendar's own lines and every event; the
 *   VTIMEZONE of each zone the events use comes from
 *   @touch4it/ical-timezones, read once per zone and process.
 * - Lines are folded at 75 octets here, not by ical-generator 10: its
 *   `foldLines` encodes every character with a new TextEncoder, which took
 *   seconds for 10,000 events (fixed upstream in ical-generator 11.1.0,
 *   sebbo2002/ical-generator#765; with that version `calendar.toString()`
 *   would do).
 * - The writer yields to the event loop (`setImmediate`) every few
 *   milliseconds, so other requests are answered while a large feed is
 *   written, and encodes the text as it goes.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { type ICalCalendar, ICalEvent, type ICalEventData } from 'ical-generator';
import { TimeSlice } from '../../platform/index.js';

/** the writer yields to the event loop after holding it this long */
const HOLD_MS = 8;
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets; a continuation line starts with a space, so 74 for the text (as ical-generator) */
const MAX_OCTETS = 74;
const END = 'END:VCALENDAR';

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE component of a zone with CRLF line ends, or null for a zone the library does not know. */
export function vtimezoneOf(zone: string): string | null {
  let text = vtimezones.get(zone);
  if (text === undefined) {
    const component = getVtimezoneComponent(zone);
    text = component ? `${component.replace(/\r?\n/g, '\r\n').trim()}\r\n` : null;
    vtimezones.set(zone, text);
  }
  return text;
}

/** Folds each line longer than 74 octets (UTF-8) into continuation lines starting with a space, never inside a character; the same text as ical-generator's foldLines. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function foldLine(line: string): string {
  // at most 3 octets per UTF-16 unit: a line of 24 units always fits
  if (line.length * 3 <= MAX_OCTETS || (line.length <= MAX_OCTETS && !NON_ASCII.test(line))) return line;
  const pieces: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // a surrogate pair is one character of 4 octets
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > MAX_OCTETS) {
      pieces.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    if (pair) i++;
  }
  pieces.push(line.slice(start));
  return pieces.join('\r\n ');
}

const encoder = new TextEncoder();

/**
 * Writes the ICS text of `calendar` (its own lines, set by the caller) as
 * UTF-8: events are added in batches, then `bytes()` puts one VTIMEZONE
 * per zone the events use before them. It yields to the event loop
 * whenever it has held it for a few milliseconds, and encodes what it
 * wrote before each yield, so no step grows with the number of events
 * except copying the bytes together at the end.
 */
export class IcsWriter {
  private readonly zones = new Set<string>();
  /** events written and not yet encoded */
  private pending: string[] = [];
  private readonly encoded: Uint8Array[] = [];
  private readonly slice = new TimeSlice(HOLD_MS);

  constructor(private readonly calendar: ICalCalendar) {}

  /** Adds an event per item, in their order. */
  async add<T>(items: readonly T[], eventOf: (item: T) => ICalEventData): Promise<void> {
    for (const item of items) {
      await this.pause();
      const data = eventOf(item);
      const event = new ICalEvent(data, this.calendar);
      // ical-generator 10 drops an alarm's `relatesTo` given as data (its constructor never reads it): set it on the alarm made
      data.alarms?.forEach((alarm, i) => {
        if ('relatesTo' in alarm && typeof alarm.relatesTo === 'string') event.alarms()[i]!.relatesTo(alarm.relatesTo);
      });
      const zone = event.timezone();
      if (zone && !zone.startsWith('/')) this.zones.add(zone);
      this.pending.push(foldLines(event.toString()));
    }
  }

  /** Lets other work run when the writer has held the event loop for a few milliseconds. */
  async pause(): Promise<void> {
    if (!this.slice.spent) return;
    this.encodePending();
    await this.slice.yield();
  }

  /** The whole calendar as UTF-8. */
  bytes(): Uint8Array<ArrayBuffer> {
    this.encodePending();
    const frame = foldLines(this.calendar.toString());
    if (!frame.endsWith(END)) throw new Error('ical-generator ended a calendar with something other than END:VCALENDAR');
    const vtimezones = [...this.zones].map(vtimezoneOf).filter((text) => text !== null);
    const parts = [encoder.encode(frame.slice(0, -END.length) + vtimezones.join('')), ...this.encoded, encoder.encode(END)];
    const bytes = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return bytes;
  }

  private encodePending(): void {
    if (!this.pending.length) return;
    this.encoded.push(encoder.encode(this.pending.join('')));
    this.pending = [];
  }
}
