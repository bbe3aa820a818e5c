/**
 * Words for the values the tasks screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { RuleSource } from '$api/activities/schemas/follow-ups';
import type { SubjectType, TaskKind, TaskState } from '$api/activities/schemas/tasks';
import { m } from '$i18n/paraglide/messages.js';

/** `tasks.groups.*` */
export const tasksGroups = {
  overdue: m.tasks_groups_overdue,
  due: m.tasks_groups_due,
  later: m.tasks_groups_later
};

/** `tasks.followUps.ruleSource.*` */
export const tasksFollowUpsRuleSource: Record<RuleSource, () => string> = {
  activity: m.tasks_followUps_ruleSource_activity,
  partnership: m.tasks_followUps_ruleSource_partnership,
  default: m.tasks_followUps_ruleSource_default
};

/** `tasks.kinds.*` */
export const tasksKinds: Record<TaskKind, () => string> = {
  follow_up: m.tasks_kinds_follow_up,
  next_step: m.tasks_kinds_next_step,
  cycle_step: m.tasks_kinds_cycle_step,
  other: m.tasks_kinds_other
};

/** `tasks.states.*` */
export const tasksStates: Record<TaskState, () => string> = {
  open: m.tasks_states_open,
  due: m.tasks_states_due,
  overdue: m.tasks_states_overdue,
  done: m.tasks_states_done,
  cancelled: m.tasks_states_cancelled
};

/** `tasks.subjectTypes.*` */
export const tasksSubjectTypes: Record<SubjectType, () => string> = {
  activity: m.tasks_subjectTypes_activity,
  organisation: m.tasks_subjectTypes_organisation,
  person: m.tasks_subjectTypes_person,
  partnership: m.tasks_subjectTypes_partnership,
  interaction: m.tasks_subjectTypes_interaction
};
