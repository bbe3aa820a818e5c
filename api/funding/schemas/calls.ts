/**
 * Funding calls with their deadlines: shared reference data every signed-in
 * user reads.
 *
 * Deadlines are sent as `{ label?, at, timeZone? }` where `at` is
 * - a wall time in `timeZone` (`2026-09-17T17:00`), the way calls publish
 *   them ("17:00:00 Brussels time");
 * - or an instant with an offset (`2026-09-17T15:00:00Z`), kept as that instant;
 * - or a date alone (`2026-09-17`): then the programme's usual cut-off time
 *   applies and the deadline is marked `assumed`.
 * `timeZone` defaults to the programme's cut-off zone (Europe/Brussels
 * without a programme). They are answered as UTC instants with the zone
 * and the wall time in it. A single-stage call has one deadline, a
 * two-stage call two, a multiple cut-off call at least two, in time order;
 * an empty list means "not published yet".
 * `openingAt` is a date, a wall time or an instant, read in the zone of the
 * call's first deadline (else the programme's zone); answered as an instant.
 *
 * Money (budget, minimum and maximum EU contribution per grant) arrives as
 * EUR decimals ("2500000.00") and is answered both as that decimal and in
 * integer cents. `cofinancingRate` is a fraction 0.01–1 ("0.70" = 70 %).
 *
 * Derived, never stored: `status`, `nextDeadline`, the wall times and
 * `nextExpectedRound` (api/funding/rules/call-dates.ts).
 */
import { z } from 'zod';
import { CalendarDate, Id, Instant, ListQueryBase, NonEmptyText, OptionalText, pageOf, type ProblemKey, says } from '../../platform/schemas/common.js';
import { DateTimeInput, TimeZone } from '../../platform/schemas/times.js';
import { Money } from '../../platform/schemas/money.js';
import { DomainLabels, noDuplicates, WebsiteUrl } from '../../crm/schemas/organisations.js';
import { CofinancingRate } from './programmes.js';

export const DeadlineModel = z.enum(['single_stage', 'two_stage', 'multiple_cut_off']);
export type DeadlineModel = z.infer<typeof DeadlineModel>;

export const CallStatus = z.enum(['forthcoming', 'open', 'closed']);
export type CallStatus = z.infer<typeof CallStatus>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date alone, a wall time or an instant. */
const dateOrDateTime = (message: ProblemKey) =>
  z
    .string()
    .trim()
    .max(40)
    .refine((v) => (DATE_ONLY.test(v) ? CalendarDate.safeParse(v).success : DateTimeInput.safeParse(v).success), says(message));

export const DeadlineInput = z.strictObject({
  label: OptionalText(120).default(null),
  at: dateOrDateTime('problems_funding_field_deadlineAt'),
  timeZone: TimeZone.optional()
});
export type DeadlineInput = z.infer<typeof DeadlineInput>;

const Keyword = z.string().trim().min(1, says('problems_funding_field_emptyKeyword')).max(60);

const fields = {
  identifier: NonEmptyText(120),
  title: NonEmptyText(500),
  programmeId: Id.nullable(),
  actionType: OptionalText(120),
  description: OptionalText(50_000),
  openingAt: dateOrDateTime('problems_funding_field_openingAt').nullable(),
  deadlineModel: DeadlineModel,
  deadlines: z.array(DeadlineInput).max(24),
  budget: Money.nullable(),
  expectedGrants: z.number().int().min(0).max(100_000).nullable(),
  minContribution: Money.nullable(),
  maxContribution: Money.nullable(),
  cofinancingRate: CofinancingRate.nullable(),
  domainIds: z.array(Id).max(30).superRefine(noDuplicates((id) => id, 'problems_crm_field_domainTwice')),
  keywords: z.array(Keyword).max(50).superRefine(noDuplicates((k) => k.toLowerCase(), 'problems_funding_field_keywordTwice')),
  link: WebsiteUrl,
  /** RRULE of a call that repeats (e.g. FREQ=YEARLY), for its next expected round */
  rrule: z.string().trim().max(500).nullable()
};

export const CallCreate = z.strictObject({
  ...fields,
  programmeId: fields.programmeId.default(null),
  actionType: fields.actionType.default(null),
  description: fields.description.default(null),
  openingAt: fields.openingAt.default(null),
  deadlineModel: fields.deadlineModel.default('single_stage'),
  deadlines: fields.deadlines.default([]),
  budget: fields.budget.default(null),
  expectedGrants: fields.expectedGrants.default(null),
  minContribution: fields.minContribution.default(null),
  maxContribution: fields.maxContribution.default(null),
  cofinancingRate: fields.cofinancingRate.default(null),
  domainIds: fields.domainIds.default([]),
  keywords: fields.keywords.default([]),
  link: fields.link.default(null),
  rrule: fields.rrule.default(null)
});
export type CallCreate = z.infer<typeof CallCreate>;

/** Only the fields sent change; `deadlines`, `domainIds` and `keywords` replace the stored lists. */
export const CallPatch = z.strictObject(fields).partial();
export type CallPatch = z.infer<typeof CallPatch>;

export const CallDeadline = z
  .object({
    id: Id,
    position: z.number().int(),
    label: z.string().nullable(),
    /** UTC instant */
    at: z.string(),
    /** the zone it was published in */
    timeZone: z.string(),
    /** wall time in that zone: `2026-09-17T17:00` */
    local: z.string(),
    /** that zone's offset at the instant, e.g. `+02:00` */
    offset: z.string(),
    /** `17:00 Europe/Brussels` */
    wallTime: z.string(),
    /** only a date was known; the programme's usual cut-off was assumed */
    assumed: z.boolean(),
    passed: z.boolean()
  })
  .meta({ id: 'CallDeadline' });
export type CallDeadline = z.infer<typeof CallDeadline>;

export const ExpectedRound = z.object({ date: z.string(), at: z.string(), timeZone: z.string(), local: z.string() });

export const Call = z
  .object({
    id: Id,
    identifier: z.string(),
    title: z.string(),
    programmeId: z.string().nullable(),
    programme: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
    actionType: z.string().nullable(),
    description: z.string().nullable(),
    openingAt: z.string().nullable(),
    deadlineModel: DeadlineModel,
    deadlines: z.array(CallDeadline),
    /** derived from the dates and now, never from the portal's status */
    status: CallStatus,
    /** the first deadline still ahead (the next cut-off of a multi-cut-off call) */
    nextDeadline: CallDeadline.nullable(),
    /** for a call with an RRULE: the next round after the last deadline (or today) */
    nextExpectedRound: ExpectedRound.nullable(),
    budget: z.string().nullable(),
    budgetCents: z.number().int().nullable(),
    expectedGrants: z.number().int().nullable(),
    minContribution: z.string().nullable(),
    minContributionCents: z.number().int().nullable(),
    maxContribution: z.string().nullable(),
    maxContributionCents: z.number().int().nullable(),
    cofinancingRate: z.string().nullable(),
    domains: z.array(z.object({ domainId: Id, labels: DomainLabels })),
    keywords: z.array(z.string()),
    link: z.string().nullable(),
    rrule: z.string().nullable(),
    /** manual or portal */
    source: z.string(),
    /** the portal's own status word, kept for reference only */
    portalStatus: z.string().nullable(),
    importedAt: z.string().nullable(),
    /** whether the caller watches this call */
    watched: z.boolean(),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof Call>;

/** A bound of a deadline range: an instant, or a date (the whole day in Europe/Brussels). */
const DeadlineBound = z
  .string()
  .trim()
  .refine((v) => (DATE_ONLY.test(v) ? CalendarDate : Instant).safeParse(v).success, says('problems_funding_field_dateOrInstant'));

export const CallListQuery = z.strictObject({
  ...ListQueryBase,
  programmeId: Id.optional(),
  status: CallStatus.optional(),
  domainId: Id.optional(),
  keyword: z.string().trim().min(1).max(60).optional(),
  deadlineFrom: DeadlineBound.optional(),
  deadlineTo: DeadlineBound.optional(),
  sort: z.enum(['nextDeadline', '-nextDeadline', 'title', '-title', 'updatedAt', '-updatedAt']).default('nextDeadline')
});
export type CallListQuery = z.infer<typeof CallListQuery>;

export const CallPage = pageOf(Call);

export const DeadlineChange = z
  .object({
    id: Id,
    at: z.string(),
    /** the portal import that changed it, null when a person did */
    importId: z.string().nullable(),
    before: z.array(z.object({ position: z.number().int(), label: z.string().nullable(), at: z.string(), timeZone: z.string(), local: z.string() })),
    after: z.array(z.object({ position: z.number().int(), label: z.string().nullable(), at: z.string(), timeZone: z.string(), local: z.string() }))
  })
  .meta({ id: 'DeadlineChange' });
export const DeadlineChangeList = z.object({ items: z.array(DeadlineChange) });
export type DeadlineChangeList = z.infer<typeof DeadlineChangeList>;
