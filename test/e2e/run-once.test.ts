/**
 * Two real server processes (as `npm start` runs them) on one database —
 * a SQLite file, and a PostgreSQL database (a throwaway cluster,
 * test/support/postgres.ts, or REGIODESK_TEST_POSTGRES_URL) — turning their
 * periodic run every second (REGIODESK_REMINDER_INTERVAL_SECONDS), with a
 * real SMTP server. Everything one reminder run makes is made once,
 * however many turns both processes take:
 * - the deadline reminder of a watched call (the in-app notification, its
 *   e-mail, the log of the nearest offset and of the farther one passed over),
 * - the reminder of a proposal's milestone (notification, e-mail),
 * - the digest of a saved search a new call matches (notification, e-mail),
 * - the annual cycle's tasks, and every queued e-mail.
 * One process holds the `reminder-run` lease, the other skips and says so
 * once; when the holder stops, the lease passes to the other process, which
 * goes on sending, still once. The waits are for outcomes (with a bound),
 * never timings.
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DB, openPostgres } from '../../db/connection.js';
import { insertSavedSearch } from '../../db/funding/saved-searches.js';
import { newId } from '../../db/ids.js';
import { migrateToLatest } from '../../db/migrate.js';
import { insertCallDirect } from '../support/calls-direct.js';
import { createDatabase, startPostgres } from '../support/postgres.js';
import { spawnProduct, type ProductProcess } from '../support/product-process.js';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp.js';
import { databaseAt } from '../support/storage.js';
import { buildWorld, type World } from '../support/world.js';

const DAY = 86_400_000;

interface SharedDatabase {
  db: DB;
  world: World;
  /** DATABASE_URL of the processes */
  url: string;
  close(): Promise<void>;
}

async function sqliteDatabase(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'regiodesk-run-once-'));
  const file = join(dir, 'shared.db');
  const { opened, world } = await databaseAt(file);
  return {
    db: opened.db,
    world,
    url: file,
    close: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function postgresDatabase(): Promise<SharedDatabase> {
  const server = await startPostgres();
  try {
    const database = await createDatabase(server);
    const opened = await openPostgres(database.url, { connections: 2 });
    await migrateToLatest(opened.db);
    return {
      db: opened.db,
      world: await buildWorld(opened.db),
      url: database.url,
      close: async () => {
        await opened.close();
        await database.drop();
        await server.stop();
      }
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe.each([
  ['SQLite file', sqliteDatabase],
  ['PostgreSQL database', postgresDatabase]
] as const)('two server processes on one %s', (_engine, open) => {
  let shared: SharedDatabase;
  let smtp: SmtpTestServer;
  const processes: ProductProcess[] = [];
  const due = { milestone: '', digestCall: '' };

  /** Waits until `done` answers true (checked every 100 ms, at most `seconds`). */
  async function until(what: string, done: () => boolean | Promise<boolean>, seconds = 60): Promise<void> {
    const end = Date.now() + seconds * 1000;
    while (!(await done())) {
      if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}.\n${processes.map((p, i) => `process ${i}:\n${p.output()}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Queues an e-mail copy of a notification for each text (the outbox every run delivers). */
  async function queueEmails(texts: string[]): Promise<void> {
    await shared.db
      .insertInto('notifications')
      .values(texts.map((text) => ({ id: newId(), user_id: shared.world.users.officer.id, kind: 'deadline_changed', text, link: null, created_at: new Date().toISOString(), read_at: null, email_status: 'pending', email_error: null, emailed_at: null, dedupe_key: null })))
      .execute();
  }

  /**
   * What one reminder run is due to make: a watched call closing in ten days (the 14-day reminder is the nearest due, the 30-day one is
   * passed over), a milestone of a proposal due in five days, a saved search of an hour ago that a call recorded since matches; and the
   * partnership's work-plan step falling at the end of this month, due now (six weeks' lead).
   */
  async function makeThingsDue(): Promise<void> {
    const { db, world } = shared;
    const now = Date.now();
    const officer = world.users.officer.id;
    const watched = await insertCallDirect(db, { identifier: 'INTERREG-NWE-2027-RUN-ONCE', title: 'Hydrogen corridors', deadlines: [{ at: new Date(now + 10 * DAY + 3_600_000).toISOString(), zone: 'Europe/Brussels' }] });
    await db.insertInto('call_watches').values({ user_id: officer, call_id: watched.id, created_at: new Date(now - DAY).toISOString() }).execute();

    const proposal = newId();
    await db.insertInto('proposals').values({ id: proposal, acronym: 'H2-RHEIN', title: 'Wasserstoffkorridor Rhein-Neckar', description: null, call_id: null, partnership_id: world.partnerships.p1, stage: 'in_preparation', lead_organisation_id: null, scoring_matrix_id: null, scoring_locked_at: null, created_by: officer }).execute();
    due.milestone = 'Steering group signs the consortium letter';
    await db.insertInto('milestones').values({ id: newId(), proposal_id: proposal, kind: 'steering_group', title: due.milestone, due_on: new Date(now + 5 * DAY).toISOString().slice(0, 10), due_time: null, owner_id: officer, done_at: null }).execute();

    const hourAgo = new Date(now - 3_600_000).toISOString();
    await insertSavedSearch(db, { id: newId(), user_id: officer, name: 'Waterstof', criteria: { keyword: 'waterstof' }, last_digest_at: null, created_at: hourAgo, updated_at: hourAgo });
    due.digestCall = 'HORIZON-CL5-2027-WATERSTOF';
    await insertCallDirect(db, { identifier: due.digestCall, title: 'Waterstofvalleien', keywords: ['Waterstof'], createdAt: new Date(now - 60_000).toISOString(), deadlines: [{ at: new Date(now + 200 * DAY).toISOString(), zone: 'Europe/Brussels' }] });

    const month = new Date().getUTCMonth() + 1;
    await db.updateTable('partnerships').set({ ends_on: '2099-12-31', work_plan_month: month, evaluation_month: (month % 12) + 1, cycle_lead_weeks: 6 }).where('id', '=', world.partnerships.p1).execute();
  }

  const mailsWith = (text: string) => smtp.received.filter((m) => m.subject.includes(text) || m.text.includes(text));
  const holder = async () => (await shared.db.selectFrom('run_leases').select('holder').where('name', '=', 'reminder-run').executeTakeFirst())?.holder ?? null;
  const holds = (process: ProductProcess, holderText: string | null) => holderText !== null && holderText.includes(` pid ${process.child.pid} `);
  const cycleTasks = () => shared.db.selectFrom('tasks').select(['owner_id', 'due_on', 'rrule']).where('kind', '=', 'cycle_step').execute();
  const notificationsOf = (kind: string) => shared.db.selectFrom('notifications').select(['user_id', 'text', 'email_status']).where('kind', '=', kind).execute();
  const reminderLog = () =>
    shared.db.selectFrom('reminders_sent').select(['offset_days', 'channel', 'outcome']).where('user_id', '=', shared.world.users.officer.id).orderBy('offset_days').orderBy('channel').execute();

  /** Every notification, e-mail and log row of the run, each once. */
  async function expectEachOnce(): Promise<void> {
    const reminders = await notificationsOf('deadline_reminder');
    expect(reminders.map((n) => n.text)).toEqual([expect.stringMatching(/^INTERREG-NWE-2027-RUN-ONCE “Hydrogen corridors” closes in 10 days: /)]);
    expect(mailsWith('INTERREG-NWE-2027-RUN-ONCE')).toHaveLength(1);
    expect(await reminderLog()).toEqual([
      { offset_days: 14, channel: 'app', outcome: 'sent' },
      { offset_days: 14, channel: 'email', outcome: 'sent' },
      { offset_days: 30, channel: 'app', outcome: 'superseded' },
      { offset_days: 30, channel: 'email', outcome: 'superseded' }
    ]);
    const milestones = await notificationsOf('milestone_reminder');
    expect(milestones.map((n) => [n.text.includes(due.milestone), n.email_status])).toEqual([[true, 'sent']]);
    expect(mailsWith(due.milestone)).toHaveLength(1);
    const digests = await notificationsOf('saved_search_digest');
    expect(digests.map((n) => [n.text.split('\n')[0], n.email_status])).toEqual([['1 new call matches your saved search “Waterstof”:', 'sent']]);
    expect(mailsWith(due.digestCall)).toHaveLength(1);
    const tasks = await cycleTasks();
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => `${t.owner_id} ${t.due_on} ${t.rrule}`)).size).toBe(tasks.length);
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    shared = await open();
    await makeThingsDue();
  });
  afterAll(async () => {
    for (const p of processes) await stop(p.child);
    await shared?.close();
    await smtp?.close();
  });

  it('run the periodic run once: each reminder, digest, task and e-mail made once, and the lease passes on when the holder stops', async () => {
    await queueEmails(Array.from({ length: 15 }, (_, i) => `First batch, message ${i}.`));
    const env = {
      DATABASE_URL: shared.url,
      REGIODESK_DEMO: '0',
      REGIODESK_REMINDER_INTERVAL_SECONDS: '1',
      REGIODESK_SMTP_URL: smtp.url,
      REGIODESK_MAIL_FROM: 'RegioDesk <reminders@regiodesk.example.org>'
    };
    const [a, b] = await Promise.all([spawnProduct(env, 120_000), spawnProduct(env, 120_000)]);
    processes.push(a!, b!);

    await until('the first batch of e-mails', () => mailsWith('First batch').length >= 15);
    await until('the deadline reminder, the milestone reminder and the digest by e-mail', () => ['INTERREG-NWE-2027-RUN-ONCE', due.milestone, due.digestCall].every((text) => mailsWith(text).length >= 1));
    await until('the cycle tasks', async () => (await cycleTasks()).length > 0);
    // several more turns of both processes: a second batch queued now goes out in a later run
    await queueEmails(Array.from({ length: 10 }, (_, i) => `Second batch, message ${i}.`));
    await until('the second batch of e-mails', () => mailsWith('Second batch').length >= 10);

    const first = await holder();
    const [running, waiting] = holds(a!, first) ? [a!, b!] : [b!, a!];
    expect(holds(running, first), `the lease is held by one of the two: ${first}`).toBe(true);
    expect(waiting.output().match(/The reminder run runs in another process/g)).toHaveLength(1);
    expect(running.output()).not.toMatch(/runs in another process|failed/);

    for (let i = 0; i < 15; i++) expect(mailsWith(`First batch, message ${i}.`)).toHaveLength(1);
    for (let i = 0; i < 10; i++) expect(mailsWith(`Second batch, message ${i}.`)).toHaveLength(1);
    await expectEachOnce();
    const tasks = (await cycleTasks()).length;

    // the holder stops: it gives the lease up, and the other process takes the next turn
    await stop(running.child);
    await until('the other process to take the lease', async () => holds(waiting, await holder()));
    expect(waiting.output()).toMatch(/The reminder run runs in this process now/);
    await queueEmails(Array.from({ length: 5 }, (_, i) => `Third batch, message ${i}.`));
    await until('the third batch of e-mails', () => mailsWith('Third batch').length >= 5);
    for (let i = 0; i < 5; i++) expect(mailsWith(`Third batch, message ${i}.`)).toHaveLength(1);
    // the new holder's runs made nothing again
    await expectEachOnce();
    expect((await cycleTasks()).length).toBe(tasks);
    expect(smtp.received).toHaveLength(33);
    expect(waiting.output()).not.toMatch(/failed|SqliteError/);
  }, 180_000); // two server processes start (each allowed 120 s) and take several turns of the periodic run
});
