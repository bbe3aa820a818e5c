/**
 * Reading the audit trail of one record: allowed exactly when the caller
 * may see that record (404 otherwise, as for the record itself). Each
 * context says who may see its records (`AuditedRecords`, handed in when
 * the services are built), so this file knows no context's tables. A
 * user's trail is for system administrators and the user themself. System
 * administrators also read the trail of a record that has since been
 * deleted.
 */
import type { DB } from '../../../db/connection.js';
import { findUser } from '../../../db/platform/users.js';
import type { Caller } from '../http/caller.js';
import { NotFound } from '../http/errors.js';
import type { AuditTrail } from '../schemas/audit.js';
import { type EntityType, auditTrail } from './audit.js';

/** Whether the caller may see the record `id` (and so read its trail). */
export type RecordVisibility = (db: DB, caller: Caller, id: string) => Promise<boolean>;
export type AuditedRecords = Partial<Record<EntityType, RecordVisibility>>;

const userRecords = {
  user: async (db, caller, id) => caller.userId === id || (caller.isAdmin && (await findUser(db, id)) !== undefined)
} satisfies AuditedRecords;

export class AuditTrailService {
  private readonly records: Record<EntityType, RecordVisibility>;

  /** `records`: every kind of record but users (this file's own), each context's rule */
  constructor(
    private readonly db: DB,
    records: Record<Exclude<EntityType, 'user'>, RecordVisibility>
  ) {
    this.records = { ...userRecords, ...records };
  }

  async of(caller: Caller, entityType: EntityType, entityId: string): Promise<AuditTrail> {
    if (await this.records[entityType](this.db, caller, entityId)) return { items: await auditTrail(this.db, entityType, entityId) };
    const deleted = caller.isAdmin ? await auditTrail(this.db, entityType, entityId) : [];
    if (!deleted.length) throw new NotFound(entityType);
    return { items: deleted };
  }
}
