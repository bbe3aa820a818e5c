/**
 * Words for the values the proposals screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { ConsortiumRole, RateSource } from '$api/proposals/schemas/consortium';
import type { MilestoneKind } from '$api/proposals/schemas/milestones';
import type { PROPOSAL_STAGES } from '$api/proposals/schemas/proposals';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `proposals.consortium.rateSources.*` */
export const proposalsConsortiumRateSources: Record<z.infer<typeof RateSource>, () => string> = {
  partner: m.proposals_consortium_rateSources_partner,
  call: m.proposals_consortium_rateSources_call,
  programme: m.proposals_consortium_rateSources_programme,
  none: m.proposals_consortium_rateSources_none
};

/** `proposals.fields.*` */
export const proposalsFields = {
  acronym: m.proposals_fields_acronym,
  title: m.proposals_fields_title,
  description: m.proposals_fields_description,
  call: m.proposals_fields_call,
  programme: m.proposals_fields_programme,
  partnership: m.proposals_fields_partnership,
  domains: m.proposals_fields_domains,
  lead: m.proposals_fields_lead,
  leadOrganisation: m.proposals_fields_leadOrganisation,
  leadOrganisationId: m.proposals_fields_leadOrganisationId,
  callId: m.proposals_fields_callId,
  domainIds: m.proposals_fields_domainIds,
  stage: m.proposals_fields_stage,
  scoringMatrixId: m.proposals_fields_scoringMatrixId,
  scoringLockedAt: m.proposals_fields_scoringLockedAt,
  partnershipId: m.proposals_fields_partnershipId,
  consortium: m.proposals_fields_consortium,
  consortiumMember: m.proposals_fields_consortiumMember,
  leadOrganisationName: m.proposals_fields_leadOrganisationName,
  milestone: m.proposals_fields_milestone,
  milestones: m.proposals_fields_milestones,
  informEntry: m.proposals_fields_informEntry,
  scores: m.proposals_fields_scores
};

/** `proposals.consortium.roles.*` */
export const proposalsConsortiumRoles: Record<ConsortiumRole, () => string> = {
  lead: m.proposals_consortium_roles_lead,
  partner: m.proposals_consortium_roles_partner,
  associated: m.proposals_consortium_roles_associated
};

/** `proposals.milestones.kinds.*` */
export const proposalsMilestonesKinds: Record<MilestoneKind, () => string> = {
  descriptions_due: m.proposals_milestones_kinds_descriptions_due,
  steering_group: m.proposals_milestones_kinds_steering_group,
  committee_decision: m.proposals_milestones_kinds_committee_decision,
  submission: m.proposals_milestones_kinds_submission,
  other: m.proposals_milestones_kinds_other
};

/** `proposals.stages.*` */
export const proposalsStages: Record<(typeof PROPOSAL_STAGES)[number], () => string> = {
  idea: m.proposals_stages_idea,
  exploring: m.proposals_stages_exploring,
  in_preparation: m.proposals_stages_in_preparation,
  submitted: m.proposals_stages_submitted,
  approved: m.proposals_stages_approved,
  rejected: m.proposals_stages_rejected,
  withdrawn: m.proposals_stages_withdrawn,
  running: m.proposals_stages_running,
  closed: m.proposals_stages_closed
};
