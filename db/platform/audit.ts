/** Every SQL statement about the audit trail. */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../ids.js';
import { auditJson, type Decoded, decodeRow, encodeRow, type JsonText } from '../json-columns.js';
import type { Database } from '../schema.js';

export interface AuditEntry {
  actorId: string | null;
  action: 'create' | 'update' | 'delete' | string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function insertAuditEvent(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      ...encodeRow<{ before: JsonText<unknown> | null; after: JsonText<unknown> | null }>(auditJson, { before: entry.before ?? null, after: entry.after ?? null })
    })
    .execute();
}

/** Audit events with the name of the user who acted: the start of every read of the trail. */
export function selectAuditEvents(db: Kysely<Database>) {
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.action',
      'audit_events.entity_type',
      'audit_events.entity_id',
      'audit_events.before',
      'audit_events.after',
      'audit_events.actor_id',
      'users.name as actor_name'
    ]);
}

type StoredAuditEventRow = Awaited<ReturnType<ReturnType<typeof selectAuditEvents>['execute']>>[number];

/** An audit event with its snapshots read (selectAuditEvents' rows through decodeAuditEvent). */
export type AuditEventRow = Decoded<StoredAuditEventRow>;

export function decodeAuditEvent(row: StoredAuditEventRow): AuditEventRow {
  return decodeRow(auditJson, row);
}

export async function listAuditEvents(db: Kysely<Database>, entityType: string, entityId: string, limit = 100): Promise<AuditEventRow[]> {
  const rows = await selectAuditEvents(db)
    .where('audit_events.entity_type', '=', entityType)
    .where('audit_events.entity_id', '=', entityId)
    .orderBy('audit_events.at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(decodeAuditEvent);
}
