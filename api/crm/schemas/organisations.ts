/**
 * Organisations: any actor of the cooperation (authority, agency, university,
 * company, cluster, NGO, network) with its domains of interest and the
 * partnerships it takes part in as a stakeholder.
 */
import { z } from 'zod';
import { CountryCode, Id, ListQueryBase, NonEmptyText, NutsCode, OptionalText, pageOf, type ProblemKey, says } from '../../platform/schemas/common.js';

export const OrganisationKind = z.enum([
  'regional_authority',
  'municipality',
  'county',
  'agency',
  'university_research',
  'company',
  'cluster_intermediary',
  'ngo',
  'network'
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/**
 * Adds an issue on every element whose key appeared earlier in the list;
 * `message` is a catalogue key (`problems_…`), rendered in the reader's
 * language.
 */
export function noDuplicates<T>(keyOf: (item: T) => string, message: ProblemKey, field?: string) {
  return (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: field ? [i, field] : [i], message, input: item });
      seen.add(key);
    });
  };
}

/** A public web address; an empty string clears it. */
export const WebsiteUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, ...says('problems_crm_field_website') }).nullable())
  .nullable();

export const DomainInterest = z.strictObject({
  domainId: Id,
  maturity: z.number().int().min(1).max(5, says('problems_crm_field_maturity'))
});

const fields = {
  name: NonEmptyText(200),
  shortName: OptionalText(60),
  kind: OrganisationKind,
  regionId: Id.nullable(),
  country: CountryCode,
  nutsCode: NutsCode.nullable(),
  website: WebsiteUrl,
  domains: z.array(DomainInterest).max(50).superRefine(noDuplicates((d) => d.domainId, 'problems_crm_field_domainTwice', 'domainId')),
  partnershipIds: z.array(Id).max(50).superRefine(noDuplicates((id) => id, 'problems_crm_field_partnershipTwice'))
};

export const OrganisationCreate = z.strictObject({
  ...fields,
  shortName: fields.shortName.default(null),
  regionId: fields.regionId.default(null),
  nutsCode: fields.nutsCode.default(null),
  website: fields.website.default(null),
  domains: fields.domains.default([]),
  partnershipIds: fields.partnershipIds.default([])
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

/** Only the fields sent change (no defaults here); lists replace the stored list. */
export const OrganisationPatch = z.strictObject(fields).partial();
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

export const DomainLabels = z.object({ en: z.string(), de: z.string(), nl: z.string() });

export const Organisation = z
  .object({
    id: Id,
    name: z.string(),
    shortName: z.string().nullable(),
    kind: OrganisationKind,
    regionId: z.string().nullable(),
    regionName: z.string().nullable(),
    country: z.string(),
    nutsCode: z.string().nullable(),
    website: z.string().nullable(),
    domains: z.array(z.object({ domainId: Id, maturity: z.number().int(), labels: DomainLabels })),
    /** partnerships it takes part in as a stakeholder (those the caller may see) */
    partnershipIds: z.array(Id),
    recordedByOrganisationId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = z.strictObject({
  ...ListQueryBase,
  regionId: Id.optional(),
  kind: OrganisationKind.optional(),
  country: CountryCode.optional(),
  domainId: Id.optional(),
  partnershipId: Id.optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name')
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

/** What a list shows of an organisation: its record without domains and stakeholderships (read one to get them). */
export const OrganisationListItem = Organisation.omit({ domains: true, partnershipIds: true }).meta({ id: 'OrganisationListItem' });
export type OrganisationListItem = z.infer<typeof OrganisationListItem>;

export const OrganisationPage = pageOf(OrganisationListItem);
