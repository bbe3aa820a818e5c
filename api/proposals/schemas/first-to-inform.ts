/**
 * First to inform (Art. 2.3 of the Rhein-Neckar – Flemish Brabant
 * agreement): partners tell each other about a project idea before, or at
 * the same time as, any other potential partner. Each proposal keeps a log
 * of who was told when; the proposal and the partnership's obligations show
 * ideas where the partner region learned later than someone else.
 */
import { z } from 'zod';
import { CalendarDate, Id, OptionalText, type ProblemKey } from '../../platform/schemas/common.js';
import { FirstToInformState, ProposalStage } from './proposals.js';

export const InformEntryCreate = z
  .strictObject({
    /** who was told (one the caller may see); null when the partner region as such was told */
    organisationId: Id.nullable().default(null),
    informedOn: CalendarDate,
    /** the partnership's other party; by default true exactly when the organisation is a party of the partnership, or when no organisation is named (the partner region as such) */
    partnerRegion: z.boolean().optional(),
    note: OptionalText(2000).default(null)
  })
  .superRefine((value, ctx) => {
    // nobody named and not the partner region: the entry would say nothing
    if (value.organisationId === null && value.partnerRegion === false) {
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'problems_proposals_field_nameWhoWasTold' satisfies ProblemKey, input: value });
    }
  });
export type InformEntryCreate = z.infer<typeof InformEntryCreate>;

export const InformEntry = z
  .object({
    id: Id,
    proposalId: Id,
    organisationId: Id.nullable(),
    /** null when the caller may not see that organisation */
    organisationName: z.string().nullable(),
    informedOn: z.string(),
    partnerRegion: z.boolean(),
    note: z.string().nullable(),
    createdBy: Id.nullable(),
    createdAt: z.string()
  })
  .meta({ id: 'InformEntry' });
export type InformEntry = z.infer<typeof InformEntry>;

export const InformLog = z
  .object({
    proposalId: Id,
    /** earliest first */
    items: z.array(InformEntry),
    partnerInformedOn: z.string().nullable(),
    firstOtherContactOn: z.string().nullable(),
    firstToInform: FirstToInformState
  })
  .meta({ id: 'InformLog' });
export type InformLog = z.infer<typeof InformLog>;

export const InformEntryParams = z.strictObject({ id: Id, entryId: Id });

export const FirstToInformQuery = z.strictObject({
  /** only ideas whose first other contact falls in this year */
  year: z.coerce.number().int().min(2000).max(2100).optional()
});
export type FirstToInformQuery = z.infer<typeof FirstToInformQuery>;

export const FirstToInformReport = z
  .object({
    partnershipId: Id,
    year: z.number().int().nullable(),
    /** the partnership's first-to-inform rule is on; when off, nothing is flagged */
    applies: z.boolean(),
    /** the flagged proposals */
    items: z.array(
      z.object({
        proposalId: Id,
        acronym: z.string(),
        title: z.string(),
        stage: ProposalStage,
        partnerInformedOn: z.string().nullable(),
        firstOtherContactOn: z.string().nullable(),
        reason: z.string()
      })
    )
  })
  .meta({ id: 'FirstToInformReport' });
export type FirstToInformReport = z.infer<typeof FirstToInformReport>;
