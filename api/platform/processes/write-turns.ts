/**
 * Turns at SQLite's write lock for the processes of a group (see
 * db/write-turns.ts for why): the process that started them keeps the
 * queue (`WriteTurnKeeper`), each process asks it for a turn and gives the
 * turn back over the same channel as the process bus.
 *
 * - Turns are given in the order they were asked for, one at a time.
 * - A process that ends while it holds a turn, or waits for one, loses it.
 * - A process whose turn does not come within `PATIENCE_MS` (another process
 *   stuck in a transaction) begins anyway: SQLite's own busy timeout then
 *   decides, as without turns. The turn, when it comes, is given back at once.
 */
import cluster, { type Worker } from 'node:cluster';
import type { WriteTurns } from '../../../db/write-turns.js';

/** The envelope a turn message travels in between a process and the keeper. */
const TURN = 'regiodeskWriteTurn';

interface TurnMessage {
  want?: number;
  grant?: number;
  done?: number;
}

const PATIENCE_MS = 5000;

export function isTurnMessage(value: unknown): value is { [TURN]: TurnMessage } {
  return typeof value === 'object' && value !== null && TURN in value;
}

/** The queue of turns, kept by the process that started the group. */
export class WriteTurnKeeper {
  private readonly waiting: { worker: Worker; turn: number }[] = [];
  private holder: { worker: Worker; turn: number } | null = null;

  /** A message from `worker`: it wants a turn, or gives one back. */
  heard(worker: Worker, message: { [TURN]: TurnMessage }): void {
    const { want, done } = message[TURN];
    if (want !== undefined) {
      this.waiting.push({ worker, turn: want });
      this.next();
    }
    if (done !== undefined) {
      if (this.holder?.worker === worker && this.holder.turn === done) this.holder = null;
      else this.dropWaiting((w) => w.worker === worker && w.turn === done);
      this.next();
    }
  }

  /** `worker` ended: its turn and its place in the queue go. */
  gone(worker: Worker): void {
    if (this.holder?.worker === worker) this.holder = null;
    this.dropWaiting((w) => w.worker === worker);
    this.next();
  }

  private dropWaiting(which: (w: { worker: Worker; turn: number }) => boolean): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (which(this.waiting[i]!)) this.waiting.splice(i, 1);
  }

  private next(): void {
    while (!this.holder && this.waiting.length) {
      const first = this.waiting.shift()!;
      if (!first.worker.isConnected()) continue;
      this.holder = first;
      first.worker.send({ [TURN]: { grant: first.turn } });
    }
  }
}

/** This process's turns when it is one of a group's (forked by process-group.ts), else null. */
export function processWriteTurns(): WriteTurns | null {
  if (!cluster.isWorker || !process.send) return null;
  let last = 0;
  const granted = new Map<number, () => void>();
  process.on('message', (value: unknown) => {
    if (!isTurnMessage(value) || value[TURN].grant === undefined) return;
    const turn = value[TURN].grant;
    const waiter = granted.get(turn);
    granted.delete(turn);
    // a turn that came after its process stopped waiting goes straight back
    if (waiter) waiter();
    else send({ done: turn });
  });
  const send = (message: TurnMessage) => {
    if (process.connected) process.send!({ [TURN]: message });
  };
  return {
    take() {
      // a process whose channel closed (the group is ending) writes as a process alone would
      if (!process.connected) return Promise.resolve(() => {});
      const turn = ++last;
      return new Promise((resolve) => {
        const giveBack = () => send({ done: turn });
        const impatient = setTimeout(() => {
          granted.delete(turn);
          resolve(() => {});
        }, PATIENCE_MS);
        impatient.unref();
        granted.set(turn, () => {
          clearTimeout(impatient);
          resolve(giveBack);
        });
        send({ want: turn });
      });
    }
  };
}
