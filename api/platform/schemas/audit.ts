/** The audit trail of one record: who changed what, when, before and after. */
import { z } from 'zod';
import { AuditEventSchema } from './common.js';

export { AuditQuery } from './common.js';

export const AuditTrail = z.object({ items: z.array(AuditEventSchema) }).meta({ id: 'AuditTrail' });
export type AuditTrail = z.infer<typeof AuditTrail>;
