/**
 * Two real server processes (as `npm start` runs them) on one SQLite file,
 * turning their periodic run every second (REGIODESK_REMINDER_INTERVAL_SECONDS),
 * with a real SMTP server: the run happens (the annual cycle's tasks are
 * made, queued e-mails go out), once — one process holds the `reminder-run`
 * lease, the other skips and says so once — so there is no duplicate task
 * and no e-mail sent twice; when the holder stops, the lease passes to the
 * other process, which goes on sending. The waits are for outcomes (with
 * a bound), never timings.
 */
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../db/connection.js';
import { newId } from '../../db/ids.js';
import { spawnProduct, type ProductProcess } from '../support/product-process.js';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp.js';
import { databaseAt } from '../support/storage.js';
import type { World } from '../support/world.js';

let dir: string;
let opened: OpenedDatabase;
let world: World;
let smtp: SmtpTestServer;
const processes: ProductProcess[] = [];

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Waits until `done` answers true (checked every 100 ms, at most `seconds`), then answers it. */
async function until(what: string, done: () => boolean | Promise<boolean>, seconds = 45): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}.\n${processes.map((p, i) => `process ${i}:\n${p.output()}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Queues an e-mail copy of a notification for each text (the outbox every run delivers). */
async function queueEmails(texts: string[]): Promise<void> {
  await opened.db
    .insertInto('notifications')
    .values(texts.map((text) => ({ id: newId(), user_id: world.users.officer.id, kind: 'deadline_changed', text, link: null, created_at: new Date().toISOString(), read_at: null, email_status: 'pending', email_error: null, emailed_at: null, dedupe_key: null })))
    .execute();
}

const mailsWith = (text: string) => smtp.received.filter((m) => m.text.includes(text));
const holder = async () => (await opened.db.selectFrom('run_leases').select('holder').where('name', '=', 'reminder-run').executeTakeFirst())?.holder ?? null;
const holds = (process: ProductProcess, holderText: string | null) => holderText !== null && holderText.includes(` pid ${process.child.pid} `);
const cycleTasks = () => opened.db.selectFrom('tasks').select(['owner_id', 'due_on', 'rrule']).where('kind', '=', 'cycle_step').execute();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'regiodesk-run-once-'));
  smtp = await startSmtpServer();
  ({ opened, world } = await databaseAt(join(dir, 'shared.db')));
  // the partnership is in force and its work-plan step falls at the end of this month, due now (six weeks' lead)
  const month = new Date().getUTCMonth() + 1;
  await opened.db.updateTable('partnerships').set({ ends_on: '2099-12-31', work_plan_month: month, evaluation_month: (month % 12) + 1, cycle_lead_weeks: 6 }).where('id', '=', world.partnerships.p1).execute();
});
afterAll(async () => {
  for (const p of processes) await stop(p.child);
  await opened?.close();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('run the periodic run once: the tasks made once, each e-mail sent once, and the lease passes on when the holder stops', async () => {
    await queueEmails(Array.from({ length: 15 }, (_, i) => `First batch, message ${i}.`));
    const env = {
      DATABASE_URL: join(dir, 'shared.db'),
      REGIODESK_DEMO: '0',
      REGIODESK_REMINDER_INTERVAL_SECONDS: '1',
      REGIODESK_SMTP_URL: smtp.url,
      REGIODESK_MAIL_FROM: 'RegioDesk <reminders@regiodesk.example.org>'
    };
    const [a, b] = await Promise.all([spawnProduct(env, 90_000), spawnProduct(env, 90_000)]);
    processes.push(a!, b!);

    await until('the first batch of e-mails', () => mailsWith('First batch').length >= 15);
    await until('the cycle tasks', async () => (await cycleTasks()).length > 0);
    // several more turns of both processes
    await queueEmails(Array.from({ length: 10 }, (_, i) => `Second batch, message ${i}.`));
    await until('the second batch of e-mails', () => mailsWith('Second batch').length >= 10);

    const first = await holder();
    const [running, waiting] = holds(a!, first) ? [a!, b!] : [b!, a!];
    expect(holds(running, first), `the lease is held by one of the two: ${first}`).toBe(true);
    expect(waiting.output().match(/The reminder run runs in another process/g)).toHaveLength(1);
    expect(running.output()).not.toMatch(/runs in another process|failed/);

    // every queued e-mail went out exactly once
    for (let i = 0; i < 15; i++) expect(mailsWith(`First batch, message ${i}.`)).toHaveLength(1);
    for (let i = 0; i < 10; i++) expect(mailsWith(`Second batch, message ${i}.`)).toHaveLength(1);
    // no duplicate task: one per owner and occurrence
    const tasks = await cycleTasks();
    expect(new Set(tasks.map((t) => `${t.owner_id} ${t.due_on} ${t.rrule}`)).size).toBe(tasks.length);

    // the holder stops: it gives the lease up, and the other process takes the next turn
    await stop(running.child);
    await until('the other process to take the lease', async () => holds(waiting, await holder()));
    expect(waiting.output()).toMatch(/The reminder run runs in this process now/);
    await queueEmails(Array.from({ length: 5 }, (_, i) => `Third batch, message ${i}.`));
    await until('the third batch of e-mails', () => mailsWith('Third batch').length >= 5);
    for (let i = 0; i < 5; i++) expect(mailsWith(`Third batch, message ${i}.`)).toHaveLength(1);
    expect((await cycleTasks()).length).toBe(tasks.length);
    expect(smtp.received).toHaveLength(30);
    expect(waiting.output()).not.toMatch(/failed|SqliteError/);
  });
});
