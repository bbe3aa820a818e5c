/**
 * Live rooms of the co-edited documents, in this process: one room per
 * document (`roomOf('work_plan', id)` → "work_plan:<id>"), holding the open
 * event streams with who is viewing and which record each viewer edits.
 *
 * - `subscribe(room, viewer, send)` registers a stream and returns the
 *   function that unsubscribes it (call it when the stream closes); every
 *   member is told the new presence (`presence` event).
 * - `setEditing(room, userId, editing)` (PUT …/presence) marks which record
 *   a viewer is editing, for all of that user's streams in the room.
 * - `publish(room, event, data)` sends an event to every stream in the room
 *   (`data` may be `(viewer) => data` when it depends on the reader's rights);
 *   services call it after their transaction committed.
 * One `LiveRooms` per createServices() (tests stay isolated); the work-plan
 * and the evaluation services share it. A user with several tabs open is
 * one viewer.
 */
import type { Caller } from '../../platform/index.js';
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

interface Connection {
  viewer: LiveViewer;
  send: LiveSend;
}

interface Room {
  connections: Map<number, Connection>;
  editing: Map<string, string | null>;
}

export function roomOf(type: CoeditDocumentType, id: string): string {
  return `${type}:${id}`;
}

export class LiveRooms {
  private readonly rooms = new Map<string, Room>();
  private next = 1;

  subscribe(room: string, viewer: LiveViewer, send: LiveSend): () => void {
    const members = this.rooms.get(room) ?? { connections: new Map(), editing: new Map() };
    this.rooms.set(room, members);
    const id = this.next++;
    members.connections.set(id, { viewer, send });
    this.announce(room);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      members.connections.delete(id);
      if (![...members.connections.values()].some((c) => c.viewer.userId === viewer.userId)) members.editing.delete(viewer.userId);
      if (members.connections.size === 0) this.rooms.delete(room);
      else this.announce(room);
    };
  }

  /** `subscribe`, answering also who is in the room now (the viewer among them), to greet the new stream with. */
  join(room: string, viewer: LiveViewer, send: LiveSend): { presence: Presence; unsubscribe: () => void } {
    const unsubscribe = this.subscribe(room, viewer, send);
    return { presence: this.presence(room), unsubscribe };
  }

  /** Who is in the room, one entry per user, in the order they came. */
  presence(room: string): Presence {
    const members = this.rooms.get(room);
    if (!members) return { viewers: [] };
    const viewers = new Map<string, Viewer>();
    for (const { viewer } of members.connections.values()) {
      if (!viewers.has(viewer.userId)) {
        viewers.set(viewer.userId, { userId: viewer.userId, name: viewer.name, organisationName: viewer.organisationName, editing: members.editing.get(viewer.userId) ?? null });
      }
    }
    return { viewers: [...viewers.values()] };
  }

  /** Mark what a viewer edits (null: nothing). Ignored for a user with no open stream in the room. */
  setEditing(room: string, userId: string, editing: string | null): void {
    const members = this.rooms.get(room);
    if (!members || ![...members.connections.values()].some((c) => c.viewer.userId === userId)) return;
    if ((members.editing.get(userId) ?? null) === editing) return;
    members.editing.set(userId, editing);
    this.announce(room);
  }

  /** Send an event to the room; `data` may be a function of the viewer, for content that depends on who reads it. */
  publish(room: string, event: string, data: unknown): void {
    const members = this.rooms.get(room);
    if (!members) return;
    for (const connection of [...members.connections.values()]) {
      try {
        connection.send(event, typeof data === 'function' ? (data as (viewer: LiveViewer) => unknown)(connection.viewer) : data);
      } catch {
        // a stream that broke is cleaned up by its own abort handler
      }
    }
  }

  /** How many streams are open in a room (for tests and health). */
  size(room: string): number {
    return this.rooms.get(room)?.connections.size ?? 0;
  }

  private announce(room: string): void {
    this.publish(room, 'presence', this.presence(room));
  }
}
