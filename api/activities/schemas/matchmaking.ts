/**
 * Matchmaking: pairs of organisations across a partnership's regions that
 * share cooperation domains, with why each pair is worth bringing together.
 */
import { z } from 'zod';
import { CalendarDate, Id, type ProblemKey } from '../../platform/schemas/common.js';
import { DomainLabels } from '../../crm/schemas/organisations.js';

export const MatchmakingQuery = z
  .strictObject({
    /** suggest for this activity: its partnerships' regions and its domains */
    activityId: Id.optional(),
    /** or for this partnership */
    partnershipId: Id.optional(),
    /** or for two regions (comma-separated ids, A first) */
    regionIds: z
      .string()
      .max(200)
      .transform((v) => v.split(',').map((d) => d.trim()).filter((d) => d !== ''))
      .optional(),
    /** comma-separated domain ids; for an activity they replace its domains */
    domains: z
      .string()
      .max(2000)
      .transform((v) => v.split(',').map((d) => d.trim()).filter((d) => d !== ''))
      .optional(),
    /** "no contact in the last N months" */
    months: z.coerce.number().int().min(1).max(120).default(12),
    limit: z.coerce.number().int().min(1).max(100).default(20)
  })
  .superRefine((value, ctx) => {
    if (value.regionIds && (value.activityId || value.partnershipId)) ctx.addIssue({ code: 'custom', path: ['regionIds'], message: 'problems_matchmaking_field_regionsOrPartnership' satisfies ProblemKey, input: value });
    else if (value.regionIds && (value.regionIds.length !== 2 || value.regionIds[0] === value.regionIds[1])) ctx.addIssue({ code: 'custom', path: ['regionIds'], message: 'problems_matchmaking_field_twoRegions' satisfies ProblemKey, input: value });
    else if (!value.activityId && !value.partnershipId && !value.regionIds) ctx.addIssue({ code: 'custom', path: ['partnershipId'], message: 'problems_matchmaking_field_activityOrPartnership' satisfies ProblemKey, input: value });
  });
export type MatchmakingQuery = z.infer<typeof MatchmakingQuery>;

export const ContactState = z.enum(['never_met', 'worth_renewing', 'recent']);
export type ContactState = z.infer<typeof ContactState>;

const Side = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  regionId: Id,
  regionName: z.string(),
  /** the last time we were in touch with them (interaction or activity), `YYYY-MM-DD` */
  lastContactOn: z.string().nullable()
});

export const MatchSuggestion = z
  .object({
    organisationA: Side,
    organisationB: Side,
    sharedDomains: z.array(
      z.object({
        domainId: Id,
        labels: DomainLabels,
        maturityA: z.number().int(),
        maturityB: z.number().int(),
        gap: z.number().int(),
        /** more than one level apart */
        gapTooLarge: z.boolean()
      })
    ),
    /** the smallest maturity gap over the shared domains */
    maturityGap: z.number().int(),
    /** every shared domain is more than one level apart: the exchange is likely to fail */
    maturityWarning: z.boolean(),
    /** the last activity both took part in */
    lastJointContact: z.object({ on: z.string(), activityId: Id, activityTitle: z.string() }).nullable(),
    contact: ContactState,
    score: z.number(),
    reasons: z.array(z.string())
  })
  .meta({ id: 'MatchSuggestion' });
export type MatchSuggestion = z.infer<typeof MatchSuggestion>;

export const MatchmakingResult = z
  .object({
    activityId: Id.nullable(),
    partnershipIds: z.array(Id),
    regions: z.array(z.object({ id: Id, name: z.string() })),
    /** the domains asked for; empty means any shared domain counts */
    domainIds: z.array(Id),
    months: z.number().int(),
    items: z.array(MatchSuggestion)
  })
  .meta({ id: 'MatchmakingResult' });
export type MatchmakingResult = z.infer<typeof MatchmakingResult>;

/** "Make an introduction task" for a suggested pair. */
export const IntroductionCreate = z.strictObject({
  organisationAId: Id,
  organisationBId: Id,
  /** the partnership the task belongs to; null: a personal task (its owner is the caller) */
  partnershipId: Id.nullable().default(null),
  /** a member of the partnership who may own its tasks (GET /api/partnerships/{id}/task-owners); the caller when left out */
  ownerId: Id.optional(),
  /** default: two weeks from today */
  dueOn: CalendarDate.optional(),
  /** the domains they share, named in the task */
  domainIds: z.array(Id).max(20).default([])
});
export type IntroductionCreate = z.infer<typeof IntroductionCreate>;
