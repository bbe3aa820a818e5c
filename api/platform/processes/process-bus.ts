/**
 * The channel between the server processes `npm start` runs on one machine
 * (REGIODESK_PROCESSES): a message one process sends reaches every other
 * one, relayed by the process that started them (process-group.ts), never
 * back to the sender. What goes over it is for things a process holds in
 * memory and the others must hear of: today the co-edited documents' live
 * rooms (who is viewing, what changed). Messages are copied with the
 * structured clone algorithm (the group forks with `serialization:
 * 'advanced'`), so rows with dates or nested objects cross as they are.
 *
 * When a process of the group ends, the others get `{ topic: 'gone',
 * origin }` from the relay, to forget what that process had told them.
 *
 * A process that serves alone has no bus (`processBus()` answers null).
 * Processes sharing a PostgreSQL database (on several machines) talk over
 * its LISTEN/NOTIFY instead (postgres-bus.ts), with the same messages.
 */
import cluster from 'node:cluster';

export interface BusMessage {
  /** who the message is for (e.g. `live`; `gone` comes from the relay) */
  topic: string;
  /** the sending process (`ProcessBus.origin`) */
  origin: string;
  [field: string]: unknown;
}

export interface ProcessBus {
  /** this process among the group's: its process id */
  readonly origin: string;
  /** to every other process of the group */
  send(topic: string, fields: Record<string, unknown>): void;
  /** every message of the others; answers the function that stops listening */
  listen(listener: (message: BusMessage) => void): () => void;
}

/** The envelope a bus message travels in between a process and the relay. */
export const ENVELOPE = 'regiodeskBus';

export function isEnvelope(value: unknown): value is { [ENVELOPE]: BusMessage } {
  return typeof value === 'object' && value !== null && ENVELOPE in value;
}

/** The bus of this process when it is one of a group's (forked by process-group.ts), else null. */
export function processBus(): ProcessBus | null {
  if (!cluster.isWorker || !process.send) return null;
  const origin = String(process.pid);
  const listeners = new Set<(message: BusMessage) => void>();
  process.on('message', (value: unknown) => {
    if (!isEnvelope(value)) return;
    for (const listener of listeners) listener(value[ENVELOPE]);
  });
  return {
    origin,
    send(topic, fields) {
      // a process whose channel closed (the group is ending) has nobody left to tell
      if (process.connected) process.send!({ [ENVELOPE]: { ...fields, topic, origin } });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
