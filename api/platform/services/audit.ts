/**
 * The audit trail: every write that matters records who, when, what,
 * before and after, inside the same transaction as the write.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/connection.js';
import { type AuditEventRow, insertAuditEvent, listAuditEvents } from '../../../db/platform/audit.js';
import type { Database } from '../../../db/schema.js';
import type { Caller } from '../http/caller.js';
import { PreconditionFailed } from '../http/errors.js';
import type { AuditEvent } from '../schemas/common.js';

export type EntityType = 'region' | 'organisation' | 'person' | 'partnership' | 'interaction' | 'user' | 'activity' | 'task' | 'cost' | 'budget' | 'feedback' | 'programme' | 'call' | 'proposal' | 'scoring_matrix' | 'work_plan' | 'evaluation';

export function recordChange(
  trx: Kysely<Database>,
  caller: Caller | null,
  entityType: EntityType,
  entityId: string,
  before: unknown,
  after: unknown
): Promise<void> {
  const action = before == null ? 'create' : after == null ? 'delete' : 'update';
  if (action === 'update' && sameContent(before, after)) return Promise.resolve();
  return insertAuditEvent(trx, { actorId: caller?.userId ?? null, action, entityType, entityId, before, after });
}

/** An update that changed nothing but the version and the time stamp is not worth a history entry. */
function sameContent(before: unknown, after: unknown): boolean {
  const content = (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
    const { version: _version, updatedAt: _updatedAt, ...rest } = value as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  return content(before) === content(after);
}

/** Throws 412 with the current record when the client's `If-Match` is stale. */
export function checkVersion<T extends { version: number }>(expected: number | null, current: T): void {
  if (expected !== null && expected !== current.version) throw new PreconditionFailed(current);
}

export async function auditTrail(db: DB, entityType: EntityType, entityId: string): Promise<AuditEvent[]> {
  return (await listAuditEvents(db, entityType, entityId)).map(toAuditEvent);
}

/** An audit event as the API shows it: its snapshots parsed, its actor with their name. */
export function toAuditEvent(r: AuditEventRow): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    before: r.before,
    after: r.after
  };
}
