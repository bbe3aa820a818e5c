/**
 * Words for the values the programmes screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { PROGRAMME_FAMILIES } from '$api/funding/schemas/programme-families';
import { m } from '$i18n/paraglide/messages.js';

/** `programmes.fields.*` */
export const programmesFields = {
  code: m.programmes_fields_code,
  name: m.programmes_fields_name,
  family: m.programmes_fields_family,
  parent: m.programmes_fields_parent,
  parentId: m.programmes_fields_parentId,
  period: m.programmes_fields_period,
  cofinancingRate: m.programmes_fields_cofinancingRate,
  cofinancingNote: m.programmes_fields_cofinancingNote,
  source: m.programmes_fields_source,
  cutOffTime: m.programmes_fields_cutOffTime,
  cutOffZone: m.programmes_fields_cutOffZone,
  historic: m.programmes_fields_historic
};

/** `programmes.families.*` */
export const programmesFamilies: Record<(typeof PROGRAMME_FAMILIES)[number], () => string> = {
  interreg: m.programmes_families_interreg,
  horizon_europe: m.programmes_families_horizon_europe,
  erasmus_plus: m.programmes_families_erasmus_plus,
  life: m.programmes_families_life,
  digital_europe: m.programmes_families_digital_europe,
  single_market: m.programmes_families_single_market,
  cosme: m.programmes_families_cosme,
  cerv: m.programmes_families_cerv,
  creative_europe: m.programmes_families_creative_europe,
  eafrd_leader: m.programmes_families_eafrd_leader,
  erdf: m.programmes_families_erdf,
  regional: m.programmes_families_regional,
  other: m.programmes_families_other
};
