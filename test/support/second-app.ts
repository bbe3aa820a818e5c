/**
 * A second app serving the harness's database, as a second server process
 * would: writes sent to both at once (Promise.all) race as they would
 * behind a load balancer.
 *
 * - PostgreSQL: the app runs on a handle of its own (`reopen`, its own
 *   pool of connections), so the two apps' transactions really run side by
 *   side on the server, each on its own connection.
 * - SQLite: the app shares the harness's handle. A second better-sqlite3
 *   connection in the same process cannot wait for the first one's write
 *   lock without stopping the event loop (its busy wait is synchronous), so
 *   the first transaction could never finish; two processes on one file are
 *   proven in test/api/platform/concurrent-writers.test.ts. On one handle
 *   SQLite runs one transaction at a time, which is what the tests expect
 *   every engine to amount to.
 */
import { type App, createApp } from '../../api/app.js';
import { settingsFrom } from '../../api/platform/config.js';
import { apiHarness, type ApiHarness } from './api.js';
import { clockedHarness, type ClockedHarness } from './clocked-api.js';
import type { Handle, TestDatabase } from './database.js';
import { client, type Client, type Reply } from './http.js';
import type { UserKey, World } from './world.js';

export interface SecondApp {
  app: App;
  as: Record<UserKey, Client>;
  /** a client of this app for a bearer token (a user the test made) */
  clientOf(token: string): Client;
  close(): Promise<void>;
}

export async function secondApp(h: Pick<TestDatabase, 'engine' | 'db' | 'reopen'> & { world: World }, options: { env?: NodeJS.ProcessEnv; clock?: () => Date } = {}): Promise<SecondApp> {
  const handle = await secondHandle(h);
  const app = createApp({ db: handle.db, settings: settingsFrom(options.env ?? {}), clock: options.clock });
  const as = {} as Record<UserKey, Client>;
  for (const key of Object.keys(h.world.users) as UserKey[]) as[key] = client(app, h.world.users[key].token);
  return { app, as, clientOf: (token) => client(app, token), close: () => handle.close() };
}

/** The harness and a second app on its database, for a file whose tests race two processes; `close` closes both. */
export interface TwoApps<H> {
  h: H;
  other: SecondApp;
  close(): Promise<void>;
}

export function twoApps(): Promise<TwoApps<ApiHarness>>;
/** …both apps on a clock stopped at `now` */
export function twoApps(now: string): Promise<TwoApps<ClockedHarness>>;
export async function twoApps(now?: string): Promise<TwoApps<ApiHarness | ClockedHarness>> {
  const h = now === undefined ? await apiHarness() : await clockedHarness(now);
  const other = await secondApp(h, now === undefined ? {} : { clock: () => new Date(now) });
  return {
    h,
    other,
    close: async () => {
      await other.close();
      await h.close();
    }
  };
}

/** A second handle on the harness's database, as another process would hold one: its own pool on PostgreSQL, the same handle on SQLite (see above); `close` closes only what it opened. */
export async function secondHandle(h: Pick<TestDatabase, 'engine' | 'db' | 'reopen'>): Promise<Handle> {
  if (h.engine === 'postgres') return h.reopen();
  return { engine: h.engine, db: h.db, close: async () => {} } as Handle;
}

/** The clients of two apps taking turns: the n-th request goes to the first app when n is even, to the second otherwise. */
export function alternating<T>(first: T, second: T): (n: number) => T {
  return (n) => (n % 2 === 0 ? first : second);
}

/** The answers' statuses, in order (what a race came to, whichever request won). */
export function statuses(replies: Reply[]): number[] {
  return replies.map((r) => r.status).sort();
}

/** What each answer said, short enough for a failure message. */
export function told(replies: Reply[]): string {
  return replies.map((r) => `${r.status}${r.body?.detail ? ` ${r.body.detail}` : ''}`).join('\n');
}
