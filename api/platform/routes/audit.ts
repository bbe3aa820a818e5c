/** /api/audit: the audit trail of one record the caller may see. */
import { Hono } from 'hono';
import type { PlatformEnv } from '../services/index.js';
import { describe } from '../http/openapi.js';
import { AuditQuery, AuditTrail } from '../schemas/audit.js';
import { validate } from '../http/validation.js';

export const auditRoutes = new Hono<PlatformEnv>().get(
  '/',
  describe({ tag: 'Audit', summary: 'Who changed a record, when, before and after (newest first)', body: AuditTrail }),
  validate('query', AuditQuery),
  async (c) => {
    const { entityType, entityId } = c.req.valid('query');
    return c.json(await c.var.services.auditTrail.of(c.var.caller, entityType, entityId));
  }
);
