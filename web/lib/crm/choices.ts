/**
 * The fixed choices of the CRM forms, in the order the UI offers them. Each
 * list is written against the API's enum type, so a value the API does not
 * know fails the type check; labels come from the i18n messages.
 */
import type { InteractionKind } from '$api/crm/schemas/interactions';
import type { OrganisationKind } from '$api/crm/schemas/organisations';
import type { LawfulBasis } from '$api/crm/schemas/people';

const ORGANISATION_KIND_SET = {
  regional_authority: true,
  municipality: true,
  county: true,
  agency: true,
  university_research: true,
  company: true,
  cluster_intermediary: true,
  ngo: true,
  network: true
} satisfies Record<OrganisationKind, true>;
export const ORGANISATION_KINDS = Object.keys(ORGANISATION_KIND_SET) as OrganisationKind[];

const INTERACTION_KIND_SET = { note: true, call: true, email: true, meeting: true } satisfies Record<InteractionKind, true>;
export const INTERACTION_KINDS = Object.keys(INTERACTION_KIND_SET) as InteractionKind[];

const LAWFUL_BASIS_SET = { consent: true, legitimate_interest: true, public_task: true, contract: true } satisfies Record<LawfulBasis, true>;
export const LAWFUL_BASES = Object.keys(LAWFUL_BASIS_SET) as LawfulBasis[];

export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;

export function isOrganisationKind(value: string | null): value is OrganisationKind {
  return value !== null && (ORGANISATION_KINDS as string[]).includes(value);
}
