/**
 * Words for the values the calls screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { PortalFileFormat } from '$api/funding/schemas/call-import';
import type { CallStatus, DeadlineModel } from '$api/funding/schemas/calls';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `calls.fields.*` */
export const callsFields = {
  identifier: m.calls_fields_identifier,
  title: m.calls_fields_title,
  programme: m.calls_fields_programme,
  programmeId: m.calls_fields_programmeId,
  status: m.calls_fields_status,
  domain: m.calls_fields_domain,
  keyword: m.calls_fields_keyword,
  actionType: m.calls_fields_actionType,
  description: m.calls_fields_description,
  openingAt: m.calls_fields_openingAt,
  deadlineModel: m.calls_fields_deadlineModel,
  deadlines: m.calls_fields_deadlines,
  budget: m.calls_fields_budget,
  budgetCents: m.calls_fields_budgetCents,
  expectedGrants: m.calls_fields_expectedGrants,
  minContribution: m.calls_fields_minContribution,
  minContributionCents: m.calls_fields_minContributionCents,
  maxContribution: m.calls_fields_maxContribution,
  maxContributionCents: m.calls_fields_maxContributionCents,
  cofinancingRate: m.calls_fields_cofinancingRate,
  domains: m.calls_fields_domains,
  domainIds: m.calls_fields_domainIds,
  keywords: m.calls_fields_keywords,
  link: m.calls_fields_link,
  rrule: m.calls_fields_rrule,
  source: m.calls_fields_source,
  portalStatus: m.calls_fields_portalStatus,
  importedAt: m.calls_fields_importedAt
};

/** `calls.form.percent`, `calls.form.wholeNumber`: what the form finds wrong before asking the API (call-values.ts) */
export const callsFormProblems: Record<'percent' | 'wholeNumber', () => string> = {
  percent: m.calls_form_percent,
  wholeNumber: m.calls_form_wholeNumber
};

/** `calls.import.counts.*` */
export const callsImportCounts = {
  new: m.calls_import_counts_new,
  changed: m.calls_import_counts_changed,
  unchanged: m.calls_import_counts_unchanged,
  invalid: m.calls_import_counts_invalid,
  skipped: m.calls_import_counts_skipped
};

/** `calls.import.formats.*` */
export const callsImportFormats: Record<z.infer<typeof PortalFileFormat>, () => string> = {
  "grants-tenders": m.calls_import_formats_grants_tenders,
  "search-api": m.calls_import_formats_search_api
};

/** `calls.import.phases.*` */
export const callsImportPhases = {
  waiting: m.calls_import_phases_waiting,
  receiving: m.calls_import_phases_receiving,
  reading: m.calls_import_phases_reading,
  writing: m.calls_import_phases_writing
};

/** `calls.models.*` */
export const callsModels: Record<DeadlineModel, () => string> = {
  single_stage: m.calls_models_single_stage,
  two_stage: m.calls_models_two_stage,
  multiple_cut_off: m.calls_models_multiple_cut_off
};

/** `calls.statuses.*` */
export const callsStatuses: Record<CallStatus, () => string> = {
  forthcoming: m.calls_statuses_forthcoming,
  open: m.calls_statuses_open,
  closed: m.calls_statuses_closed
};

/** `calls.cities.*`: the cities deadline zones are named after, as each language writes them (Intl has no city names); other zones keep the zone's own */
export const callsCities: Record<string, () => string> = {
  'Europe/Brussels': m.calls_cities_Brussels,
  'Europe/Lisbon': m.calls_cities_Lisbon,
  'Europe/Luxembourg': m.calls_cities_Luxembourg,
  'Europe/Vienna': m.calls_cities_Vienna,
  'Europe/Rome': m.calls_cities_Rome,
  'Europe/Warsaw': m.calls_cities_Warsaw,
  'Europe/Prague': m.calls_cities_Prague,
  'Europe/Athens': m.calls_cities_Athens,
  'Europe/London': m.calls_cities_London,
  'Europe/Paris': m.calls_cities_Paris,
  'Europe/Copenhagen': m.calls_cities_Copenhagen,
  'Europe/Bucharest': m.calls_cities_Bucharest,
  'Europe/Zurich': m.calls_cities_Zurich,
  'Europe/Nicosia': m.calls_cities_Nicosia,
  'Europe/Moscow': m.calls_cities_Moscow,
  'America/New_York': m.calls_cities_NewYork,
  'Asia/Tokyo': m.calls_cities_Tokyo,
};
