/**
 * The live routes of a co-edited document (HTTP only), mounted by the work
 * plan's and the evaluation's routes:
 * - GET /:id/events: the document's room as Server-Sent Events — `hello`
 *   ({ presence }) first, then every event the service publishes, in order,
 *   and a comment line every 15 s so proxies keep the stream open; leaving
 *   the room when the client goes.
 * - PUT /:id/presence: which record the caller is editing (null: none).
 * The rules (who may join, who may say they edit) live in the services.
 */
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { describe, validate, type Caller } from '../../platform/index.js';
import { type Presence, PresenceBody } from '../schemas/coediting.js';
import { IdParam } from '../../platform/schemas/common.js';
import type { LiveSend } from '../coediting/live.js';
import type { CycleEnv, CycleServices } from '../services/index.js';

const KEEP_ALIVE_MS = 15_000;

/** What a co-edited document's service offers for its live room. */
export interface LiveDocumentService {
  /** Joins the room (404 unless visible): the presence to greet with, and the function that leaves. */
  subscribe(caller: Caller, id: string, send: LiveSend): Promise<{ presence: Presence; unsubscribe: () => void }>;
  /** Marks what the caller edits (null: nothing). */
  setPresence(caller: Caller, id: string, editing: string | null): Promise<void>;
}

interface LiveRouteTexts {
  tag: string;
  events: { summary: string; description?: string };
  presence: { summary: string };
}

/** One Server-Sent Event: its name and its data as one line of JSON. */
function sseText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveStreamRoutes(texts: LiveRouteTexts, serviceOf: (services: CycleServices) => LiveDocumentService) {
  const { tag } = texts;
  return new Hono<CycleEnv>()
    .get('/:id/events', describe({ tag, ...texts.events, file: 'text/event-stream' }), validate('param', IdParam), async (c) => {
      // written straight to the stream (not writeSSE, which awaits before writing) so events keep their order
      let stream: SSEStreamingApi | null = null;
      const pending: string[] = [];
      const send = (event: string, data: unknown) => {
        const text = sseText(event, data);
        if (stream) void stream.write(text);
        else pending.push(text);
      };
      const { presence, unsubscribe } = await serviceOf(c.var.services).subscribe(c.var.caller, c.req.valid('param').id, send);
      return streamSSE(
        c,
        async (s) => {
          s.onAbort(unsubscribe);
          void s.write(sseText('hello', { presence }));
          for (const text of pending.splice(0)) void s.write(text);
          stream = s;
          const keepAlive = setInterval(() => void s.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
          await new Promise<void>((resolve) => s.onAbort(resolve));
          clearInterval(keepAlive);
        },
        async () => unsubscribe()
      );
    })
    .put('/:id/presence', describe({ tag, summary: texts.presence.summary, status: 204 }), validate('param', IdParam), validate('json', PresenceBody), async (c) => {
      await serviceOf(c.var.services).setPresence(c.var.caller, c.req.valid('param').id, c.req.valid('json').editing);
      return c.body(null, 204);
    });
}
