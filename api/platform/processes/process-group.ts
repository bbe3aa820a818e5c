/**
 * A group of server processes on one machine (REGIODESK_PROCESSES > 1):
 * this process forks them (Node's cluster: they share the listening port,
 * each new connection goes to the next one), relays the process bus between
 * them (process-bus.ts), keeps the queue of their turns at SQLite's write
 * lock (write-turns.ts) and serves nothing itself.
 *
 * - A process that ends unexpectedly after it listened is started again (the
 *   others tell their streams it left); more than `MAX_RESTARTS` in a minute
 *   stops the group, since something is wrong that a restart does not mend.
 * - A process that ends before it ever listened (a port in use, a database
 *   it cannot open) stops the group with its exit code: it said why.
 * - SIGTERM or SIGINT stops every process (each finishes its reminder run
 *   or backup and closes its database), then this one.
 */
import cluster, { type Worker } from 'node:cluster';
import { ENVELOPE, isEnvelope } from './process-bus.js';
import { isTurnMessage, WriteTurnKeeper } from './write-turns.js';

const MAX_RESTARTS = 5;
const MINUTE = 60_000;

export interface GroupEvents {
  /** every process listens */
  listening: (count: number) => void;
  /** a line for the log */
  say: (line: string) => void;
}

/** Starts `count` processes running this same program, and answers once the group has stopped, with the exit code for this process. */
export function runProcessGroup(count: number, events: GroupEvents): Promise<number> {
  cluster.setupPrimary({ serialization: 'advanced' });
  const listened = new Set<number>();
  const restarts: number[] = [];
  let stopping = false;
  let announced = false;
  const turns = new WriteTurnKeeper();

  return new Promise((resolve) => {
    const relay = (from: Worker, message: object) => {
      for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(message as Parameters<Worker["send"]>[0]);
    };
    const start = () => {
      const worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (isEnvelope(message)) relay(worker, message);
        else if (isTurnMessage(message)) turns.heard(worker, message);
      });
      worker.on('listening', () => {
        listened.add(worker.id);
        if (!announced && listened.size >= count) {
          announced = true;
          events.listening(count);
        }
      });
    };
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      const left = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      if (!left.length) resolve(code);
      for (const worker of left) worker.process.kill('SIGTERM');
      cluster.on('exit', () => {
        if (!Object.keys(cluster.workers ?? {}).length) resolve(code);
      });
    };

    cluster.on('exit', (worker, exitCode, signal) => {
      const pid = String(worker.process.pid);
      turns.gone(worker);
      relay(worker, { [ENVELOPE]: { topic: 'gone', origin: pid } });
      if (stopping) return;
      if (!listened.has(worker.id)) {
        events.say(`A RegioDesk process (pid ${pid}) stopped before it could serve; stopping the others.`);
        return stop(exitCode || 1);
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - MINUTE) restarts.shift();
      if (restarts.length > MAX_RESTARTS) {
        events.say(`RegioDesk processes stopped ${restarts.length} times within a minute; stopping the group.`);
        return stop(1);
      }
      events.say(`A RegioDesk process (pid ${pid}) ended (${signal ?? `exit code ${exitCode}`}); starting another.`);
      start();
    });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(0));
    for (let i = 0; i < count; i++) start();
  });
}
