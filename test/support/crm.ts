/** Small builders for CRM records through the API (organisations, people, interactions). */
import { expect } from 'vitest';
import type { Client, Reply } from './http.js';
import type { DB } from '../../db/connection.js';
import { allRows } from './sql.js';

export async function createOrganisation(as: Client, fields: Record<string, unknown> = {}) {
  const reply = await as.post('/api/organisations', { name: 'Test organisation', kind: 'company', country: 'DE', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

export async function createPerson(as: Client, fields: Record<string, unknown> = {}) {
  const reply = await as.post('/api/people', { name: 'Test person', lawfulBasis: 'public_task', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

export async function createInteraction(as: Client, fields: Record<string, unknown> = {}) {
  const reply = await as.post('/api/interactions', { kind: 'note', occurredAt: '2024-03-01T10:00:00Z', summary: 'Spoke about the next delegation trip.', ...fields });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** Every item of a list, following `nextCursor` page by page. */
export async function allPages(as: Client, path: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const reply: Reply = await as.get(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { items, pages };
}

export function names(items: { name: string }[]): string[] {
  return items.map((i) => i.name);
}

/** Audit actions recorded for one record, oldest first. */
export async function auditActions(h: { db: DB }, entityType: string, entityId: string): Promise<string[]> {
  const found = await allRows<{ action: string }>(h, 'SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY at, id', entityType, entityId);
  return found.map((r) => r.action);
}
