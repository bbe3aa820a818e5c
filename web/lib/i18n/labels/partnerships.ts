/**
 * Words for the values the partnerships screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { AgreementStatus, CooperationForm } from '$api/crm/schemas/partnerships';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `partnerships.fields.*` */
export const partnershipsFields = {
  title: m.partnerships_fields_title,
  parties: m.partnerships_fields_parties,
  signedOn: m.partnerships_fields_signedOn,
  startsOn: m.partnerships_fields_startsOn,
  endsOn: m.partnerships_fields_endsOn,
  noticeMonths: m.partnerships_fields_noticeMonths,
  noticeSentOn: m.partnerships_fields_noticeSentOn,
  renewalLeadMonths: m.partnerships_fields_renewalLeadMonths,
  predecessorId: m.partnerships_fields_predecessorId,
  successorId: m.partnerships_fields_successorId,
  domains: m.partnerships_fields_domains,
  forms: m.partnerships_fields_forms,
  obligations: m.partnerships_fields_obligations,
  stakeholders: m.partnerships_fields_stakeholders,
  effectiveEndOn: m.partnerships_fields_effectiveEndOn,
  lastNoticeDay: m.partnerships_fields_lastNoticeDay,
  renewalDecisionDay: m.partnerships_fields_renewalDecisionDay,
  terminationEffectiveOn: m.partnerships_fields_terminationEffectiveOn,
  member: m.partnerships_fields_member
};

/** `partnerships.status.*` */
export const partnershipsStatus: Record<z.infer<typeof AgreementStatus>, () => string> = {
  draft: m.partnerships_status_draft,
  active: m.partnerships_status_active,
  in_notice: m.partnerships_status_in_notice,
  ended: m.partnerships_status_ended
};

/** `partnerships.form.*` */
export const partnershipsForm: Record<CooperationForm, () => string> = {
  delegation_trips: m.partnerships_form_delegation_trips,
  conferences: m.partnerships_form_conferences,
  matchmaking: m.partnerships_form_matchmaking,
  business_settlement: m.partnerships_form_business_settlement,
  knowhow_exchange: m.partnerships_form_knowhow_exchange,
  joint_eu_positions: m.partnerships_form_joint_eu_positions,
  actor_support: m.partnerships_form_actor_support,
  third_partner_support: m.partnerships_form_third_partner_support
};
