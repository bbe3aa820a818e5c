/**
 * Words for the values the costs screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { BudgetState, CostCategory, CostState } from '$api/activities/schemas/costs';
import { m } from '$i18n/paraglide/messages.js';

/** `costs.categories.*` */
export const costsCategories: Record<CostCategory, () => string> = {
  travel: m.costs_categories_travel,
  accommodation: m.costs_categories_accommodation,
  catering: m.costs_categories_catering,
  venue: m.costs_categories_venue,
  fees: m.costs_categories_fees,
  other: m.costs_categories_other
};

/** `costs.stateBadge.*` */
export const costsStateBadge: Record<BudgetState, () => string> = {
  ok: m.costs_stateBadge_ok,
  warning: m.costs_stateBadge_warning,
  exceeded: m.costs_stateBadge_exceeded
};

/** `costs.states.*` */
export const costsStates: Record<CostState, () => string> = {
  planned: m.costs_states_planned,
  committed: m.costs_states_committed,
  spent: m.costs_states_spent
};
