/**
 * The live rooms forget the viewers of a process that stopped without a word
 * (a crash on another machine, which the bus cannot report): each process
 * repeats who it holds every 20 s, and what another process has not repeated
 * for a minute leaves the rooms. The processes here talk over a hub in
 * memory with the bus's interface (the bus over PostgreSQL is tested in
 * test/api/cycle/live-rooms-postgres.test.ts); one is cut off from it.
 */
import { describe, expect, it } from 'vitest';
import { LiveRooms } from '../../../api/cycle/coediting/live.js';
import type { BusMessage, ProcessBus } from '../../../api/platform/index.js';

function hub() {
  const members = new Map<string, (message: BusMessage) => void>();
  return {
    bus(origin: string): ProcessBus & { cut(): void } {
      return {
        origin,
        send(topic, fields) {
          if (!members.has(origin)) return;
          for (const [other, listener] of members) if (other !== origin) listener({ ...fields, topic, origin });
        },
        listen(listener) {
          members.set(origin, listener);
          return () => members.delete(origin);
        },
        cut: () => members.delete(origin)
      };
    }
  };
}

const presence = (rooms: LiveRooms, room: string) => rooms.presence(room).viewers.map((v) => v.userId);

describe('live rooms across processes', () => {
  it('forget a process not heard of for a minute, and keep one that repeats itself', () => {
    let now = Date.parse('2026-12-07T09:00:00Z');
    const clock = () => now;
    const net = hub();
    const [a, b, c] = ['a', 'b', 'c'].map((origin) => ({ bus: net.bus(origin) }));
    const rooms = { a: new LiveRooms(a!.bus, clock), b: new LiveRooms(b!.bus, clock), c: new LiveRooms(c!.bus, clock) };
    const room = 'evaluation:2026';
    const seen: string[][] = [];
    rooms.a.subscribe(room, { userId: 'annelies', name: 'Annelies Claes', organisationName: null }, (event, data: any) => event === 'presence' && seen.push(data.viewers.map((v: { userId: string }) => v.userId)));
    rooms.b.subscribe(room, { userId: 'jonas', name: 'Jonas Weber', organisationName: null }, () => undefined);
    rooms.c.subscribe(room, { userId: 'pieter', name: 'Pieter Janssens', organisationName: null }, () => undefined);
    expect(presence(rooms.a, room).sort()).toEqual(['annelies', 'jonas', 'pieter']);

    // c is cut off without a word; b goes on repeating itself
    c!.bus.cut();
    now += 40_000;
    rooms.b.refresh();
    rooms.a.refresh();
    expect(presence(rooms.a, room).sort()).toEqual(['annelies', 'jonas', 'pieter']);
    now += 25_000;
    rooms.b.refresh();
    rooms.a.refresh();
    expect(presence(rooms.a, room).sort()).toEqual(['annelies', 'jonas']);
    expect(seen.at(-1)!.sort()).toEqual(['annelies', 'jonas']);
    // a repetition that changes nothing is not announced again
    const told = seen.length;
    rooms.b.refresh();
    expect(seen.length).toBe(told);
  });
});
