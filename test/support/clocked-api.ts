/**
 * The API harness with a clock the test sets: one app on a fresh database
 * file, the test world and a client per user, and `setNow` to move "today"
 * (task states, overdue follow-ups, "no contact in the last N months").
 */
import { createApp } from '../../api/app.js';
import { settingsFrom } from '../../api/platform/config.js';
import { testDatabase, withParts } from './database.js';
import { client, type Client } from './http.js';
import { buildWorld, type UserKey } from './world.js';

export async function clockedHarness(now: string, env: NodeJS.ProcessEnv = {}) {
  const database = await testDatabase();
  const world = await buildWorld(database.db);
  let current = new Date(now);
  const settings = settingsFrom(env);
  const app = createApp({ db: database.db, settings, clock: () => current });
  const as = {} as Record<UserKey, Client>;
  for (const key of Object.keys(world.users) as UserKey[]) as[key] = client(app, world.users[key].token);
  return withParts(database, {
    app,
    settings,
    world,
    as,
    anonymous: client(app, null),
    setNow(instant: string) {
      current = new Date(instant);
    }
  });
}

export type ClockedHarness = Awaited<ReturnType<typeof clockedHarness>>;
