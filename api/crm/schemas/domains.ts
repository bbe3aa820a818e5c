/** Cooperation domains: labels in English, German and Dutch. */
import { z } from 'zod';
import { Id } from '../../platform/schemas/common.js';

export const Domain = z
  .object({
    id: Id,
    partnershipId: z.string().nullable(),
    number: z.number().int().nullable(),
    code: z.string(),
    labels: z.object({ en: z.string(), de: z.string(), nl: z.string() })
  })
  .meta({ id: 'Domain' });
export type Domain = z.infer<typeof Domain>;

export const DomainList = z.object({ items: z.array(Domain) });
