/**
 * Words for the values the cycle screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { TaskStatus } from '$api/activities/schemas/tasks';
import type { DocumentStatus } from '$api/cycle/schemas/coediting';
import type { CycleStepKind } from '$api/cycle/schemas/cycle';
import type { ObligationCode, ObligationState } from '$api/cycle/schemas/obligations';
import { m } from '$i18n/paraglide/messages.js';

/** `cycle.obligations.code.*` */
export const cycleObligationsCode: Record<ObligationCode, () => string> = {
  visits: m.cycle_obligations_code_visits,
  evaluation: m.cycle_obligations_code_evaluation,
  work_plan: m.cycle_obligations_code_work_plan,
  contact_persons: m.cycle_obligations_code_contact_persons,
  first_to_inform: m.cycle_obligations_code_first_to_inform,
  agreement_end: m.cycle_obligations_code_agreement_end,
  notice: m.cycle_obligations_code_notice,
  renewal: m.cycle_obligations_code_renewal
};

/** `cycle.obligations.state.*` */
export const cycleObligationsState: Record<ObligationState, () => string> = {
  green: m.cycle_obligations_state_green,
  amber: m.cycle_obligations_state_amber,
  red: m.cycle_obligations_state_red
};

/** `cycle.settings.step.*` */
export const cycleSettingsStep: Record<CycleStepKind, (inputs: { year: NonNullable<unknown> }) => string> = {
  evaluation: m.cycle_settings_step_evaluation,
  work_plan: m.cycle_settings_step_work_plan
};

/** `cycle.settings.taskStatus.*` */
export const cycleSettingsTaskStatus: Record<TaskStatus, () => string> = {
  open: m.cycle_settings_taskStatus_open,
  done: m.cycle_settings_taskStatus_done,
  cancelled: m.cycle_settings_taskStatus_cancelled
};
