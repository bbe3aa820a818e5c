/**
 * The documents' words for the print pages: the catalogue's `documents`
 * feature from the pages' compile (i18n/paraglide), the same table as the
 * API's (api/cycle/schemas/document-words.ts), so the print page and the
 * Word file say the same thing and the page ships only these words.
 */
import { headingsIn, type DocumentWords, type ReportHeadings } from '$api/cycle/schemas/reports';
import { m } from '$i18n/paraglide/messages.js';

export const documentWords: DocumentWords = {
  workPlan: m.documents_workPlan,
  workPlanFile: m.documents_workPlanFile,
  evaluation: m.documents_evaluation,
  evaluationFile: m.documents_evaluationFile,
  partnership: m.documents_partnership,
  parties: m.documents_parties,
  status: m.documents_status,
  revision: m.documents_revision,
  adoptedAt: m.documents_adoptedAt,
  proposedAt: m.documents_proposedAt,
  introduction: m.documents_introduction,
  items: m.documents_items,
  overview: m.documents_overview,
  noItems: m.documents_noItems,
  number: m.documents_number,
  title: m.documents_title,
  domain: m.documents_domain,
  form: m.documents_form,
  responsible: m.documents_responsible,
  target: m.documents_target,
  indicator: m.documents_indicator,
  targetValue: m.documents_targetValue,
  description: m.documents_description,
  activities: m.documents_activities,
  proposals: m.documents_proposals,
  quarter: m.documents_quarter,
  approvals: m.documents_approvals,
  party: m.documents_party,
  approvedBy: m.documents_approvedBy,
  approvedAt: m.documents_approvedAt,
  notApproved: m.documents_notApproved,
  figures: m.documents_figures,
  figuresFrozen: m.documents_figuresFrozen,
  figuresLive: m.documents_figuresLive,
  figure: m.documents_figure,
  value: m.documents_value,
  count: m.documents_count,
  share: m.documents_share,
  total: m.documents_total,
  none: m.documents_none,
  activitiesHeld: m.documents_activitiesHeld,
  activitiesByType: m.documents_activitiesByType,
  activitiesByDomain: m.documents_activitiesByDomain,
  activitiesByHostRegion: m.documents_activitiesByHostRegion,
  political: m.documents_political,
  participants: m.documents_participants,
  participantsByKind: m.documents_participantsByKind,
  participantsByRegion: m.documents_participantsByRegion,
  organisations: m.documents_organisations,
  organisationsByKind: m.documents_organisationsByKind,
  organisationsByRegion: m.documents_organisationsByRegion,
  feedback: m.documents_feedback,
  feedbackResponses: m.documents_feedbackResponses,
  followUps: m.documents_followUps,
  costs: m.documents_costs,
  budget: m.documents_budget,
  costShare: m.documents_costShare,
  proposalsTotal: m.documents_proposalsTotal,
  proposalsByStage: m.documents_proposalsByStage,
  proposalsByProgramme: m.documents_proposalsByProgramme,
  approvalRate: m.documents_approvalRate,
  assessments: m.documents_assessments,
  noAssessments: m.documents_noAssessments,
  rating: m.documents_rating,
  comment: m.documents_comment,
  sections: m.documents_sections,
  documentStatus: {
    draft: m.documents_documentStatus_draft,
    proposed: m.documents_documentStatus_proposed,
    adopted: m.documents_documentStatus_adopted
  },
  itemStatus: {
    planned: m.documents_itemStatus_planned,
    in_progress: m.documents_itemStatus_in_progress,
    done: m.documents_itemStatus_done,
    dropped: m.documents_itemStatus_dropped
  },
  ratingValue: {
    achieved: m.documents_ratingValue_achieved,
    partly: m.documents_ratingValue_partly,
    not_achieved: m.documents_ratingValue_not_achieved,
    dropped: m.documents_ratingValue_dropped
  },
  section: {
    results: m.documents_section_results,
    challenges: m.documents_section_challenges,
    recommendations: m.documents_section_recommendations,
    next_steps: m.documents_section_next_steps
  },
  formValue: {
    delegation_trips: m.documents_formValue_delegation_trips,
    conferences: m.documents_formValue_conferences,
    matchmaking: m.documents_formValue_matchmaking,
    business_settlement: m.documents_formValue_business_settlement,
    knowhow_exchange: m.documents_formValue_knowhow_exchange,
    joint_eu_positions: m.documents_formValue_joint_eu_positions,
    actor_support: m.documents_formValue_actor_support,
    third_partner_support: m.documents_formValue_third_partner_support
  },
  activityType: {
    delegation_trip: m.documents_activityType_delegation_trip,
    expert_exchange: m.documents_activityType_expert_exchange,
    conference: m.documents_activityType_conference,
    matchmaking_event: m.documents_activityType_matchmaking_event,
    joint_eu_event: m.documents_activityType_joint_eu_event,
    administrative_visit: m.documents_activityType_administrative_visit,
    political_visit: m.documents_activityType_political_visit,
    meeting: m.documents_activityType_meeting,
    workshop: m.documents_activityType_workshop
  },
  stage: {
    idea: m.documents_stage_idea,
    exploring: m.documents_stage_exploring,
    in_preparation: m.documents_stage_in_preparation,
    submitted: m.documents_stage_submitted,
    approved: m.documents_stage_approved,
    rejected: m.documents_stage_rejected,
    withdrawn: m.documents_stage_withdrawn,
    running: m.documents_stage_running,
    closed: m.documents_stage_closed
  },
  organisationKind: {
    regional_authority: m.documents_organisationKind_regional_authority,
    municipality: m.documents_organisationKind_municipality,
    county: m.documents_organisationKind_county,
    agency: m.documents_organisationKind_agency,
    university_research: m.documents_organisationKind_university_research,
    company: m.documents_organisationKind_company,
    cluster_intermediary: m.documents_organisationKind_cluster_intermediary,
    ngo: m.documents_organisationKind_ngo,
    network: m.documents_organisationKind_network
  },
  noValue: {
    hostRegion: m.documents_noValue_hostRegion,
    region: m.documents_noValue_region,
    organisation: m.documents_noValue_organisation,
    programme: m.documents_noValue_programme
  }
};

/** Headings in the partnership's languages, side by side as in the Word file. */
export function reportHeadings(partnershipLanguages: readonly string[]): ReportHeadings {
  return headingsIn(documentWords, partnershipLanguages);
}
