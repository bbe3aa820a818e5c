/**
 * The live rooms of two server processes sharing a PostgreSQL database: each
 * has its own pool and its own bus over LISTEN/NOTIFY (a real PostgreSQL,
 * test/support/postgres.ts). Viewers on either side see each other, events
 * cross (a reader's own view rendered on the reader's side, a document far
 * over a notification's 8000 bytes arriving whole), what a user edits shows
 * on the other side, a process's own messages do not come back to it, and
 * a process that stops takes its viewers out of the other's rooms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { LiveRooms, type LiveViewer } from '../../../api/cycle/coediting/live.js';
import { type ClosableBus, postgresBus } from '../../../api/platform/processes/postgres-bus.js';
import { createDatabase, type PostgresServer, startPostgres } from '../../support/postgres.js';

let server: PostgresServer;
let database: Awaited<ReturnType<typeof createDatabase>>;
const pools: pg.Pool[] = [];
const buses: ClosableBus[] = [];

async function processWithRooms(): Promise<{ rooms: LiveRooms; bus: ClosableBus }> {
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  pools.push(pool);
  const bus = await postgresBus(pool);
  buses.push(bus);
  const rooms = new LiveRooms(bus);
  rooms.defineView('work_plan.document', (data: { title: string; editors: string[] }, viewer: LiveViewer) => ({ title: data.title, canEdit: data.editors.includes(viewer.userId) }));
  return { rooms, bus };
}

/** Everything a stream was sent, and a wait for what it should get. */
function stream() {
  const got: { event: string; data: any }[] = [];
  return {
    got,
    send: (event: string, data: unknown) => got.push({ event, data }),
    async until(what: string, done: () => boolean, seconds = 10) {
      const end = Date.now() + seconds * 1000;
      while (!done()) {
        if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}; got ${JSON.stringify(got.map((g) => g.event))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    presence: () => [...got].reverse().find((g) => g.event === 'presence')?.data.viewers.map((v: { userId: string; editing: string | null }) => `${v.userId}:${v.editing ?? '-'}`).sort() as string[] | undefined
  };
}

beforeAll(async () => {
  server = await startPostgres();
  database = await createDatabase(server);
});
afterAll(async () => {
  for (const bus of buses) await bus.close().catch(() => undefined);
  for (const pool of pools) await pool.end();
  await database?.drop();
  await server?.stop();
});

describe('live rooms over PostgreSQL LISTEN/NOTIFY', () => {
  it('span two processes: presence, events, each reader’s view, long documents, editing, and a process that stops', async () => {
    const a = await processWithRooms();
    const b = await processWithRooms();
    const room = 'work_plan:plan-1';
    const annelies = stream();
    const jonas = stream();
    a.rooms.subscribe(room, { userId: 'annelies', name: 'Annelies Claes', organisationName: 'Provincie Vlaams-Brabant' }, annelies.send);
    b.rooms.subscribe(room, { userId: 'jonas', name: 'Jonas Weber', organisationName: 'Verband Region Rhein-Neckar' }, jonas.send);
    await annelies.until('both viewers on process A', () => JSON.stringify(annelies.presence()) === '["annelies:-","jonas:-"]');
    await jonas.until('both viewers on process B', () => JSON.stringify(jonas.presence()) === '["annelies:-","jonas:-"]');

    // an item published on A reaches B once, and A's own message does not come back to A
    a.rooms.publish(room, 'item', { action: 'create', record: { title: 'Delegationsreise nach Leuven' } });
    await jonas.until('the item on B', () => jonas.got.some((g) => g.event === 'item'));
    await new Promise((r) => setTimeout(r, 200));
    expect(annelies.got.filter((g) => g.event === 'item')).toHaveLength(1);
    expect(jonas.got.filter((g) => g.event === 'item')).toHaveLength(1);

    // the header as each reader may act on it, rendered on the reader's side; far longer than one notification holds
    const title = `Werkplan 2027 — ${'gemeinsame Aktivitäten, Ausschüsse, Delegationen; '.repeat(400)}`;
    expect(Buffer.byteLength(title)).toBeGreaterThan(8000 * 2);
    b.rooms.publishView(room, 'document', 'work_plan.document', { title, editors: ['annelies'] });
    await annelies.until('the document on A', () => annelies.got.some((g) => g.event === 'document'));
    expect(annelies.got.find((g) => g.event === 'document')!.data).toEqual({ title, canEdit: true });
    expect(jonas.got.find((g) => g.event === 'document')!.data).toEqual({ title, canEdit: false });

    // what Jonas edits (said on A, where he has no stream) shows on both sides
    a.rooms.setEditing(room, 'jonas', 'item-7');
    await annelies.until('Jonas editing, on A', () => JSON.stringify(annelies.presence()) === '["annelies:-","jonas:item-7"]');
    await jonas.until('Jonas editing, on B', () => JSON.stringify(jonas.presence()) === '["annelies:-","jonas:item-7"]');

    // process B stops: A's stream sees Jonas go
    await b.bus.close();
    await annelies.until('Jonas gone from A', () => JSON.stringify(annelies.presence()) === '["annelies:-"]');
  });
});
