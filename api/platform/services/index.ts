/** The platform's services: signing in, the health check and the audit trail (each context says who may read its records' trails). */
import type { DB } from '../../../db/connection.js';
import type { Settings } from '../config.js';
import type { ContextEnv } from '../http/context.js';
import { AuditTrailService, type AuditedRecords, type RecordVisibility } from './audit-trail.js';
import { AuthService } from './auth.js';
import { HealthService } from './health.js';
import type { EntityType } from './audit.js';

export function platformServices(db: DB, settings: Settings, clock: (() => Date) | undefined, records: Record<Exclude<EntityType, 'user'>, RecordVisibility>) {
  return {
    auth: new AuthService(db, settings, clock),
    health: new HealthService(db),
    auditTrail: new AuditTrailService(db, records)
  };
}

export type PlatformServices = ReturnType<typeof platformServices>;
export type PlatformEnv = ContextEnv<PlatformServices>;
export type { AuditedRecords };
