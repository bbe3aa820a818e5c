/** What /api/health reports. */
import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ ok: z.boolean(), migrations: z.number().int(), detail: z.string().optional() }),
  version: z.string()
});
export type Health = z.infer<typeof Health>;
