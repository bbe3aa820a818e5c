/**
 * A share of the event loop for long work (writing a large calendar feed,
 * importing a portal file): the work asks `pause()` between steps, which
 * yields to the event loop (`setImmediate`) once the work has held it for
 * `holdMs`, so other requests are answered in between. Cheaper and simpler
 * than a worker thread where the work needs the app's database handle.
 */
export class TimeSlice {
  private since = performance.now();

  constructor(private readonly holdMs = 10) {}

  /** True once the work has held the event loop for its share. */
  get spent(): boolean {
    return performance.now() - this.since >= this.holdMs;
  }

  /** Yields when the share is spent. */
  async pause(): Promise<void> {
    if (this.spent) await this.yield();
  }

  /** Lets other callbacks run, then starts a new share. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
