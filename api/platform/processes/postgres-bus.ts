/**
 * The process bus (process-bus.ts) between server processes that share a
 * PostgreSQL database, on one machine or several: a message goes out as
 * JSON over LISTEN/NOTIFY (db/platform/notify-channel.ts) and reaches every
 * other process; each process has a random origin, and its own messages
 * coming back are passed over. A process that stops says `gone` first, so
 * the others forget its viewers.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { listenOn } from '../../../db/platform/notify-channel.js';
import type { BusMessage, ProcessBus } from './process-bus.js';

const CHANNEL = 'regiodesk_bus';

export interface ClosableBus extends ProcessBus {
  /** tells the others this process is gone, then stops listening */
  close(): Promise<void>;
}

export async function postgresBus(pool: pg.Pool, warn: (line: string) => void = (line) => console.warn(line)): Promise<ClosableBus> {
  const origin = randomUUID();
  const listeners = new Set<(message: BusMessage) => void>();
  const channel = await listenOn(pool, CHANNEL, (text) => {
    let message: BusMessage;
    try {
      message = JSON.parse(text) as BusMessage;
    } catch {
      return warn('A live message from another process could not be read; it was passed over.');
    }
    if (message.origin === origin) return;
    for (const listener of listeners) listener(message);
  });
  // one message after the other, so the others hear them in the order they were sent
  let queue: Promise<void> = Promise.resolve();
  const post = (message: BusMessage) =>
    (queue = queue.then(() =>
      channel.send(JSON.stringify(message)).catch((error: unknown) => warn(`A live message to the other processes was lost: ${error instanceof Error ? error.message : String(error)}`))
    ));
  return {
    origin,
    send(topic, fields) {
      void post({ ...fields, topic, origin });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await post({ topic: 'gone', origin });
      await channel.close();
    }
  };
}
