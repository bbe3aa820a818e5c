/**
 * Start-up: open the database, migrate, create the first administrator from
 * the environment, seed the demo workspace on an empty database.
 */
import { databaseTarget, type OpenedEngine, openTarget } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { countUsers, findUserByEmail, insertUser } from '../db/platform/users.js';
import { newId } from '../db/ids.js';
import { seedDemo } from '../fixtures/demo.js';
import { demoToday } from '../fixtures/demo-calendar.js';
import { hashPassword, passwordWeakness, postgresBus, render, processBus, processWriteTurns, settingsFrom, type Settings } from './platform/index.js';
import { createApp } from './app.js';
import { createServices, type Services } from './services.js';

/** What start-up made, beside the database handle of either engine (`engine` tells which: only SQLite's has `sqlite`). */
export interface StartedParts {
  app: ReturnType<typeof createApp>;
  /** the settings read from the environment once, for everything the process starts beside the app */
  settings: Settings;
  /** the app's own services, for the work the process runs beside it (the reminder runs) */
  services: Services;
  seeded: { demo: boolean; admin: string | null };
}

export type Started = OpenedEngine & StartedParts;

export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  const email = env.REGIODESK_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.REGIODESK_ADMIN_PASSWORD;
  if (email && password !== undefined && password.length < 10) throw new Error('REGIODESK_ADMIN_PASSWORD must have at least 10 characters.');
  const settings = settingsFrom(env);
  // DATABASE_URL: a SQLite file, or a postgres:// URL (db/connection.ts); the processes of a group take turns at SQLite's write lock
  const target = databaseTarget(env);
  const opened = await openTarget(target, { synchronous: settings.sqliteSynchronous, writeTurns: target.engine === 'sqlite' ? processWriteTurns() : null });
  const seeded = { demo: false, admin: null as string | null };
  try {
    await migrateToLatest(opened.db);
    // the password is checked only when the administrator is about to be created (a kept setting never stops a restart)
    const admin = email && password && !(await findUserByEmail(opened.db, email)) ? { email, password } : null;
    const weakness = admin ? await passwordWeakness(admin.password, { email: admin.email, name: 'Administrator' }) : null;
    if (weakness) throw new Error(`REGIODESK_ADMIN_PASSWORD is not accepted. ${render(weakness)}`);
    const empty = Number((await countUsers(opened.db)).n) === 0;
    if (empty && env.REGIODESK_DEMO !== '0') {
      // dated for today, or the day REGIODESK_DEMO_DATE names (fixtures/demo-calendar.ts)
      await seedDemo(opened.db, { today: settings.demoDate ?? demoToday() });
      seeded.demo = true;
    }
    if (admin && !(await findUserByEmail(opened.db, admin.email))) {
      await insertUser(opened.db, { id: newId(), email: admin.email, name: 'Administrator', password_hash: await hashPassword(admin.password), organisation_id: null, is_admin: 1, disabled_at: null });
      seeded.admin = admin.email;
    }
  } catch (error) {
    await opened.close();
    throw error;
  }
  // the live rooms span the processes: over PostgreSQL's LISTEN/NOTIFY on PostgreSQL (processes on several machines), else over the channel of a group (REGIODESK_PROCESSES)
  const sharedBus = opened.engine === 'postgres' ? await postgresBus(opened.pool) : null;
  const services = createServices(opened.db, settings, undefined, sharedBus ?? processBus());
  const app = createApp({ db: opened.db, settings, services });
  return {
    ...opened,
    app,
    settings,
    services,
    seeded,
    // the mailers' connections end before the database closes
    close: async () => {
      services.reminders.close();
      services.feedback.closeMailer();
      await sharedBus?.close();
      await opened.close();
    }
  };
}
