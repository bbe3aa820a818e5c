/**
 * Words for the values the deadlines screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import { m } from '$i18n/paraglide/messages.js';

/** `deadlines.buckets.*` */
export const deadlinesBuckets = {
  week: m.deadlines_buckets_week,
  month: m.deadlines_buckets_month,
  later: m.deadlines_buckets_later
};

/** `deadlines.kinds.*` */
export const deadlinesKinds = {
  call_deadline: m.deadlines_kinds_call_deadline,
  milestone: m.deadlines_kinds_milestone
};
