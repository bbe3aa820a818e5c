/** What /api/health reports. */
import { z } from 'zod';

export const HealthReasonCode = z.enum(['read-only', 'disk-full', 'io-error', 'busy', 'migrations-pending', 'migrations-unknown', 'unreachable']);
export type HealthReasonCode = z.infer<typeof HealthReasonCode>;

export const Health = z
  .object({
    status: z
      .enum(['ok', 'degraded', 'unavailable'])
      .describe('ok (200): reads and writes work. degraded (503): reads work, writes do not or soon will not (see reasons). unavailable (503): the database does not answer.'),
    database: z.object({
      ok: z.boolean().describe('The database answers reads.'),
      migrations: z.number().int().describe('Migrations the database ran.'),
      expectedMigrations: z.number().int().describe('Migrations this version of RegioDesk brings.'),
      writable: z.boolean().describe('SQLite grants this server the write lock (false on a read-only database).'),
      freeBytes: z.number().nullable().describe('Bytes left on the disk holding the database; null for an in-memory database or when unknown.'),
      detail: z.string().optional().describe('The error, when the database does not answer.')
    }),
    reasons: z
      .array(z.object({ code: HealthReasonCode, message: z.string() }))
      .describe('Why the status is not ok, in words; empty when it is.'),
    version: z.string()
  })
  .describe('The service and its database: 200 when ok, 503 when degraded or unavailable (load balancers take any 2xx as healthy).');
export type Health = z.infer<typeof Health>;
