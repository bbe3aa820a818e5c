/**
 * Words for the values the scoring screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import { m } from '$i18n/paraglide/messages.js';

/** `scoring.fields.*` */
export const scoringFields = {
  name: m.scoring_fields_name,
  description: m.scoring_fields_description,
  groups: m.scoring_fields_groups,
  partnershipId: m.scoring_fields_partnershipId,
  criteriaCount: m.scoring_fields_criteriaCount,
  maxWeightedTotal: m.scoring_fields_maxWeightedTotal,
  scored: m.scoring_fields_scored
};
