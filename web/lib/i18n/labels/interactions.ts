/**
 * Words for the values the interactions screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { ActivityStatus, ActivityType } from '$api/activities/schemas/activities';
import type { InteractionKind } from '$api/crm/schemas/interactions';
import { m } from '$i18n/paraglide/messages.js';

/** `interactions.fields.*` */
export const interactionsFields = {
  kind: m.interactions_fields_kind,
  occurredAt: m.interactions_fields_occurredAt,
  summary: m.interactions_fields_summary,
  organisationId: m.interactions_fields_organisationId,
  organisationName: m.interactions_fields_organisationName,
  personId: m.interactions_fields_personId,
  personName: m.interactions_fields_personName,
  partnershipId: m.interactions_fields_partnershipId,
  authorId: m.interactions_fields_authorId,
  authorName: m.interactions_fields_authorName
};

/** `interactions.activityStatus.*` */
export const interactionsActivityStatus: Record<ActivityStatus, () => string> = {
  planned: m.interactions_activityStatus_planned,
  done: m.interactions_activityStatus_done,
  cancelled: m.interactions_activityStatus_cancelled
};

/** `interactions.activityTypes.*` */
export const interactionsActivityTypes: Record<ActivityType, () => string> = {
  delegation_trip: m.interactions_activityTypes_delegation_trip,
  expert_exchange: m.interactions_activityTypes_expert_exchange,
  conference: m.interactions_activityTypes_conference,
  matchmaking_event: m.interactions_activityTypes_matchmaking_event,
  joint_eu_event: m.interactions_activityTypes_joint_eu_event,
  administrative_visit: m.interactions_activityTypes_administrative_visit,
  political_visit: m.interactions_activityTypes_political_visit,
  meeting: m.interactions_activityTypes_meeting,
  workshop: m.interactions_activityTypes_workshop
};

/** `interactions.kinds.*` */
export const interactionsKinds: Record<InteractionKind, () => string> = {
  note: m.interactions_kinds_note,
  call: m.interactions_kinds_call,
  email: m.interactions_kinds_email,
  meeting: m.interactions_kinds_meeting
};
