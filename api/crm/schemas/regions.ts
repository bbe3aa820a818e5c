/** Regions: a partner region or a body's territory. */
import { z } from 'zod';
import { CountryCode, Id, LanguageCode, ListQueryBase, NonEmptyText, NutsCode, pageOf } from '../../platform/schemas/common.js';

const fields = {
  name: NonEmptyText(200),
  country: CountryCode,
  nutsCodes: z.array(NutsCode).max(50),
  languages: z.array(LanguageCode).max(10)
};

export const RegionCreate = z.strictObject({
  ...fields,
  nutsCodes: fields.nutsCodes.default([]),
  languages: fields.languages.default([])
});
export type RegionCreate = z.infer<typeof RegionCreate>;

/** Only the fields sent change: no defaults here. */
export const RegionPatch = z.strictObject(fields).partial();
export type RegionPatch = z.infer<typeof RegionPatch>;

export const Region = z
  .object({
    id: Id,
    name: z.string(),
    country: z.string(),
    nutsCodes: z.array(z.string()),
    languages: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof Region>;

export const RegionListQuery = z.strictObject({
  ...ListQueryBase,
  country: CountryCode.optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name')
});
export type RegionListQuery = z.infer<typeof RegionListQuery>;

export const RegionPage = pageOf(Region);
