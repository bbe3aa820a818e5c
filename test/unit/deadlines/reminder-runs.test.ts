import { afterEach, describe, expect, it, vi } from 'vitest';
import { startReminderRuns } from '../../../api/deadlines/services/reminders.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A run that ends when the test says so. */
function controllableService() {
  const finishers: (() => void)[] = [];
  const service = {
    runs: 0,
    runReminders: () => {
      service.runs += 1;
      return new Promise<never>((resolve) => finishers.push(() => resolve(undefined as never)));
    },
    finishAll() {
      finishers.splice(0).forEach((finish) => finish());
    }
  };
  return service;
}

describe('startReminderRuns', () => {
  it('runs right away, then every interval, never two at once, and stop waits for the run in progress', async () => {
    vi.useFakeTimers();
    const service = controllableService();
    const runs = startReminderRuns(service, 15, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(service.runs).toBe(1);
    // the first run is still going at the next tick: that tick is skipped
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(service.runs).toBe(1);
    service.finishAll();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(service.runs).toBe(2);

    let stopped = false;
    const stopping = runs.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    service.finishAll();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(service.runs).toBe(2);
  });

  it('logs a failed run and goes on with the next', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let calls = 0;
    const runs = startReminderRuns(
      {
        runReminders: async () => {
          calls += 1;
          if (calls === 1) throw new Error('database is locked');
          return undefined as never;
        }
      },
      5,
      (line) => lines.push(line)
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toEqual(['The reminder run failed: database is locked']);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toBe(2);
    await runs.stop();
  });
});
