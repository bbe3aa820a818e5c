/**
 * The live connection to a co-edited document: an EventSource on
 * `/api/{workplans|evaluations}/{id}/events` that keeps who is viewing
 * (`viewers`), hands every change to the page (`onchange` for item, section
 * and assessment events, `onremoved`, `ondocument`) so it can update its
 * state without a reload, and reconnects by itself, slower each time, when
 * the stream ends. After a reconnect `onreconnect` lets the page fetch what
 * it may have missed, and the editing mark is sent again.
 * `setEditing(recordId | null)` tells the others what this user edits.
 * Create it in a component's set-up, call `start()` in onMount and
 * `close()` when the component goes.
 */
import type { LiveChange, Presence, Viewer } from '$api/cycle/schemas/coediting';
import { documentApi, documentPath, type DocumentType } from './documents.js';

export type LiveRecordKind = 'item' | 'section' | 'assessment';

export interface LiveHandlers {
  onchange?: (kind: LiveRecordKind, change: LiveChange) => void;
  onremoved?: (id: string, actor: LiveChange['actor']) => void;
  ondocument?: (document: unknown) => void;
  onreconnect?: () => void;
}

const RECORD_EVENTS: LiveRecordKind[] = ['item', 'section', 'assessment'];

export class LiveConnection {
  viewers = $state<Viewer[]>([]);
  /** 'connecting' until the first hello, 'live' while the stream is open, 'retrying' between attempts */
  state = $state<'connecting' | 'live' | 'retrying' | 'closed'>('connecting');

  #type: DocumentType;
  #id: string;
  #handlers: LiveHandlers;
  #source: EventSource | null = null;
  #editing: string | null = null;
  #attempts = 0;
  #everConnected = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(type: DocumentType, id: string, handlers: LiveHandlers) {
    this.#type = type;
    this.#id = id;
    this.#handlers = handlers;
  }

  start(): void {
    if (typeof EventSource === 'undefined' || this.state === 'closed') return;
    const source = new EventSource(documentPath(this.#type, this.#id, 'events'));
    this.#source = source;
    source.addEventListener('hello', (event) => {
      const data = parse<{ presence: Presence }>(event);
      if (data) this.viewers = data.presence.viewers;
      const again = this.#everConnected;
      this.#everConnected = true;
      this.#attempts = 0;
      this.state = 'live';
      if (this.#editing) void this.#sendEditing();
      if (again) this.#handlers.onreconnect?.();
    });
    source.addEventListener('presence', (event) => {
      const data = parse<Presence>(event);
      if (data) this.viewers = data.viewers;
    });
    for (const kind of RECORD_EVENTS) {
      source.addEventListener(kind, (event) => {
        const data = parse<LiveChange>(event);
        if (data) this.#handlers.onchange?.(kind, data);
      });
    }
    source.addEventListener('item-removed', (event) => {
      const data = parse<{ id: string; actor: LiveChange['actor'] }>(event);
      if (data) this.#handlers.onremoved?.(data.id, data.actor);
    });
    source.addEventListener('document', (event) => {
      const data = parse<unknown>(event);
      if (data) this.#handlers.ondocument?.(data);
    });
    source.onerror = () => {
      if (this.state === 'closed') return;
      // the browser retries by itself while CONNECTING; a CLOSED stream is ours to restart
      this.state = 'retrying';
      if (source.readyState === EventSource.CLOSED) this.#reconnect();
    };
  }

  #reconnect(): void {
    this.#source?.close();
    this.#source = null;
    const delay = Math.min(30_000, 1000 * 2 ** this.#attempts);
    this.#attempts += 1;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.start();
    }, delay);
  }

  /** Tell the others which record this user edits now (null: none). */
  async setEditing(recordId: string | null): Promise<void> {
    if (this.#editing === recordId) return;
    this.#editing = recordId;
    await this.#sendEditing();
  }

  async #sendEditing(): Promise<void> {
    try {
      await documentApi(this.#type).presence.$put({ param: { id: this.#id }, json: { editing: this.#editing } });
    } catch {
      /* presence is a courtesy; the next change or reconnect sends it again */
    }
  }

  /** the viewers editing `recordId`, leaving out `userId` (usually oneself) */
  editorsOf(recordId: string, userId?: string): Viewer[] {
    return this.viewers.filter((v) => v.editing === recordId && v.userId !== userId);
  }

  close(): void {
    this.state = 'closed';
    if (this.#timer) clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = null;
  }
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}
