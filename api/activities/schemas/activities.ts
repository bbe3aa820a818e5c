/**
 * Activities: delegation trips, expert exchanges, conferences, matchmaking
 * and joint EU events, administrative and political visits, meetings and
 * workshops — logged against one or more partnerships.
 *
 * Times are sent as the local wall time of the place with its IANA zone
 * (`{ startsAt: '2026-03-29T09:00', endsAt: '2026-03-30T17:00', timeZone:
 * 'Europe/Brussels' }`); an instant with an offset or `Z` is accepted too.
 * They are answered both ways: `startsAt`/`endsAt` as UTC instants and
 * `local.startsAt`/`local.endsAt` as wall times in `timeZone`.
 */
import { z } from 'zod';
import { CountryCode, Id, Instant, ListQueryBase, NonEmptyText, OptionalText, pageOf, type ProblemKey, says } from '../../platform/schemas/common.js';
import { DateTimeInput, TimeZone } from '../../platform/schemas/times.js';
import { noDuplicates, OrganisationKind } from '../../crm/schemas/organisations.js';

export const ActivityType = z.enum([
  'delegation_trip',
  'expert_exchange',
  'conference',
  'matchmaking_event',
  'joint_eu_event',
  'administrative_visit',
  'political_visit',
  'meeting',
  'workshop'
]);
export type ActivityType = z.infer<typeof ActivityType>;

export const ActivityDirection = z.enum(['incoming', 'outgoing', 'third_place']);
export const ActivityStatus = z.enum(['planned', 'done', 'cancelled']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

const fields = {
  type: ActivityType,
  partnershipIds: z
    .array(Id)
    .min(1, says('problems_field_activityNeedsPartnership'))
    .max(20)
    .superRefine(noDuplicates((id) => id, 'problems_crm_field_partnershipTwice')),
  title: NonEmptyText(300),
  description: OptionalText(20_000),
  startsAt: DateTimeInput,
  endsAt: DateTimeInput,
  timeZone: TimeZone,
  venue: OptionalText(200),
  city: OptionalText(120),
  country: CountryCode.nullable(),
  hostRegionId: Id.nullable(),
  direction: ActivityDirection.nullable(),
  domainIds: z.array(Id).max(30).superRefine(noDuplicates((id) => id, 'problems_crm_field_domainTwice')),
  politicalLevel: z.boolean(),
  status: ActivityStatus,
  /** RRULE proposing follow-ups from the end; null takes the partnership's default */
  followUpRule: z.string().trim().max(500).nullable(),
  /** the next session of a meeting, in the activity's zone like startsAt */
  nextMeetingAt: DateTimeInput.nullable()
};

export const ActivityCreate = z.strictObject({
  ...fields,
  description: fields.description.default(null),
  venue: fields.venue.default(null),
  city: fields.city.default(null),
  country: fields.country.default(null),
  hostRegionId: fields.hostRegionId.default(null),
  direction: fields.direction.default(null),
  domainIds: fields.domainIds.default([]),
  politicalLevel: fields.politicalLevel.default(false),
  status: fields.status.default('planned'),
  followUpRule: fields.followUpRule.default(null),
  nextMeetingAt: fields.nextMeetingAt.default(null)
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;

/**
 * Only the fields sent change. A new `timeZone` alone keeps the wall times
 * (09:00 stays 09:00, now in the new zone); local times sent without a zone
 * are read in the stored one.
 */
export const ActivityPatch = z.strictObject(fields).partial();
export type ActivityPatch = z.infer<typeof ActivityPatch>;

const CountByRegion = z.object({ regionId: z.string().nullable(), regionName: z.string().nullable(), count: z.number().int() });
const CountByKind = z.object({ kind: OrganisationKind.nullable(), count: z.number().int() });

export const ParticipantCounts = z
  .object({
    /** distinct people and organisations taking part (a person in two roles counts once) */
    total: z.number().int(),
    /** by the region of the participant's organisation; null: no organisation or no region */
    byRegion: z.array(CountByRegion),
    /** by the kind of the participant's organisation; null: no organisation */
    byKind: z.array(CountByKind)
  })
  .meta({ id: 'ParticipantCounts' });
export type ParticipantCounts = z.infer<typeof ParticipantCounts>;

export const Activity = z
  .object({
    id: Id,
    type: ActivityType,
    title: z.string(),
    description: z.string().nullable(),
    /** UTC instants */
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    /** the same times as wall times in `timeZone`, with the zone's offset then */
    local: z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      startOffset: z.string(),
      endOffset: z.string(),
      nextMeetingAt: z.string().nullable()
    }),
    /** elapsed minutes (DST changes included) */
    durationMinutes: z.number().int(),
    venue: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    hostRegionId: z.string().nullable(),
    hostRegionName: z.string().nullable(),
    direction: ActivityDirection.nullable(),
    /** the partnerships the caller may see */
    partnershipIds: z.array(Id),
    domainIds: z.array(Id),
    politicalLevel: z.boolean(),
    status: ActivityStatus,
    followUpRule: z.string().nullable(),
    /** the rule in force: the activity's own or its partnership's default */
    effectiveFollowUpRule: z.string().nullable(),
    /** UTC instant */
    nextMeetingAt: z.string().nullable(),
    participantCounts: ParticipantCounts,
    recordedByOrganisationId: z.string().nullable(),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

const Year = z.coerce.number().int(says('problems_field_year')).min(1900, says('problems_field_year')).max(2200, says('problems_field_year'));

/** Filters shared by the list and its CSV export. `from`/`to` pick activities overlapping that span (a month view). */
export const activityFilters = {
  q: ListQueryBase.q,
  year: Year.optional(),
  type: ActivityType.optional(),
  domainId: Id.optional(),
  partnershipId: Id.optional(),
  status: ActivityStatus.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  sort: z.enum(['startsAt', '-startsAt']).default('-startsAt')
};

function fromBeforeTo(value: { from?: string; to?: string }, ctx: z.core.$RefinementCtx<unknown>) {
  if (value.from && value.to && Date.parse(value.to) <= Date.parse(value.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'problems_field_toAfterFrom' satisfies ProblemKey, input: value });
}

export const ActivityListQuery = z.strictObject({ ...ListQueryBase, ...activityFilters }).superRefine(fromBeforeTo);
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const ActivityExportQuery = z
  .strictObject({
    ...activityFilters,
    /** `semicolon` suits spreadsheet programs set to German or Dutch */
    delimiter: z.enum(['comma', 'semicolon']).default('comma')
  })
  .superRefine(fromBeforeTo);
export type ActivityExportQuery = z.infer<typeof ActivityExportQuery>;

export const ActivityPage = pageOf(Activity);

/** `lang`: the minutes' language; without it, the reader's account language */
export const MinutesQuery = z.strictObject({ lang: z.enum(['en', 'de', 'nl']).optional() });
