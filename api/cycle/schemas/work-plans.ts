/**
 * The yearly work plan of a partnership (Art. 2.5): items per cooperation
 * domain, co-edited by the partners (see coediting.ts for versions, merge,
 * conflicts, history and live events), approved by each party, adopted
 * revisions frozen; an amendment opens the next revision.
 */
import { z } from 'zod';
import { CalendarDate, Id, says } from '../../platform/schemas/common.js';
import { CycleDocument, Person, WriteNotes } from './coediting.js';
import { CooperationForm } from '../../crm/schemas/partnerships.js';
import { ProposalStage } from '../../proposals/schemas/proposals.js';

export const Year = z.coerce.number().int().min(2000, says('problems_cycle_field_yearFrom')).max(2100, says('problems_cycle_field_yearBefore'));

export const WorkPlanItemStatus = z.enum(['planned', 'in_progress', 'done', 'dropped'], says('problems_cycle_field_itemStatus'));
export type WorkPlanItemStatus = z.infer<typeof WorkPlanItemStatus>;

export const Quarter = z.number().int().min(1, says('problems_cycle_field_quarter')).max(4, says('problems_cycle_field_quarter'));

/** Text of at most `max` characters, said in words when too long */
const Text = (max: number) => z.string().trim().min(1, says('problems_field_required')).max(max, says('problems_cycle_field_atMostCharacters'));
const LongText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, says('problems_cycle_field_atMostCharacters'))
    .transform((v) => (v === '' ? null : v))
    .nullable();

const idList = z.array(Id).max(100).refine((ids) => new Set(ids).size === ids.length, says('problems_cycle_field_idTwice'));

/** The editable fields of an item (the merge works on these names). */
export const workPlanItemFields = {
  domainId: Id.nullable(),
  title: Text(300),
  description: LongText(20_000),
  form: CooperationForm.nullable(),
  responsiblePartyId: Id.nullable(),
  responsiblePersonId: Id.nullable(),
  targetDate: CalendarDate.nullable(),
  targetQuarter: Quarter.nullable(),
  indicator: LongText(500),
  targetValue: LongText(200),
  status: WorkPlanItemStatus,
  activityIds: idList,
  proposalIds: idList
};
export const WORK_PLAN_ITEM_FIELDS = Object.keys(workPlanItemFields) as (keyof typeof workPlanItemFields)[];
/** Long text merged paragraph by paragraph */
export const WORK_PLAN_ITEM_TEXT_FIELDS = ['description'] as const;
/**
 * Progress through the year: status and the activities and candidate
 * projects an item led to. Recorded on an adopted plan too (no amendment,
 * approvals stand); every other field of an adopted plan needs an amendment.
 */
export const WORK_PLAN_ITEM_PROGRESS_FIELDS = ['status', 'activityIds', 'proposalIds'] as const;
/** Id sets merged by adding and removing */
export const WORK_PLAN_ITEM_SET_FIELDS = ['activityIds', 'proposalIds'] as const;

export const WorkPlanItemCreate = z.strictObject({
  title: workPlanItemFields.title,
  domainId: workPlanItemFields.domainId.default(null),
  description: workPlanItemFields.description.default(null),
  form: workPlanItemFields.form.default(null),
  responsiblePartyId: workPlanItemFields.responsiblePartyId.default(null),
  responsiblePersonId: workPlanItemFields.responsiblePersonId.default(null),
  targetDate: workPlanItemFields.targetDate.default(null),
  targetQuarter: workPlanItemFields.targetQuarter.default(null),
  indicator: workPlanItemFields.indicator.default(null),
  targetValue: workPlanItemFields.targetValue.default(null),
  status: workPlanItemFields.status.default('planned'),
  activityIds: workPlanItemFields.activityIds.default([]),
  proposalIds: workPlanItemFields.proposalIds.default([]),
  /** put it after this item; null or absent: at the end */
  after: Id.nullable().optional()
});
export type WorkPlanItemCreate = z.infer<typeof WorkPlanItemCreate>;

/** Only the fields the writer changed; `If-Match` names the version the writer started from. */
export const WorkPlanItemPatch = z
  .strictObject({
    domainId: workPlanItemFields.domainId.optional(),
    title: workPlanItemFields.title.optional(),
    description: workPlanItemFields.description.optional(),
    form: workPlanItemFields.form.optional(),
    responsiblePartyId: workPlanItemFields.responsiblePartyId.optional(),
    responsiblePersonId: workPlanItemFields.responsiblePersonId.optional(),
    targetDate: workPlanItemFields.targetDate.optional(),
    targetQuarter: workPlanItemFields.targetQuarter.optional(),
    indicator: workPlanItemFields.indicator.optional(),
    targetValue: workPlanItemFields.targetValue.optional(),
    status: workPlanItemFields.status.optional(),
    activityIds: workPlanItemFields.activityIds.optional(),
    proposalIds: workPlanItemFields.proposalIds.optional()
  })
  .refine((patch) => Object.keys(patch).length > 0, says('problems_cycle_field_nothingToChange'));
export type WorkPlanItemPatch = z.infer<typeof WorkPlanItemPatch>;

/** Move an item after another one (null: to the top). */
export const WorkPlanItemMove = z.strictObject({ after: Id.nullable() });
export type WorkPlanItemMove = z.infer<typeof WorkPlanItemMove>;

export const WorkPlanItem = z
  .object({
    id: Id,
    workPlanId: Id,
    position: z.number(),
    domainId: Id.nullable(),
    /** the domain's label in en/de/nl */
    domainLabel: z.object({ en: z.string(), de: z.string(), nl: z.string() }).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    form: CooperationForm.nullable(),
    responsiblePartyId: Id.nullable(),
    responsiblePartyName: z.string().nullable(),
    responsiblePersonId: Id.nullable(),
    responsiblePersonName: z.string().nullable(),
    targetDate: z.string().nullable(),
    targetQuarter: z.number().int().nullable(),
    indicator: z.string().nullable(),
    targetValue: z.string().nullable(),
    status: WorkPlanItemStatus,
    activityIds: z.array(Id),
    proposalIds: z.array(Id),
    /** the linked records the caller can see */
    activities: z.array(z.object({ id: Id, title: z.string(), startsAt: z.string(), type: z.string() })),
    proposals: z.array(z.object({ id: Id, acronym: z.string(), stage: ProposalStage })),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: Person.nullable()
  })
  .meta({ id: 'WorkPlanItem' });
export type WorkPlanItem = z.infer<typeof WorkPlanItem>;

/** The answer to a write on an item: the item as stored, and what the write did. */
export const WorkPlanItemWrite = z.object({ item: WorkPlanItem, notes: WriteNotes });
export type WorkPlanItemWrite = z.infer<typeof WorkPlanItemWrite>;

export const WorkPlan = CycleDocument.extend({
  /** 1 for the first plan, one more per amendment */
  revision: z.number().int(),
  introduction: z.string().nullable(),
  itemCount: z.number().int(),
  /** the caller may record progress (status, linked activities and candidate projects), adopted or not */
  canRecordProgress: z.boolean()
}).meta({ id: 'WorkPlan' });
export type WorkPlan = z.infer<typeof WorkPlan>;

/** Why a revision was opened: the amendment of the adopted one before it. */
export const WorkPlanAmendment = z.object({ revision: z.number().int(), reason: z.string(), by: Person.nullable(), at: z.string() });
export type WorkPlanAmendment = z.infer<typeof WorkPlanAmendment>;

export const WorkPlanDetail = WorkPlan.extend({
  items: z.array(WorkPlanItem),
  /** adopted revisions, oldest first */
  revisions: z.array(z.object({ number: z.number().int(), adoptedAt: z.string() })),
  /** each amendment, oldest first (revision: the one it opened); always sent by GET, absent from a frozen revision's copy */
  amendments: z.array(WorkPlanAmendment).optional()
}).meta({ id: 'WorkPlanDetail' });
export type WorkPlanDetail = z.infer<typeof WorkPlanDetail>;

export const WorkPlanQuery = z.strictObject({ partnershipId: Id.optional(), year: Year.optional() });
export type WorkPlanQuery = z.infer<typeof WorkPlanQuery>;

export const WorkPlanList = z.object({ items: z.array(WorkPlan) });

/** The answer to starting a plan: the plan, and the carried-over items whose target date of the year before was not kept. */
export const WorkPlanStarted = WorkPlanDetail.extend({
  droppedTargetDates: z.array(z.object({ itemId: Id, title: z.string(), targetDate: z.string() }))
}).meta({ id: 'WorkPlanStarted' });
export type WorkPlanStarted = z.infer<typeof WorkPlanStarted>;

export const WorkPlanCreate = z.strictObject({
  partnershipId: Id,
  year: Year,
  introduction: LongText(20_000).default(null),
  /** copy the open items (planned, in progress) of the year before as a start */
  carryOver: z.boolean().default(false)
});
export type WorkPlanCreate = z.infer<typeof WorkPlanCreate>;

/** The plan's own co-edited field; `If-Match` as for items. */
export const WorkPlanPatch = z.strictObject({ introduction: LongText(20_000) });
export type WorkPlanPatch = z.infer<typeof WorkPlanPatch>;

export const WorkPlanWrite = z.object({ workPlan: WorkPlan, notes: WriteNotes });

/** Open the next revision of an adopted plan. */
export const WorkPlanAmend = z.strictObject({ reason: Text(1000) });
export type WorkPlanAmend = z.infer<typeof WorkPlanAmend>;

/** A frozen, adopted revision */
export const WorkPlanRevision = z
  .object({ number: z.number().int(), adoptedAt: z.string(), workPlan: WorkPlanDetail.omit({ revisions: true, amendments: true }) })
  .meta({ id: 'WorkPlanRevision' });
export type WorkPlanRevision = z.infer<typeof WorkPlanRevision>;

/** `from`/`to`: revision numbers; `to` absent: the plan as it stands. */
export const WorkPlanDiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1).optional() });
export type WorkPlanDiffQuery = z.infer<typeof WorkPlanDiffQuery>;

/** A word-level piece of a text change */
export const TextPiece = z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) });

export const WorkPlanDiff = z
  .object({
    from: z.number().int(),
    /** null: the plan as it stands */
    to: z.number().int().nullable(),
    items: z.array(
      z.object({
        itemId: Id,
        title: z.string(),
        change: z.enum(['added', 'removed', 'changed', 'moved']),
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), words: z.array(TextPiece).nullable() }))
      })
    ),
    introduction: z.array(TextPiece).nullable(),
    /** the amendments that opened the revisions after `from`, up to `to` */
    amendments: z.array(WorkPlanAmendment)
  })
  .meta({ id: 'WorkPlanDiff' });
export type WorkPlanDiff = z.infer<typeof WorkPlanDiff>;
