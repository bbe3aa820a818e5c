/**
 * Scoring matrices (criteria in groups, each criterion with described
 * levels worth some points and a weight) and the scores reviewers give a
 * proposal, criterion by criterion. The RegioWIN 2030 lighthouse-project
 * matrix of seed 002 (criteria 5–23 in groups a–i, levels worth 1, 3 and 5)
 * is seeded for every database. The arithmetic is in services/scoring.ts.
 */
import { z } from 'zod';
import { Id, ListQueryBase, NonEmptyText, OptionalText, pageOf, says, type ProblemKey } from '../../platform/schemas/common.js';
import { parseDecimal } from '../../platform/schemas/money.js';
import { noDuplicates } from '../../crm/schemas/organisations.js';
import { ProposalStage } from './proposals.js';

/** A number written with a minus sign (finite: an infinity is no number at all). */
const negative = (value: string | number) => (typeof value === 'number' ? Number.isFinite(value) && value < 0 : value.trim().startsWith('-'));

/** A weight > 0 and ≤ 100 with at most two decimals, as its canonical decimal string ("1.50" → "1.5"). */
export const Weight = z
  .union([z.string().max(20), z.number()])
  .transform((value, ctx) => {
    const parsed = parseDecimal(value);
    const fail = (message: ProblemKey) => {
      ctx.addIssue({ code: 'custom', message, input: value });
      return z.NEVER;
    };
    if ('error' in parsed) return fail(negative(value) ? 'problems_proposals_field_weightAboveZero' : 'problems_proposals_field_weightNumber');
    if (parsed.scale > 2) return fail('problems_proposals_field_weightDecimals');
    const unit = 10n ** BigInt(parsed.scale);
    if (parsed.value === 0n) return fail('problems_proposals_field_weightAboveZero');
    if (parsed.value > 100n * unit) return fail('problems_proposals_field_weightTooLarge');
    const whole = (parsed.value / unit).toString();
    return parsed.scale ? `${whole}.${(parsed.value % unit).toString().padStart(parsed.scale, '0')}` : whole;
  })
  .meta({ description: 'A factor such as "1" or "1.5" (at most two decimals)', examples: ['1.5'] });

export const ScoringLevel = z.strictObject({
  points: z.number().int().min(0).max(100),
  description: NonEmptyText(2000)
});

export const CriterionInput = z.strictObject({
  /** the number printed on the sheet (RegioWIN: 5–23) */
  number: z.number().int().min(0).max(999).nullable().default(null),
  title: NonEmptyText(500),
  /** defaults to the group's weight, else 1 */
  weight: Weight.optional(),
  levels: z
    .array(ScoringLevel)
    .min(2, says('problems_proposals_field_twoLevels'))
    .max(10)
    .superRefine(noDuplicates((l) => String(l.points), 'problems_proposals_field_levelPointsTwice' satisfies ProblemKey, 'points'))
});

export const GroupInput = z.strictObject({
  /** a), b), … */
  code: NonEmptyText(10),
  title: NonEmptyText(300),
  /** a chapter weight (e.g. 1.5) for every criterion of the group that has none of its own */
  weight: Weight.optional(),
  criteria: z.array(CriterionInput).min(1, says('problems_proposals_field_oneCriterion')).max(50)
});
export type GroupInput = z.infer<typeof GroupInput>;

const Groups = z
  .array(GroupInput)
  .min(1, says('problems_proposals_field_oneGroup'))
  .max(30)
  .superRefine(noDuplicates((g) => g.code, 'problems_proposals_field_groupCodeTwice' satisfies ProblemKey, 'code'));

export const ScoringMatrixCreate = z.strictObject({
  name: NonEmptyText(200),
  description: OptionalText(5000).default(null),
  /** the partnership it belongs to; null (system administrators only) makes it available to everyone */
  partnershipId: Id.nullable().default(null),
  groups: Groups
});
export type ScoringMatrixCreate = z.infer<typeof ScoringMatrixCreate>;

/** Only the fields sent change; `groups` replaces every criterion and is refused once scores were given. */
export const ScoringMatrixPatch = z.strictObject({ name: NonEmptyText(200), description: OptionalText(5000), groups: Groups }).partial();
export type ScoringMatrixPatch = z.infer<typeof ScoringMatrixPatch>;

export const ScoringCriterion = z.object({
  id: Id,
  number: z.number().int().nullable(),
  title: z.string(),
  weight: z.string(),
  levels: z.array(z.object({ points: z.number().int(), description: z.string() })),
  maxPoints: z.number().int()
});
export type ScoringCriterion = z.infer<typeof ScoringCriterion>;

export const ScoringMatrix = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    partnershipId: Id.nullable(),
    groups: z.array(z.object({ code: z.string(), title: z.string(), criteria: z.array(ScoringCriterion) })),
    criteriaCount: z.number().int(),
    /** the best level of every criterion, weighted */
    maxWeightedTotal: z.number(),
    /** scores were given with it: its criteria can no longer change */
    scored: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'ScoringMatrix' });
export type ScoringMatrix = z.infer<typeof ScoringMatrix>;

export const ScoringMatrixListQuery = z.strictObject({
  ...ListQueryBase,
  /** the matrices available to this partnership (its own and those for everyone) */
  partnershipId: Id.optional(),
  sort: z.enum(['name', '-name']).default('name')
});
export type ScoringMatrixListQuery = z.infer<typeof ScoringMatrixListQuery>;

export const ScoringMatrixPage = pageOf(ScoringMatrix);

export const RankingQuery = z.strictObject({ partnershipId: Id });

export const Ranking = z
  .object({
    matrixId: Id,
    partnershipId: Id,
    maxWeightedTotal: z.number(),
    /** best first; proposals without a complete reviewer last, without a rank */
    items: z.array(
      z.object({
        rank: z.number().int().nullable(),
        proposalId: Id,
        acronym: z.string(),
        title: z.string(),
        stage: ProposalStage,
        completeReviewers: z.number().int(),
        meanWeightedTotal: z.number().nullable(),
        spread: z.number().nullable(),
        locked: z.boolean()
      })
    )
  })
  .meta({ id: 'Ranking' });
export type Ranking = z.infer<typeof Ranking>;

export const ScoresPut = z.strictObject({
  /** chooses the proposal's matrix when it has none yet */
  matrixId: Id.optional(),
  scores: z
    .array(
      z.strictObject({
        criterionId: Id,
        /** one of the criterion's level points; null takes the caller's score back */
        points: z.number().int().nullable(),
        comment: OptionalText(2000).default(null)
      })
    )
    .min(1, says('problems_proposals_field_oneScore'))
    .max(200)
    .superRefine(noDuplicates((s) => s.criterionId, 'problems_proposals_field_criterionTwice' satisfies ProblemKey, 'criterionId'))
});
export type ScoresPut = z.infer<typeof ScoresPut>;

export const ScoreSheet = z
  .object({
    proposalId: Id,
    matrixId: Id.nullable(),
    locked: z.boolean(),
    lockedAt: z.string().nullable(),
    maxWeightedTotal: z.number().nullable(),
    criteria: z.array(
      z.object({
        criterionId: Id,
        groupCode: z.string(),
        number: z.number().int().nullable(),
        title: z.string(),
        weight: z.string(),
        reviewers: z.number().int(),
        mean: z.number().nullable(),
        min: z.number().nullable(),
        max: z.number().nullable(),
        /** max − min of the reviewers' points */
        spread: z.number().nullable()
      })
    ),
    reviewers: z.array(
      z.object({
        reviewerId: Id,
        name: z.string(),
        weightedTotal: z.number(),
        rawTotal: z.number().int(),
        scoredCriteria: z.number().int(),
        /** scored every criterion: only complete reviewers count for the mean and spread */
        complete: z.boolean(),
        scores: z.array(z.object({ criterionId: Id, points: z.number().int(), comment: z.string().nullable(), scoredAt: z.string() }))
      })
    ),
    completeReviewers: z.number().int(),
    meanWeightedTotal: z.number().nullable(),
    /** max − min of the complete reviewers' weighted totals */
    spread: z.number().nullable()
  })
  .meta({ id: 'ScoreSheet' });
export type ScoreSheet = z.infer<typeof ScoreSheet>;
