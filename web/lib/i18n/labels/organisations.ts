/**
 * Words for the values the organisations screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { OrganisationKind } from '$api/crm/schemas/organisations';
import { m } from '$i18n/paraglide/messages.js';

/** `organisations.fields.*` */
export const organisationsFields = {
  name: m.organisations_fields_name,
  shortName: m.organisations_fields_shortName,
  kind: m.organisations_fields_kind,
  regionId: m.organisations_fields_regionId,
  regionName: m.organisations_fields_regionName,
  country: m.organisations_fields_country,
  nutsCode: m.organisations_fields_nutsCode,
  website: m.organisations_fields_website,
  domains: m.organisations_fields_domains,
  partnershipIds: m.organisations_fields_partnershipIds,
  recordedByOrganisationId: m.organisations_fields_recordedByOrganisationId
};

/** `organisations.maturityLevel.*` */
export const organisationsMaturityLevel = {
  1: m.organisations_maturityLevel_1,
  2: m.organisations_maturityLevel_2,
  3: m.organisations_maturityLevel_3,
  4: m.organisations_maturityLevel_4,
  5: m.organisations_maturityLevel_5
};

/** `organisations.kinds.*` */
export const organisationsKinds: Record<OrganisationKind, () => string> = {
  regional_authority: m.organisations_kinds_regional_authority,
  municipality: m.organisations_kinds_municipality,
  county: m.organisations_kinds_county,
  agency: m.organisations_kinds_agency,
  university_research: m.organisations_kinds_university_research,
  company: m.organisations_kinds_company,
  cluster_intermediary: m.organisations_kinds_cluster_intermediary,
  ngo: m.organisations_kinds_ngo,
  network: m.organisations_kinds_network
};
