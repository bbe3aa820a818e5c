/**
 * The yearly evaluation of a partnership (Art. 2.5): figures computed from
 * what was logged that year (never typed), an assessment of each item of
 * that year's work plan, written sections co-edited like the plan (see
 * coediting.ts), approval by each party; and the figures over a range of
 * years for the multi-year overview.
 */
import { z } from 'zod';
import { Id, OptionalText, says } from '../../platform/schemas/common.js';
import { ApproveBody, CycleDocument, DocumentStatus, Person, WriteNotes } from './coediting.js';
import { WorkPlanItemStatus, Year } from './work-plans.js';

/** A label in English, German and Dutch. */
export const TallyLabels = z.object({ en: z.string(), de: z.string(), nl: z.string() });
export type TallyLabels = z.infer<typeof TallyLabels>;

/**
 * A count under a key (a type, kind, stage or id) with a readable (English)
 * label; `labels` in each language where the key has known translations
 * (activity types, domains, organisation kinds, proposal stages and the
 * "none" keys such as no host region). Region and programme names have none.
 * Figures frozen before `labels` existed lack it; readers fall back to the
 * label tables by key (api/cycle/schemas/report-contents.ts, `tallyLabels`).
 */
export const Tally = z.object({ key: z.string(), label: z.string(), labels: TallyLabels.optional(), count: z.number().int() });
export type Tally = z.infer<typeof Tally>;

/** Figures for one partnership and one calendar year (activities by their local start date). */
export const EvaluationFigures = z
  .object({
    partnershipId: Id,
    year: z.number().int(),
    activities: z.object({
      /** held activities of the year: not cancelled and ended by the time of counting (a planned one whose end has passed counts) */
      total: z.number().int(),
      byType: z.array(Tally),
      byDomain: z.array(Tally),
      byHostRegion: z.array(Tally),
      /** activities with the political level involved, and their share of the total (0–1, null when none) */
      political: z.object({ count: z.number().int(), share: z.number().nullable() })
    }),
    participants: z.object({
      /** participants who attended (not excused/absent) */
      total: z.number().int(),
      byKind: z.array(Tally),
      byRegion: z.array(Tally),
      /** distinct organisations among them */
      organisations: z.object({ total: z.number().int(), byKind: z.array(Tally), byRegion: z.array(Tally) })
    }),
    feedback: z.object({ responses: z.number().int(), average: z.number().nullable() }),
    followUps: z.object({ total: z.number().int(), done: z.number().int(), rate: z.number().nullable() }),
    /** euro cents */
    costs: z.object({ spentCents: z.number().int(), budgetCents: z.number().int().nullable(), share: z.number().nullable() }),
    proposals: z.object({
      total: z.number().int(),
      byStage: z.array(Tally),
      byProgramme: z.array(Tally),
      /** approved + rejected (running and closed count as approved) */
      decided: z.number().int(),
      approved: z.number().int(),
      /** approved / decided, null when nothing was decided */
      approvalRate: z.number().nullable()
    })
  })
  .meta({ id: 'EvaluationFigures' });
export type EvaluationFigures = z.infer<typeof EvaluationFigures>;

export const SectionKind = z.enum(['results', 'challenges', 'recommendations', 'next_steps']);
export type SectionKind = z.infer<typeof SectionKind>;

export const EvaluationSection = z.object({
  id: Id,
  kind: SectionKind,
  body: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: Person.nullable()
});
export type EvaluationSection = z.infer<typeof EvaluationSection>;

/** `If-Match`: the version the writer started from; long text merges by paragraph. */
export const SectionPatch = z.strictObject({ body: z.string().max(50_000) });
export type SectionPatch = z.infer<typeof SectionPatch>;

/**
 * Approving an evaluation: `force` adopts it although items are unassessed
 * or sections empty (without it, the approval that would adopt such an
 * evaluation answers 409 EvaluationIncomplete, naming what is missing).
 */
export const EvaluationApproveBody = ApproveBody.extend({ force: z.boolean().optional() });
export type EvaluationApproveBody = z.infer<typeof EvaluationApproveBody>;

/** What an adoption would leave out: the 409 body of an approval that would adopt an incomplete evaluation. */
export const EvaluationIncompleteProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(409),
    detail: z.string(),
    code: z.literal('problems_evaluations_adoptIncomplete'),
    missing: z.object({
      /** the plan's items without a rating */
      items: z.array(z.object({ assessmentId: Id, title: z.string() })),
      /** the sections without text */
      sections: z.array(z.enum(['results', 'challenges', 'recommendations', 'next_steps']))
    })
  })
  .meta({ id: 'EvaluationIncomplete' });
export type EvaluationIncompleteProblem = z.infer<typeof EvaluationIncompleteProblem>;

export const AssessmentRating = z.enum(['achieved', 'partly', 'not_achieved', 'dropped']);
export type AssessmentRating = z.infer<typeof AssessmentRating>;

export const Assessment = z.object({
  id: Id,
  workPlanItemId: Id,
  itemTitle: z.string(),
  itemDomainLabel: z.object({ en: z.string(), de: z.string(), nl: z.string() }).nullable(),
  itemStatus: WorkPlanItemStatus,
  itemTargetValue: z.string().nullable(),
  rating: AssessmentRating.nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: Person.nullable()
});
export type Assessment = z.infer<typeof Assessment>;

export const AssessmentPatch = z
  .strictObject({ rating: AssessmentRating.nullable().optional(), comment: OptionalText(5000).optional() })
  .refine((patch) => Object.keys(patch).length > 0, says('problems_cycle_field_nothingToChange'));
export type AssessmentPatch = z.infer<typeof AssessmentPatch>;

export const Evaluation = CycleDocument.extend({
  /** the work plan of that year the assessments refer to, if any */
  workPlanId: Id.nullable()
}).meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof Evaluation>;

export const EvaluationDetail = Evaluation.extend({
  figures: EvaluationFigures,
  /** when the figures were frozen (at adoption); null: computed now */
  figuresFrozenAt: z.string().nullable(),
  sections: z.array(EvaluationSection),
  assessments: z.array(Assessment)
}).meta({ id: 'EvaluationDetail' });
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

export const EvaluationCreate = z.strictObject({ partnershipId: Id, year: Year });
export type EvaluationCreate = z.infer<typeof EvaluationCreate>;

/**
 * `partnershipId` with `year`, or with `from` and `to` (at most 30 years):
 * the evaluations that exist and, for each year of the range, its figures.
 */
export const EvaluationQuery = z
  .strictObject({ partnershipId: Id.optional(), year: Year.optional(), from: Year.optional(), to: Year.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { ...says('problems_cycle_field_fromAndTo'), path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || (q.to >= q.from && q.to - q.from < 30), { ...says('problems_cycle_field_toRange'), path: ['to'] })
  .refine((q) => q.partnershipId !== undefined || (q.from === undefined && q.year === undefined), { ...says('problems_cycle_field_yearsNeedPartnership'), path: ['partnershipId'] });
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

export const YearFigures = z.object({
  year: z.number().int(),
  evaluationId: Id.nullable(),
  status: DocumentStatus.nullable(),
  figures: EvaluationFigures
});
export type YearFigures = z.infer<typeof YearFigures>;

export const EvaluationList = z.object({ items: z.array(Evaluation), years: z.array(YearFigures) }).meta({ id: 'EvaluationList' });
export type EvaluationList = z.infer<typeof EvaluationList>;

export const SectionWrite = z.object({ section: EvaluationSection, notes: WriteNotes });
export const AssessmentWrite = z.object({ assessment: Assessment, notes: WriteNotes });
