/**
 * Words for the values the workplans screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { WorkPlanItemStatus } from '$api/cycle/schemas/work-plans';
import { m } from '$i18n/paraglide/messages.js';

/** `workplans.diff.change.*` */
export const workplansDiffChange = {
  added: m.workplans_diff_change_added,
  removed: m.workplans_diff_change_removed,
  changed: m.workplans_diff_change_changed,
  moved: m.workplans_diff_change_moved
};

/** `workplans.fields.*` */
export const workplansFields = {
  introduction: m.workplans_fields_introduction,
  position: m.workplans_fields_position,
  domainId: m.workplans_fields_domainId,
  title: m.workplans_fields_title,
  description: m.workplans_fields_description,
  form: m.workplans_fields_form,
  responsiblePartyId: m.workplans_fields_responsiblePartyId,
  responsiblePersonId: m.workplans_fields_responsiblePersonId,
  targetDate: m.workplans_fields_targetDate,
  targetQuarter: m.workplans_fields_targetQuarter,
  indicator: m.workplans_fields_indicator,
  targetValue: m.workplans_fields_targetValue,
  status: m.workplans_fields_status,
  activityIds: m.workplans_fields_activityIds,
  proposalIds: m.workplans_fields_proposalIds
};

/** `workplans.status.*` */
export const workplansStatus: Record<WorkPlanItemStatus, () => string> = {
  planned: m.workplans_status_planned,
  in_progress: m.workplans_status_in_progress,
  done: m.workplans_status_done,
  dropped: m.workplans_status_dropped
};
