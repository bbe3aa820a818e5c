/**
 * `npm start` with REGIODESK_PROCESSES=2: one process migrates the database
 * and starts two that share the port (each new connection goes to the next
 * one). A co-edited work plan's live room spans both: four event streams,
 * each on a connection of its own, are spread over the two processes, and
 * every stream sees everyone's presence, every item and each reader's own
 * view of the header, whichever process the change was made on. When one
 * process is killed, its streams end, the others see its viewers leave,
 * and the group starts another process in its place.
 *
 * Which process holds a stream's connection is read from the system's
 * socket table (`ss`), and streams are opened until both processes hold
 * some: otherwise the test would show nothing about crossing between them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../db/connection.js';
import { spawnProduct, type ProductProcess } from '../support/product-process.js';
import { type EventStream, openEventStream } from './support/event-stream.js';
import { databaseAt } from '../support/storage.js';
import type { World } from '../support/world.js';

let dir: string;
let opened: OpenedDatabase;
let world: World;
let product: ProductProcess;

/** A stream as the test's user, on a connection of its own. */
const openStream = (url: string, token: string) => openEventStream(url, { Authorization: `Bearer ${token}` });
type Stream = EventStream;

/** Waits until `done` answers true (checked every 50 ms, at most `seconds`), else fails saying what it waited for. */
async function until(what: string, done: () => boolean | Promise<boolean>, seconds = 20): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}.\nprocesses: ${execFileSync('ps', ['-eo', 'pid,ppid,stat,etime,args'], { encoding: 'utf8' }).split('\n').filter((l) => /serve\.mjs|PID/.test(l)).join('\n')}\noutput:\n${product.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The processes the group started (children of the product's first process). */
function groupProcesses(): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(product.child.pid)], { encoding: 'utf8' }).split('\n').map((l) => Number(l.trim())).filter(Boolean);
  } catch {
    return [];
  }
}

/** The process of the group holding the server's end of the connection from client port `port`. */
function processHolding(port: number): number | null {
  const group = groupProcesses();
  const lines = execFileSync('ss', ['-tnpH', 'state', 'established', 'dport', '=', `:${port}`], { encoding: 'utf8' });
  for (const [, pid] of lines.matchAll(/pid=(\d+)/g)) if (group.includes(Number(pid))) return Number(pid);
  return null;
}

async function call(method: string, path: string, token: string, body?: unknown, ifMatch?: string) {
  const response = await fetch(product.url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'regiodesk-group-'));
  ({ opened, world } = await databaseAt(join(dir, 'shared.db')));
  product = await spawnProduct({ DATABASE_URL: join(dir, 'shared.db'), REGIODESK_DEMO: '0', REGIODESK_PROCESSES: '2', REGIODESK_REMINDER_INTERVAL_MINUTES: '0' }, 90_000);
  await until('two processes', () => groupProcesses().length === 2, 60);
});
afterAll(async () => {
  if (product && product.child.exitCode === null) {
    const exited = new Promise((resolve) => product.child.once('exit', resolve));
    product.child.kill('SIGTERM');
    await exited;
  }
  await opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a group of two server processes', () => {
  it('shares each live room between them, and replaces a process that dies', async () => {
    const { officer, editor } = world.users;
    const plan = await call('POST', '/api/workplans', officer.token, { partnershipId: world.partnerships.p1, year: 2027 });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const events = `${product.url}/api/workplans/${plan.body.id}/events`;

    // streams of both users, alternately, until both processes hold some (each connection goes to the next process)
    const streams: { user: string; stream: Stream; pid: number | null }[] = [];
    while (streams.length < 4 || new Set(streams.map((s) => s.pid)).size < 2) {
      expect(streams.length, 'twelve connections all went to one process').toBeLessThan(12);
      const user = streams.length % 2 ? editor : officer;
      const stream = openStream(events, user.token);
      await stream.opened;
      streams.push({ user: user.id, stream, pid: processHolding(stream.port) });
    }
    expect(streams.every((s) => s.pid !== null)).toBe(true);
    const everyone = [officer.id, editor.id].sort();
    const sees = (s: Stream, ids: string[]) => JSON.stringify((s.presence() ?? []).map((v) => v.userId).sort()) === JSON.stringify(ids);
    await until('every stream to see both viewers', () => streams.every(({ stream }) => sees(stream, everyone)));

    // an item made through any process reaches every stream
    const item = await call('POST', `/api/workplans/${plan.body.id}/items`, officer.token, { title: 'Gemeinsamer Workshop Smart Region' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const itemEvent = (s: Stream) => s.events.find((e) => e.event === 'item' && e.data.record?.title === 'Gemeinsamer Workshop Smart Region');
    await until('the item on every stream', () => streams.every(({ stream }) => itemEvent(stream)));
    expect(itemEvent(streams[0]!.stream)!.data).toMatchObject({ action: 'create', actor: { id: officer.id } });

    // what the editor edits shows on every stream
    expect((await call('PUT', `/api/workplans/${plan.body.id}/presence`, editor.token, { editing: item.body.item.id })).status).toBe(204);
    await until('the editor editing, on every stream', () => streams.every(({ stream }) => stream.presence()?.find((v) => v.userId === editor.id)?.editing === item.body.item.id));

    // the header, as each reader may act on it: the proposal asks the officer (VRRN) to approve for VRRN, and not the editor
    expect((await call('POST', `/api/workplans/${plan.body.id}/propose`, officer.token)).status).toBe(200);
    const proposed = (s: Stream) => s.events.find((e) => e.event === 'document' && e.data.status === 'proposed');
    await until('the proposed header on every stream', () => streams.every(({ stream }) => proposed(stream)));
    for (const { user, stream } of streams) {
      const header = proposed(stream)!.data;
      const vrrnParty = header.parties.find((p: any) => p.organisationId === world.organisations.vrrn)?.id ?? header.parties[0].id;
      if (user === officer.id) expect(header.canApproveFor).toEqual([vrrnParty]);
      else expect(header.canApproveFor).not.toContain(vrrnParty);
    }

    // one process dies: its streams end, the others see its viewers go, and the group starts another
    const victim = streams[0]!.pid!;
    process.kill(victim, 'SIGKILL');
    const ended = streams.filter((s) => s.pid === victim);
    const alive = streams.filter((s) => s.pid !== victim);
    await until('the streams of the killed process to end', () => ended.every(({ stream }) => stream.ended));
    expect(alive.some(({ stream }) => stream.ended)).toBe(false);
    const stillThere = [...new Set(alive.map((s) => s.user))].sort();
    await until('the survivors to see only the viewers still connected', () => alive.every(({ stream }) => sees(stream, stillThere)));
    await until('a new process in place of the killed one', () => {
      const now = groupProcesses();
      return now.length === 2 && !now.includes(victim!);
    });
    expect((await fetch(`${product.url}/api/health`)).status).toBe(200);
    expect(product.output()).toMatch(/ended \(SIGKILL\); starting another/);
  }, 120_000);
});
