/**
 * Words for the values the search screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { PROPOSAL_STAGES } from '$api/proposals/schemas/proposals';
import { m } from '$i18n/paraglide/messages.js';

/** `search.groups.*` */
export const searchGroups = {
  organisation: m.search_groups_organisation,
  person: m.search_groups_person,
  partnership: m.search_groups_partnership,
  activity: m.search_groups_activity,
  proposal: m.search_groups_proposal,
  call: m.search_groups_call
};

/** `search.stages.*` */
export const searchStages: Record<(typeof PROPOSAL_STAGES)[number], () => string> = {
  idea: m.search_stages_idea,
  exploring: m.search_stages_exploring,
  in_preparation: m.search_stages_in_preparation,
  submitted: m.search_stages_submitted,
  approved: m.search_stages_approved,
  rejected: m.search_stages_rejected,
  withdrawn: m.search_stages_withdrawn,
  running: m.search_stages_running,
  closed: m.search_stages_closed
};
