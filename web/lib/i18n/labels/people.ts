/**
 * Words for the values the people screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { LawfulBasis } from '$api/crm/schemas/people';
import { m } from '$i18n/paraglide/messages.js';

/** `people.fields.*` */
export const peopleFields = {
  organisationId: m.people_fields_organisationId,
  organisationName: m.people_fields_organisationName,
  name: m.people_fields_name,
  function: m.people_fields_function,
  emails: m.people_fields_emails,
  phones: m.people_fields_phones,
  languages: m.people_fields_languages,
  domains: m.people_fields_domains,
  lawfulBasis: m.people_fields_lawfulBasis,
  consentDate: m.people_fields_consentDate,
  consentSource: m.people_fields_consentSource,
  recordedByOrganisationId: m.people_fields_recordedByOrganisationId
};

/** `people.bases.*` */
export const peopleBases: Record<LawfulBasis, () => string> = {
  consent: m.people_bases_consent,
  legitimate_interest: m.people_bases_legitimate_interest,
  public_task: m.people_bases_public_task,
  contract: m.people_bases_contract
};
