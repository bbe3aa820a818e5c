/**
 * Candidate projects (proposals): an idea for a joint EU proposal of one
 * partnership, moved along the pipeline idea → exploring → in preparation →
 * submitted → approved / rejected / withdrawn → running → closed (the rules
 * in services/proposal-stages.ts), with its call once chosen, its domains
 * and its lead organisation (the consortium's lead, kept in step).
 */
import { z } from 'zod';
import { Id, ListQueryBase, NonEmptyText, OptionalText, pageOf } from '../../platform/schemas/common.js';
import { noDuplicates } from '../../crm/schemas/organisations.js';

export const PROPOSAL_STAGES = ['idea', 'exploring', 'in_preparation', 'submitted', 'approved', 'rejected', 'withdrawn', 'running', 'closed'] as const;
export const ProposalStage = z.enum(PROPOSAL_STAGES);
export type ProposalStage = z.infer<typeof ProposalStage>;

const fields = {
  acronym: NonEmptyText(40),
  title: NonEmptyText(300),
  description: OptionalText(20_000),
  /** the funding call, once chosen */
  callId: Id.nullable(),
  /** a partnership the caller writes in */
  partnershipId: Id,
  domainIds: z.array(Id).max(20).superRefine(noDuplicates((id) => id, 'problems_crm_field_domainTwice')),
  /** the consortium's lead; setting it makes that organisation the lead partner (the previous lead stays as a partner) */
  leadOrganisationId: Id.nullable(),
  stage: ProposalStage,
  /** the scoring matrix its reviewers use */
  scoringMatrixId: Id.nullable()
};

export const ProposalCreate = z.strictObject({
  ...fields,
  description: fields.description.default(null),
  callId: fields.callId.default(null),
  domainIds: fields.domainIds.default([]),
  leadOrganisationId: fields.leadOrganisationId.default(null),
  stage: fields.stage.default('idea'),
  scoringMatrixId: fields.scoringMatrixId.default(null)
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;

/** Only the fields sent change; a proposal stays in its partnership. */
const { partnershipId: _partnershipId, ...changeable } = fields;
export const ProposalPatch = z.strictObject(changeable).partial();
export type ProposalPatch = z.infer<typeof ProposalPatch>;

export const FirstToInformState = z
  .object({
    /** the partnership's first-to-inform rule (Art. 2.3) is on */
    applies: z.boolean(),
    /** false when flagged: the partner region learned later than another potential partner, or not at all while others know */
    ok: z.boolean(),
    /** submitted (or further) while the rule applies and the log is empty: nothing shows the partner region was told first (a warning, not a breach) */
    unlogged: z.boolean(),
    reason: z.string()
  })
  .meta({ id: 'FirstToInformState' });

/** Something the writer should know about a change that was made all the same. */
export const ProposalWarning = z.object({
  /** `firstToInform_submittedUnlogged`: moved to submitted while the partnership's first-to-inform rule applies and its log is empty */
  code: z.literal('firstToInform_submittedUnlogged'),
  /** in the caller's language */
  message: z.string()
});
export type ProposalWarning = z.infer<typeof ProposalWarning>;

export const Proposal = z
  .object({
    id: Id,
    acronym: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    partnershipId: Id,
    callId: Id.nullable(),
    call: z.object({ id: Id, identifier: z.string(), title: z.string(), programmeId: Id.nullable() }).nullable(),
    stage: ProposalStage,
    /** where it may move next */
    nextStages: z.array(ProposalStage),
    domainIds: z.array(Id),
    leadOrganisationId: Id.nullable(),
    /** null when the caller may not see that organisation */
    leadOrganisationName: z.string().nullable(),
    scoringMatrixId: Id.nullable(),
    scoringLockedAt: z.string().nullable(),
    /** when the partner region was first informed (inform log), `YYYY-MM-DD` */
    partnerInformedOn: z.string().nullable(),
    /** when any other potential partner was first contacted */
    firstOtherContactOn: z.string().nullable(),
    firstToInform: FirstToInformState,
    createdBy: Id.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** only in the answer to the change that calls for them */
    warnings: z.array(ProposalWarning).optional()
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof Proposal>;

export const ProposalListQuery = z.strictObject({
  ...ListQueryBase,
  partnershipId: Id.optional(),
  stage: ProposalStage.optional(),
  callId: Id.optional(),
  programmeId: Id.optional(),
  sort: z.enum(['acronym', '-acronym', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt']).default('-updatedAt')
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const ProposalPage = pageOf(Proposal);

export const ProposalBoardQuery = z.strictObject({ partnershipId: Id });

export const ProposalBoard = z
  .object({
    partnershipId: Id,
    /** every stage in pipeline order, also the empty ones */
    columns: z.array(z.object({ stage: ProposalStage, count: z.number().int(), items: z.array(Proposal) }))
  })
  .meta({ id: 'ProposalBoard' });
export type ProposalBoard = z.infer<typeof ProposalBoard>;
