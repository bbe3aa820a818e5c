/**
 * Words for the values the evaluations screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { DocumentStatus } from '$api/cycle/schemas/coediting';
import type { AssessmentRating, SectionKind } from '$api/cycle/schemas/evaluations';
import type { WorkPlanItemStatus } from '$api/cycle/schemas/work-plans';
import { m } from '$i18n/paraglide/messages.js';

/** `evaluations.assessments.fields.*` */
export const evaluationsAssessmentsFields = {
  rating: m.evaluations_assessments_fields_rating,
  comment: m.evaluations_assessments_fields_comment
};

/** `evaluations.assessments.itemStatuses.*` */
export const evaluationsAssessmentsItemStatuses: Record<WorkPlanItemStatus, () => string> = {
  planned: m.evaluations_assessments_itemStatuses_planned,
  in_progress: m.evaluations_assessments_itemStatuses_in_progress,
  done: m.evaluations_assessments_itemStatuses_done,
  dropped: m.evaluations_assessments_itemStatuses_dropped
};

/** `evaluations.assessments.ratings.*` */
export const evaluationsAssessmentsRatings: Record<AssessmentRating, () => string> = {
  achieved: m.evaluations_assessments_ratings_achieved,
  partly: m.evaluations_assessments_ratings_partly,
  not_achieved: m.evaluations_assessments_ratings_not_achieved,
  dropped: m.evaluations_assessments_ratings_dropped
};

/** `evaluations.sections.hints.*` */
export const evaluationsSectionsHints: Record<SectionKind, () => string> = {
  results: m.evaluations_sections_hints_results,
  challenges: m.evaluations_sections_hints_challenges,
  recommendations: m.evaluations_sections_hints_recommendations,
  next_steps: m.evaluations_sections_hints_next_steps
};

/** `evaluations.sections.kinds.*` */
export const evaluationsSectionsKinds: Record<SectionKind, () => string> = {
  results: m.evaluations_sections_kinds_results,
  challenges: m.evaluations_sections_kinds_challenges,
  recommendations: m.evaluations_sections_kinds_recommendations,
  next_steps: m.evaluations_sections_kinds_next_steps
};

/** `evaluations.status.*` */
export const evaluationsStatus: Record<DocumentStatus, () => string> = {
  draft: m.evaluations_status_draft,
  proposed: m.evaluations_status_proposed,
  adopted: m.evaluations_status_adopted
};
