/** The platform's services: signing in (with a password or through an OpenID provider), the health check and the audit trail (each context says who may read its records' trails). */
import type { DB } from '../../../db/connection.js';
import type { Settings } from '../config.js';
import type { ContextEnv } from '../http/context.js';
import { AuditTrailService, type AuditedRecords, type RecordVisibility } from './audit-trail.js';
import { AuthService } from './auth.js';
import { HealthService } from './health.js';
import { SingleSignOnService } from './single-sign-on.js';
import type { EntityType } from './audit.js';

export function platformServices(db: DB, settings: Settings, clock: (() => Date) | undefined, records: Record<Exclude<EntityType, 'user'>, RecordVisibility>) {
  const auth = new AuthService(db, settings, clock);
  return {
    auth,
    singleSignOn: new SingleSignOnService(db, settings, auth, clock),
    health: new HealthService(db),
    auditTrail: new AuditTrailService(db, records)
  };
}

export type PlatformServices = ReturnType<typeof platformServices>;
export type PlatformEnv = ContextEnv<PlatformServices>;
export type { AuditedRecords };
