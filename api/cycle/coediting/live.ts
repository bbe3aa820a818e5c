/**
 * Live rooms of the co-edited documents: one room per document
 * (`roomOf('work_plan', id)` → "work_plan:<id>"), holding the open event
 * streams with who is viewing and which record each viewer edits.
 *
 * - `subscribe(room, viewer, send)` registers a stream and returns the
 *   function that unsubscribes it (call it when the stream closes); every
 *   member is told the new presence (`presence` event).
 * - `setEditing(room, userId, editing)` (PUT …/presence) marks which record
 *   a viewer is editing, for all of that user's streams in the room.
 * - `publish(room, event, data)` sends an event to every stream in the room;
 *   `publishView(room, event, view, data)` sends what the view (registered
 *   with `defineView`) makes of `data` for each reader, for content that
 *   depends on the reader's rights. Services call them after their
 *   transaction committed.
 *
 * Several processes (REGIODESK_PROCESSES, or processes on several machines
 * sharing PostgreSQL): each holds the streams opened on it; over the process
 * bus they tell each other their viewers per room, the events published and
 * what a user edits, so a room spans every process. Each repeats its
 * viewers every 20 s; a process not heard of for a minute (a crash the bus
 * could not report) has its viewers taken out of the rooms.
 * The views are defined in every process (the services define them), so an
 * event crosses as data and each process renders it for its own readers.
 * One `LiveRooms` per createServices() (tests stay isolated); the work-plan
 * and the evaluation services share it. A user with several tabs open is
 * one viewer.
 */
import type { Caller, ProcessBus, BusMessage } from '../../platform/index.js';
import type { Presence, Viewer } from '../schemas/coediting.js';
import type { CoeditDocumentType } from './history.js';

export type LiveSend = (event: string, data: unknown) => void;

export interface LiveViewer {
  userId: string;
  name: string;
  organisationName: string | null;
  /** the viewer's rights, for events whose content depends on them (e.g. canEdit) */
  caller?: Caller;
}

/** What a view makes of an event's data for one reader. */
export type LiveView = (data: any, viewer: LiveViewer) => unknown;

interface Connection {
  viewer: LiveViewer;
  send: LiveSend;
}

interface Room {
  connections: Map<number, Connection>;
  editing: Map<string, string | null>;
}

/** What the processes of a group tell each other about the rooms (topic `live`). */
type LiveMessage =
  | { kind: 'event'; room: string; event: string; data: unknown; view: string | null }
  | { kind: 'viewers'; room: string; viewers: Viewer[] }
  | { kind: 'ask'; room: string }
  | { kind: 'editing'; room: string; userId: string; editing: string | null };

const TOPIC = 'live';
/** how often a process repeats who it holds, and after how long without a word another process's viewers are forgotten */
const REPEAT_MS = 20_000;
const FORGET_MS = 3 * REPEAT_MS;

export function roomOf(type: CoeditDocumentType, id: string): string {
  return `${type}:${id}`;
}

export class LiveRooms {
  private readonly rooms = new Map<string, Room>();
  private readonly views = new Map<string, LiveView>();
  /** the viewers the other processes hold, per room and process, with when that process last said so */
  private readonly elsewhere = new Map<string, Map<string, { viewers: Viewer[]; heardAt: number }>>();
  private next = 1;

  constructor(
    private readonly bus: ProcessBus | null = null,
    private readonly now: () => number = Date.now
  ) {
    if (!bus) return;
    bus.listen((message) => this.hear(message));
    // every process repeats who it holds now and then; a process that stopped without a word (a crash on another machine) is forgotten
    setInterval(() => this.refresh(), REPEAT_MS).unref();
  }

  /** Names a view for `publishView`; the same name in every process of a group. */
  defineView(name: string, view: LiveView): void {
    this.views.set(name, view);
  }

  subscribe(room: string, viewer: LiveViewer, send: LiveSend): () => void {
    const opened = !this.rooms.has(room);
    const members = this.rooms.get(room) ?? { connections: new Map(), editing: new Map() };
    this.rooms.set(room, members);
    const id = this.next++;
    members.connections.set(id, { viewer, send });
    // the first stream of a room here: the others say who they hold in it
    if (opened) this.tell({ kind: 'ask', room });
    this.changed(room);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      members.connections.delete(id);
      if (![...members.connections.values()].some((c) => c.viewer.userId === viewer.userId)) members.editing.delete(viewer.userId);
      if (members.connections.size === 0) this.rooms.delete(room);
      this.changed(room);
    };
  }

  /** `subscribe`, answering also who is in the room now (the viewer among them), to greet the new stream with. */
  join(room: string, viewer: LiveViewer, send: LiveSend): { presence: Presence; unsubscribe: () => void } {
    const unsubscribe = this.subscribe(room, viewer, send);
    return { presence: this.presence(room), unsubscribe };
  }

  /** Who is in the room, one entry per user: this process's viewers in the order they came, then the other processes'. */
  presence(room: string): Presence {
    const viewers = new Map<string, Viewer>();
    for (const viewer of this.viewersHere(room)) viewers.set(viewer.userId, viewer);
    for (const held of this.elsewhere.get(room)?.values() ?? []) for (const viewer of held.viewers) if (!viewers.has(viewer.userId)) viewers.set(viewer.userId, viewer);
    return { viewers: [...viewers.values()] };
  }

  /** Mark what a viewer edits (null: nothing), in every process holding a stream of theirs; ignored where they have none. */
  setEditing(room: string, userId: string, editing: string | null): void {
    this.tell({ kind: 'editing', room, userId, editing });
    this.edit(room, userId, editing);
  }

  /** Send an event to the room, in every process. */
  publish(room: string, event: string, data: unknown): void {
    this.tell({ kind: 'event', room, event, data, view: null });
    this.deliver(room, event, data, null);
  }

  /** Send each reader of the room what the view `view` makes of `data` for them, in every process. */
  publishView(room: string, event: string, view: string, data: unknown): void {
    if (!this.views.has(view)) throw new Error(`No live view named ${view}.`);
    this.tell({ kind: 'event', room, event, data, view });
    this.deliver(room, event, data, view);
  }

  /** How many streams are open in a room in this process (for tests and health). */
  size(room: string): number {
    return this.rooms.get(room)?.connections.size ?? 0;
  }

  private viewersHere(room: string): Viewer[] {
    const members = this.rooms.get(room);
    if (!members) return [];
    const viewers = new Map<string, Viewer>();
    for (const { viewer } of members.connections.values()) {
      if (!viewers.has(viewer.userId)) {
        viewers.set(viewer.userId, { userId: viewer.userId, name: viewer.name, organisationName: viewer.organisationName, editing: members.editing.get(viewer.userId) ?? null });
      }
    }
    return [...viewers.values()];
  }

  private edit(room: string, userId: string, editing: string | null): void {
    const members = this.rooms.get(room);
    if (!members || ![...members.connections.values()].some((c) => c.viewer.userId === userId)) return;
    if ((members.editing.get(userId) ?? null) === editing) return;
    members.editing.set(userId, editing);
    this.changed(room);
  }

  private deliver(room: string, event: string, data: unknown, view: string | null): void {
    const members = this.rooms.get(room);
    if (!members) return;
    const render = view === null ? null : this.views.get(view);
    for (const connection of [...members.connections.values()]) {
      try {
        connection.send(event, render ? render(data, connection.viewer) : data);
      } catch {
        // a stream that broke is cleaned up by its own abort handler
      }
    }
  }

  /** This process's viewers of the room changed: the other processes hear of it, the streams here get the new presence. */
  private changed(room: string): void {
    this.tell({ kind: 'viewers', room, viewers: this.viewersHere(room) });
    this.announce(room);
  }

  private announce(room: string): void {
    this.deliver(room, 'presence', this.presence(room), null);
  }

  private tell(message: LiveMessage): void {
    this.bus?.send(TOPIC, message);
  }

  private hear(message: BusMessage): void {
    if (message.topic === 'gone') return this.forget(message.origin);
    if (message.topic !== TOPIC) return;
    const live = message as unknown as LiveMessage & { origin: string };
    if (live.kind === 'event') this.deliver(live.room, live.event, live.data, live.view);
    else if (live.kind === 'editing') this.edit(live.room, live.userId, live.editing);
    else if (live.kind === 'ask') {
      if (this.rooms.has(live.room)) this.tell({ kind: 'viewers', room: live.room, viewers: this.viewersHere(live.room) });
    } else {
      const held = this.elsewhere.get(live.room) ?? new Map<string, { viewers: Viewer[]; heardAt: number }>();
      const before = JSON.stringify(held.get(live.origin)?.viewers ?? []);
      if (live.viewers.length) held.set(live.origin, { viewers: live.viewers, heardAt: this.now() });
      else held.delete(live.origin);
      if (held.size) this.elsewhere.set(live.room, held);
      else this.elsewhere.delete(live.room);
      // a repetition of what was known changes nothing the streams need to hear
      if (JSON.stringify(live.viewers) !== before) this.announce(live.room);
    }
  }

  /** Says again who this process holds in each room, and forgets what another process has not repeated for `FORGET_MS`. */
  refresh(): void {
    for (const room of this.rooms.keys()) this.tell({ kind: 'viewers', room, viewers: this.viewersHere(room) });
    const oldest = this.now() - FORGET_MS;
    for (const [room, held] of this.elsewhere) {
      let changed = false;
      for (const [origin, entry] of held) if (entry.heardAt < oldest) changed = held.delete(origin);
      if (!held.size) this.elsewhere.delete(room);
      if (changed) this.announce(room);
    }
  }

  /** A process of the group ended: its viewers leave every room. */
  private forget(origin: string): void {
    for (const [room, held] of this.elsewhere) {
      if (!held.delete(origin)) continue;
      if (!held.size) this.elsewhere.delete(room);
      this.announce(room);
    }
  }
}
