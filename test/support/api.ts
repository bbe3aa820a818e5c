/** One app on one fresh database file, with the test world and a client per user. */
import { createApp } from '../../api/app.js';
import { settingsFrom } from '../../api/platform/config.js';
import { testDatabase, withParts } from './database.js';
import { client, type Client } from './http.js';
import { buildWorld, type UserKey, type World } from './world.js';

export async function apiHarness(env: NodeJS.ProcessEnv = {}) {
  const database = await testDatabase();
  const world = await buildWorld(database.db);
  const app = createApp({ db: database.db, settings: settingsFrom(env) });
  const as = {} as Record<UserKey, Client>;
  for (const key of Object.keys(world.users) as UserKey[]) as[key] = client(app, world.users[key].token);
  return withParts(database, { app, world, as, anonymous: client(app, null) });
}

export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;
export type { World };
