/**
 * Helpers for the work-plan tests: a second approver (an officer of P1 from
 * PFB, the Flemish party: the world's officer and admin are VRRN), a plan
 * with items, and reading a Server-Sent Events stream from the app.
 */
import { expect } from 'vitest';
import { digest } from '../../api/platform/auth/secrets.js';
import { newId } from '../../db/ids.js';
import type { ApiHarness } from './api.js';
import { client, type Client } from './http.js';

/** An officer of P1 whose organisation is PFB, so it approves for the Flemish party. */
export async function pfbOfficer(h: ApiHarness): Promise<{ id: string; token: string; client: Client }> {
  const id = newId();
  await h.db.insertInto('users').values({ id, email: `pfb-officer-${id}@test.regiodesk.eu`, name: 'Pfb Officer', password_hash: null, organisation_id: h.world.organisations.pfb, is_admin: 0, disabled_at: null }).execute();
  await h.db.insertInto('memberships').values({ user_id: id, partnership_id: h.world.partnerships.p1, role: 'officer' }).execute();
  const token = `rd_test_pfbofficer_${id}`;
  await h.db.insertInto('access_tokens').values({ id: newId(), user_id: id, name: 'tests', token_hash: digest(token), prefix: token.slice(0, 9) }).execute();
  return { id, token, client: client(h.app, token) };
}

/** A work plan of P1 for `year`, made by the officer; answers its detail. */
export async function newPlan(h: ApiHarness, year: number, body: Record<string, unknown> = {}) {
  const reply = await h.as.officer.post('/api/workplans', { partnershipId: h.world.partnerships.p1, year, ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; version: number; items: { id: string; version: number; title: string }[] };
}

/** Adds an item as `who` (default: the officer); answers the stored item. */
export async function newItem(h: ApiHarness, planId: string, body: Record<string, unknown>, who: Client = h.as.officer) {
  const reply = await who.post(`/api/workplans/${planId}/items`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.item as { id: string; version: number; title: string; description: string | null; status: string; position: number };
}

export interface SseEvent {
  event: string;
  data: any;
}

/**
 * Opens /api/workplans/:id/events as `token`'s user through app.request and
 * reads it event by event; `close()` cancels the stream (the server
 * unsubscribes).
 */
export async function openEvents(h: ApiHarness, planId: string, token: string) {
  const response = await h.app.request(`/api/workplans/${planId}/events`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  async function fill(): Promise<boolean> {
    const { done, value } = await reader.read();
    if (done) return false;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (event) queue.push({ event, data: JSON.parse(data) });
    }
    return true;
  }
  return {
    /** the next event (waits for it) */
    async next(): Promise<SseEvent> {
      while (!queue.length) if (!(await fill())) throw new Error('the stream ended');
      return queue.shift()!;
    },
    /** the next event with this name, skipping others (returned too, for checks) */
    async nextOf(name: string): Promise<{ event: SseEvent; skipped: SseEvent[] }> {
      const skipped: SseEvent[] = [];
      for (;;) {
        const event = await this.next();
        if (event.event === name) return { event, skipped };
        skipped.push(event);
      }
    },
    async close(): Promise<void> {
      await reader.cancel();
    }
  };
}
