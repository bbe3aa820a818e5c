/**
 * Words for the values the privacy screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { DataCategory, Measure, PersonCategory, Purpose } from '$api/privacy/schemas/processing-record';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `privacy.consent.events.*` */
export const privacyConsentEvents = {
  given: m.privacy_consent_events_given,
  withdrawn: m.privacy_consent_events_withdrawn
};

/** `privacy.consent.states.*` */
export const privacyConsentStates = {
  given: m.privacy_consent_states_given,
  withdrawn: m.privacy_consent_states_withdrawn,
  none: m.privacy_consent_states_none
};

/** `privacy.record.dataCategories.*` */
export const privacyRecordDataCategories: Record<z.infer<typeof DataCategory>, () => string> = {
  identity: m.privacy_record_dataCategories_identity,
  contact: m.privacy_record_dataCategories_contact,
  interests: m.privacy_record_dataCategories_interests,
  interactions: m.privacy_record_dataCategories_interactions,
  participations: m.privacy_record_dataCategories_participations,
  feedback: m.privacy_record_dataCategories_feedback,
  consent: m.privacy_record_dataCategories_consent,
  accounts: m.privacy_record_dataCategories_accounts,
  audit: m.privacy_record_dataCategories_audit
};

/** `privacy.record.measureLabels.*` */
export const privacyRecordMeasureLabels: Record<z.infer<typeof Measure>, () => string> = {
  access: m.privacy_record_measureLabels_access,
  passwords: m.privacy_record_measureLabels_passwords,
  sessions: m.privacy_record_measureLabels_sessions,
  signInThrottle: m.privacy_record_measureLabels_signInThrottle,
  cookies: m.privacy_record_measureLabels_cookies,
  audit: m.privacy_record_measureLabels_audit,
  mailTransport: m.privacy_record_measureLabels_mailTransport,
  singleSignOn: m.privacy_record_measureLabels_singleSignOn,
  retentionReview: m.privacy_record_measureLabels_retentionReview,
  consentWithdrawal: m.privacy_record_measureLabels_consentWithdrawal
};

/** `privacy.record.personCategories.*` */
export const privacyRecordPersonCategories: Record<z.infer<typeof PersonCategory>, () => string> = {
  stakeholders: m.privacy_record_personCategories_stakeholders,
  participants: m.privacy_record_personCategories_participants,
  users: m.privacy_record_personCategories_users
};

/** `privacy.record.purposeLabels.*` */
export const privacyRecordPurposeLabels: Record<z.infer<typeof Purpose>, () => string> = {
  cooperation: m.privacy_record_purposeLabels_cooperation,
  activities: m.privacy_record_purposeLabels_activities,
  funding: m.privacy_record_purposeLabels_funding,
  annualCycle: m.privacy_record_purposeLabels_annualCycle,
  accountability: m.privacy_record_purposeLabels_accountability
};
