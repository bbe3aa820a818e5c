/**
 * The fixed choices of the activity pages, in the order the UI offers them.
 * Each list is written against the API's enum type, so a value the API does
 * not know fails the type check; labels come from messages/activities.json.
 */
import type { z } from 'zod';
import type { ActivityDirection, ActivityStatus, ActivityType } from '$api/activities/schemas/activities';
import type { Attendance, ParticipantRole } from '$api/activities/schemas/participants';
import type { OutcomeKind } from '$api/activities/schemas/agenda';

export type Direction = z.infer<typeof ActivityDirection>;
export type Role = z.infer<typeof ParticipantRole>;
export type AttendanceValue = z.infer<typeof Attendance>;
export type OutcomeKindValue = z.infer<typeof OutcomeKind>;

const TYPE_SET = {
  delegation_trip: true,
  expert_exchange: true,
  conference: true,
  matchmaking_event: true,
  joint_eu_event: true,
  administrative_visit: true,
  political_visit: true,
  meeting: true,
  workshop: true
} satisfies Record<ActivityType, true>;
export const ACTIVITY_TYPES = Object.keys(TYPE_SET) as ActivityType[];

const STATUS_SET = { planned: true, done: true, cancelled: true } satisfies Record<ActivityStatus, true>;
export const ACTIVITY_STATUSES = Object.keys(STATUS_SET) as ActivityStatus[];

const DIRECTION_SET = { incoming: true, outgoing: true, third_place: true } satisfies Record<Direction, true>;
export const DIRECTIONS = Object.keys(DIRECTION_SET) as Direction[];

const ROLE_SET = { delegate: true, host: true, speaker: true, organiser: true, guest: true } satisfies Record<Role, true>;
export const ROLES = Object.keys(ROLE_SET) as Role[];

const ATTENDANCE_SET = { invited: true, confirmed: true, attended: true, excused: true, no_show: true } satisfies Record<AttendanceValue, true>;
export const ATTENDANCES = Object.keys(ATTENDANCE_SET) as AttendanceValue[];

const OUTCOME_SET = { contact: true, agreement: true, project_lead: true, note: true } satisfies Record<OutcomeKindValue, true>;
export const OUTCOME_KINDS = Object.keys(OUTCOME_SET) as OutcomeKindValue[];

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as string[]).includes(value);
}

export function isActivityStatus(value: string): value is ActivityStatus {
  return (ACTIVITY_STATUSES as string[]).includes(value);
}
