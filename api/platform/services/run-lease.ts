/**
 * A periodic job that runs once across processes (the reminder run, the
 * scheduled backups): several `npm start` processes on one database each
 * keep their timer, and at each turn ask for the job's lease
 * (db/platform/run-leases.ts). One process gets it and keeps it — renewed
 * every third of its length while the process lives, and at each turn — so
 * the job runs there; the others skip their turns. A holder that stops
 * gives the lease up (the next turn elsewhere takes it); one that crashes
 * stops renewing, and its lease expires after `lastsMs` (two minutes).
 *
 * A process that skips says so once ("… runs in another process"), and
 * again only after it held the lease in between.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DB } from '../../../db/connection.js';
import { releaseLease, takeLease } from '../../../db/platform/run-leases.js';

const MINUTE = 60_000;

/** What a periodic run asks before each turn, and gives up when the process stops. */
export interface Lease {
  /** Takes or renews the lease; true when this process runs the job this turn. */
  hold(): Promise<boolean>;
  /** Gives the lease up (nothing when not held). */
  release(): Promise<void>;
}

export interface RunLeaseOptions {
  /** how long a lease lasts without renewal: how long a crashed holder keeps the job from the others (default 2 minutes) */
  lastsMs?: number;
  /** who this process is, as stored and logged (default: host, process id and a random tag) */
  holder?: string;
  clock?: () => Date;
  log?: (line: string) => void;
}

/** A name for this process that no other process (nor another lease object in it) has. */
export function processHolder(): string {
  return `${hostname()} pid ${process.pid} ${randomBytes(3).toString('hex')}`;
}

export class RunLease implements Lease {
  readonly holder: string;
  private readonly lastsMs: number;
  private readonly clock: () => Date;
  private readonly log: (line: string) => void;
  private held = false;
  /** what was last said: the log is written when it changes */
  private said: 'holds' | 'skips' | null = null;
  private renewer: NodeJS.Timeout | null = null;
  private renewing: Promise<unknown> | null = null;

  /** `name`: the lease's key (`reminder-run`, `backup-run`); `job`: the job in words, for the log ("The reminder run"). */
  constructor(
    private readonly db: DB,
    readonly name: string,
    private readonly job: string,
    options: RunLeaseOptions = {}
  ) {
    this.holder = options.holder ?? processHolder();
    this.lastsMs = options.lastsMs ?? 2 * MINUTE;
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? ((line) => console.warn(line));
  }

  async hold(): Promise<boolean> {
    const now = this.clock();
    const held = await takeLease(this.db, this.name, this.holder, now.toISOString(), new Date(now.getTime() + this.lastsMs).toISOString());
    this.become(held);
    return held;
  }

  async release(): Promise<void> {
    this.stopRenewing();
    await this.renewing;
    if (!this.held) return;
    this.held = false;
    await releaseLease(this.db, this.name, this.holder);
  }

  private become(held: boolean): void {
    if (held && !this.held) this.startRenewing();
    if (!held && this.held) this.stopRenewing();
    this.held = held;
    if (held && this.said === 'skips') this.log(`${this.job} runs in this process now (${this.holder}).`);
    if (!held && this.said !== 'skips') this.log(`${this.job} runs in another process (it holds the lease “${this.name}”); this process (${this.holder}) skips its turns while that lease lasts.`);
    this.said = held ? 'holds' : 'skips';
  }

  private startRenewing(): void {
    this.renewer = setInterval(() => {
      if (this.renewing) return;
      this.renewing = this.hold()
        .catch((error: unknown) => this.log(`${this.job}: renewing the lease failed (${error instanceof Error ? error.message : String(error)}); the next turn tries again.`))
        .finally(() => {
          this.renewing = null;
        });
    }, this.lastsMs / 3);
    this.renewer.unref();
  }

  private stopRenewing(): void {
    if (this.renewer) clearInterval(this.renewer);
    this.renewer = null;
  }
}
