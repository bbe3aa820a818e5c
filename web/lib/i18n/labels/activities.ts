/**
 * Words for the values the activities screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { ActivityDirection, ActivityStatus, ActivityType } from '$api/activities/schemas/activities';
import type { OutcomeKind } from '$api/activities/schemas/agenda';
import type { Attendance, ParticipantRole } from '$api/activities/schemas/participants';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `activities.attendances.*` */
export const activitiesAttendances: Record<z.infer<typeof Attendance>, () => string> = {
  invited: m.activities_attendances_invited,
  confirmed: m.activities_attendances_confirmed,
  attended: m.activities_attendances_attended,
  excused: m.activities_attendances_excused,
  no_show: m.activities_attendances_no_show
};

/** `activities.directions.*` */
export const activitiesDirections: Record<z.infer<typeof ActivityDirection>, () => string> = {
  incoming: m.activities_directions_incoming,
  outgoing: m.activities_directions_outgoing,
  third_place: m.activities_directions_third_place
};

/** `activities.fields.*` */
export const activitiesFields = {
  type: m.activities_fields_type,
  title: m.activities_fields_title,
  partnership: m.activities_fields_partnership,
  startDate: m.activities_fields_startDate,
  startTime: m.activities_fields_startTime,
  endDate: m.activities_fields_endDate,
  endTime: m.activities_fields_endTime,
  timeZone: m.activities_fields_timeZone,
  city: m.activities_fields_city,
  country: m.activities_fields_country,
  status: m.activities_fields_status,
  description: m.activities_fields_description,
  venue: m.activities_fields_venue,
  hostRegion: m.activities_fields_hostRegion,
  direction: m.activities_fields_direction,
  domains: m.activities_fields_domains,
  politicalLevel: m.activities_fields_politicalLevel,
  followUpRule: m.activities_fields_followUpRule,
  nextMeetingDate: m.activities_fields_nextMeetingDate,
  nextMeetingTime: m.activities_fields_nextMeetingTime,
  startsAt: m.activities_fields_startsAt,
  endsAt: m.activities_fields_endsAt,
  local: m.activities_fields_local,
  durationMinutes: m.activities_fields_durationMinutes,
  hostRegionId: m.activities_fields_hostRegionId,
  hostRegionName: m.activities_fields_hostRegionName,
  partnershipIds: m.activities_fields_partnershipIds,
  domainIds: m.activities_fields_domainIds,
  effectiveFollowUpRule: m.activities_fields_effectiveFollowUpRule,
  nextMeetingAt: m.activities_fields_nextMeetingAt,
  participantCounts: m.activities_fields_participantCounts,
  participant: m.activities_fields_participant,
  agendaItem: m.activities_fields_agendaItem,
  outcome: m.activities_fields_outcome,
  recordedByOrganisationId: m.activities_fields_recordedByOrganisationId,
  createdBy: m.activities_fields_createdBy
};

/** `activities.outcomeKinds.*` */
export const activitiesOutcomeKinds: Record<z.infer<typeof OutcomeKind>, () => string> = {
  contact: m.activities_outcomeKinds_contact,
  agreement: m.activities_outcomeKinds_agreement,
  project_lead: m.activities_outcomeKinds_project_lead,
  note: m.activities_outcomeKinds_note
};

/** `activities.roles.*` */
export const activitiesRoles: Record<z.infer<typeof ParticipantRole>, () => string> = {
  delegate: m.activities_roles_delegate,
  host: m.activities_roles_host,
  speaker: m.activities_roles_speaker,
  organiser: m.activities_roles_organiser,
  guest: m.activities_roles_guest
};

/** `activities.statuses.*` */
export const activitiesStatuses: Record<ActivityStatus, () => string> = {
  planned: m.activities_statuses_planned,
  done: m.activities_statuses_done,
  cancelled: m.activities_statuses_cancelled
};

/** `activities.types.*` */
export const activitiesTypes: Record<ActivityType, () => string> = {
  delegation_trip: m.activities_types_delegation_trip,
  expert_exchange: m.activities_types_expert_exchange,
  conference: m.activities_types_conference,
  matchmaking_event: m.activities_types_matchmaking_event,
  joint_eu_event: m.activities_types_joint_eu_event,
  administrative_visit: m.activities_types_administrative_visit,
  political_visit: m.activities_types_political_visit,
  meeting: m.activities_types_meeting,
  workshop: m.activities_types_workshop
};
