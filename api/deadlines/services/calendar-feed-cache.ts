/**
 * The written texts of calendar feeds, kept in memory by their ETag so an
 * unchanged feed is written once, however often calendars fetch it.
 *
 * - Kept as UTF-8 bytes, ready to send. Bounded by size: the texts
 *   together stay within `maxBytes`; the least recently used go first, and
 *   a text larger than the whole budget is not kept.
 * - Requests for a text still being written wait for that writing instead
 *   of starting another (16 calendars asking at once write it once).
 * - Keys are chosen by the caller; the calendar service puts the feed
 *   owner's id in each, so one user's text is never another's.
 */
export class CalendarFeedCache {
  private readonly texts = new Map<string, Uint8Array<ArrayBuffer>>();
  private readonly writing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The text under `key`, written by `write` when it is neither kept nor being written. */
  async get(key: string, write: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
    const kept = this.texts.get(key);
    if (kept !== undefined) {
      // most recently used last
      this.texts.delete(key);
      this.texts.set(key, kept);
      return kept;
    }
    let pending = this.writing.get(key);
    if (!pending) {
      pending = write().then(
        (text) => {
          this.writing.delete(key);
          this.keep(key, text);
          return text;
        },
        (error: unknown) => {
          this.writing.delete(key);
          throw error;
        }
      );
      this.writing.set(key, pending);
    }
    return pending;
  }

  /** How many texts and bytes are kept now. */
  size(): { texts: number; bytes: number } {
    return { texts: this.texts.size, bytes: this.bytes };
  }

  private keep(key: string, text: Uint8Array<ArrayBuffer>): void {
    const bytes = text.byteLength;
    if (bytes > this.maxBytes) return;
    for (const [oldest, old] of this.texts) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.texts.delete(oldest);
      this.bytes -= old.byteLength;
    }
    this.texts.set(key, text);
    this.bytes += bytes;
  }
}
