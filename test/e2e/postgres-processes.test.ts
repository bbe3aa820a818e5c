/**
 * Two `npm start` processes on different ports serving one PostgreSQL
 * database (a real, throwaway cluster: test/support/postgres.ts), as two
 * machines behind a load balancer would: the first migrates and seeds the
 * demo, the second finds it ready; a person signed in on one is served by
 * the other (sessions live in the database), and a co-edited work plan's
 * live room spans both over PostgreSQL's LISTEN/NOTIFY — presence, a new
 * item and what a partner edits reach the stream held by the other process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnProduct, type ProductProcess } from '../support/product-process.js';
import { createDatabase, type PostgresServer, startPostgres } from '../support/postgres.js';
import { openEventStream } from './support/event-stream.js';

let server: PostgresServer;
let database: Awaited<ReturnType<typeof createDatabase>>;
const processes: ProductProcess[] = [];

async function stop(product: ProductProcess): Promise<void> {
  if (product.child.exitCode !== null) return;
  const exited = new Promise((resolve) => product.child.once('exit', resolve));
  product.child.kill('SIGTERM');
  await exited;
}

async function signIn(url: string, email: string): Promise<string> {
  const reply = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: url }, body: JSON.stringify({ email, password: 'regiodesk-demo' }) });
  expect(reply.status, await reply.clone().text()).toBe(200);
  return reply.headers.get('set-cookie')!.split(';')[0]!;
}

/** A stream as the signed-in person; `viewers()` the latest presence. */
function openStream(url: string, cookie: string) {
  const stream = openEventStream(url, { Cookie: cookie });
  return Object.assign(stream, { viewers: () => stream.presence() ?? [] });
}

async function until(what: string, done: () => boolean, seconds = 20): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!done()) {
    if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}.\n${processes.map((p, i) => `process ${i}:\n${p.output()}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  server = await startPostgres();
  database = await createDatabase(server);
  const env = { DATABASE_URL: database.url, REGIODESK_REMINDER_INTERVAL_MINUTES: '0' };
  processes.push(await spawnProduct(env, 120_000));
  processes.push(await spawnProduct({ ...env, REGIODESK_DEMO: '0' }, 120_000));
});
afterAll(async () => {
  for (const p of processes) await stop(p);
  await database?.drop();
  await server?.stop();
});

describe('two processes on one PostgreSQL database', () => {
  it('serve the same workspace, and a live room spans them', async () => {
    const [a, b] = processes as [ProductProcess, ProductProcess];
    expect(a.output()).toMatch(/Demo workspace seeded/);
    const rn = await signIn(a.url, 'officer.rn@demo.regiodesk.eu');
    const vb = await signIn(b.url, 'officer.vb@demo.regiodesk.eu');
    // a session made by one process is good on the other
    expect((await fetch(`${b.url}/api/auth/me`, { headers: { Cookie: rn } })).status).toBe(200);

    const plans = (await (await fetch(`${a.url}/api/workplans`, { headers: { Cookie: rn } })).json()) as { items: { partnershipId: string }[] };
    const partnershipId = plans.items[0]!.partnershipId;
    const created = await fetch(`${a.url}/api/workplans`, { method: 'POST', headers: { Cookie: rn, Origin: a.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ partnershipId, year: 2035 }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const plan = (await created.json()) as { id: string };

    const onA = openStream(`${a.url}/api/workplans/${plan.id}/events`, rn);
    const onB = openStream(`${b.url}/api/workplans/${plan.id}/events`, vb);
    await Promise.all([onA.opened, onB.opened]);
    await until('both officers on both streams', () => [onA, onB].every((s) => s.viewers().length === 2));

    const item = await fetch(`${a.url}/api/workplans/${plan.id}/items`, { method: 'POST', headers: { Cookie: rn, Origin: a.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Gemeinsame Delegationsreise nach Leuven' }) });
    expect(item.status, await item.clone().text()).toBe(201);
    const itemId = ((await item.json()) as { item: { id: string } }).item.id;
    await until('the new item on the stream held by B', () => onB.events.some((e) => e.event === 'item' && e.data.record.title === 'Gemeinsame Delegationsreise nach Leuven'));

    const editing = await fetch(`${b.url}/api/workplans/${plan.id}/presence`, { method: 'PUT', headers: { Cookie: vb, Origin: b.url, 'Content-Type': 'application/json' }, body: JSON.stringify({ editing: itemId }) });
    expect(editing.status).toBe(204);
    await until('the Flemish officer editing, seen on A', () => onA.viewers().some((v) => v.editing === itemId));
  }, 120_000);
});
