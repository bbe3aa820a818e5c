/**
 * What the activity form holds (plain strings, as the inputs do) and how
 * it becomes the API's body; also what a stored activity fills it with.
 * Kept as one plain object so the quick log can store it as a draft.
 */
import type { z } from 'zod';
import type { Activity, ActivityCreate, ActivityStatus, ActivityType } from '$api/activities/schemas/activities';
import type { Direction } from './choices.js';
import { joinLocal, splitLocal } from './times.js';

export interface ActivityValues {
  type: string;
  title: string;
  /** the partnership picked first; `partnershipIds.0` */
  partnershipId: string;
  /** further partnerships; `partnershipIds.1` … */
  otherPartnershipIds: string[];
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  city: string;
  country: string;
  status: string;
  description: string;
  venue: string;
  hostRegionId: string;
  direction: string;
  domainIds: string[];
  politicalLevel: boolean;
  followUpRule: string;
  nextMeetingDate: string;
  nextMeetingTime: string;
}

export function blankValues(init: Partial<ActivityValues> = {}): ActivityValues {
  return {
    type: '',
    title: '',
    partnershipId: '',
    otherPartnershipIds: [],
    startDate: '',
    startTime: '09:00',
    endDate: '',
    endTime: '17:00',
    timeZone: '',
    city: '',
    country: '',
    status: 'planned',
    description: '',
    venue: '',
    hostRegionId: '',
    direction: '',
    domainIds: [],
    politicalLevel: false,
    followUpRule: '',
    nextMeetingDate: '',
    nextMeetingTime: '',
    ...init
  };
}

export function valuesOf(activity: Activity): ActivityValues {
  const start = splitLocal(activity.local.startsAt);
  const end = splitLocal(activity.local.endsAt);
  const next = splitLocal(activity.local.nextMeetingAt);
  const [first = '', ...others] = activity.partnershipIds;
  return {
    type: activity.type,
    title: activity.title,
    partnershipId: first,
    otherPartnershipIds: others,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    timeZone: activity.timeZone,
    city: activity.city ?? '',
    country: activity.country ?? '',
    status: activity.status,
    description: activity.description ?? '',
    venue: activity.venue ?? '',
    hostRegionId: activity.hostRegionId ?? '',
    direction: activity.direction ?? '',
    domainIds: [...activity.domainIds],
    politicalLevel: activity.politicalLevel,
    followUpRule: activity.followUpRule ?? '',
    nextMeetingDate: next.date,
    nextMeetingTime: next.time
  };
}

/** The body for POST (and, whole, for PATCH). Empty choices go as they are, so the API names them. */
export function bodyOf(values: ActivityValues): z.input<typeof ActivityCreate> {
  const partnershipIds = [values.partnershipId, ...values.otherPartnershipIds.filter((id) => id !== values.partnershipId)].filter(Boolean);
  return {
    type: values.type as ActivityType,
    title: values.title,
    partnershipIds,
    description: values.description,
    startsAt: joinLocal(values.startDate, values.startTime),
    endsAt: joinLocal(values.endDate, values.endTime),
    timeZone: values.timeZone,
    venue: values.venue,
    city: values.city,
    country: values.country || null,
    hostRegionId: values.hostRegionId || null,
    direction: (values.direction || null) as Direction | null,
    domainIds: values.domainIds,
    politicalLevel: values.politicalLevel,
    status: (values.status || 'planned') as ActivityStatus,
    followUpRule: values.followUpRule.trim() || null,
    nextMeetingAt: values.nextMeetingDate || values.nextMeetingTime ? joinLocal(values.nextMeetingDate, values.nextMeetingTime) : null
  };
}

/** The form's fields that "More details" folds away, by the API path of their errors. */
export const DETAIL_PATHS = ['description', 'venue', 'hostRegionId', 'direction', 'domainIds', 'politicalLevel', 'followUpRule', 'nextMeetingAt'];
