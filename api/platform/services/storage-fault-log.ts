/**
 * Storage faults in the server's log without flooding it: on a full disk
 * every request can meet the same fault, so each (what, kind) is logged at
 * most once per `quietMs` (5 minutes), with how many were not logged since.
 */
import type { StorageFault } from '../../../db/storage-faults.js';

const QUIET_MS = 5 * 60_000;

export class StorageFaultLog {
  private readonly last = new Map<string, { at: number; unlogged: number }>();

  constructor(
    private readonly log: (line: string) => void = (line) => console.warn(line),
    private readonly now: () => number = Date.now,
    private readonly quietMs = QUIET_MS
  ) {}

  /** `what` says what failed, as a sentence's subject ("A write", "Recording a session's last use"). */
  report(what: string, fault: StorageFault, consequence: string): void {
    const key = `${what} ${fault.kind}`;
    const seen = this.last.get(key);
    const now = this.now();
    if (seen && now - seen.at < this.quietMs) {
      seen.unlogged++;
      return;
    }
    const since = seen?.unlogged ? ` (${seen.unlogged} more since the last report)` : '';
    const minutes = Math.round(this.quietMs / 60_000);
    this.log(`${what} failed: ${fault.code}${since}. ${consequence} Logged at most once every ${minutes === 1 ? 'minute' : `${minutes} minutes`}.`);
    this.last.set(key, { at: now, unlogged: 0 });
  }
}

/** The one log of the process. */
export const storageFaultLog = new StorageFaultLog();
