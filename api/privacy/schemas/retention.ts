/**
 * The retention review: people not met for longer than the review period
 * (REGIODESK_RETENTION_MONTHS), kept with a reason or erased in bulk.
 */
import { z } from 'zod';
import { Id, Limit, NonEmptyText, pageOf, says, type ProblemKey } from '../../platform/schemas/common.js';
import { LawfulBasis } from '../../crm/schemas/people.js';
import { noDuplicates } from '../../crm/schemas/organisations.js';

export const RetentionReviewQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(2000).optional(),
  /** only people of this partnership's organisations */
  partnershipId: Id.optional()
});
export type RetentionReviewQuery = z.infer<typeof RetentionReviewQuery>;

export const RetentionReviewItem = z.object({
  personId: Id,
  name: z.string(),
  function: z.string().nullable(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  lawfulBasis: LawfulBasis,
  /** the latest of: recorded, an interaction, the end of an activity they took part in, a decision to keep them */
  lastContact: z.string(),
  /** the reason given when they were last kept, if ever */
  lastKeptReason: z.string().nullable()
});

export const RetentionReviewPage = pageOf(RetentionReviewItem)
  .extend({
    /** the review period in months (REGIODESK_RETENTION_MONTHS) */
    months: z.number().int(),
    /** people whose last contact is before this instant are listed */
    cutoff: z.string()
  })
  .meta({ id: 'RetentionReviewPage' });
export type RetentionReviewPage = z.infer<typeof RetentionReviewPage>;

const PersonIds = z.array(Id).min(1, says('problems_privacy_field_choosePerson')).max(200).superRefine(noDuplicates((id) => id, 'problems_privacy_field_personTwice' satisfies ProblemKey));

export const RetentionKeep = z.strictObject({
  personIds: PersonIds,
  /** why they are kept, e.g. "contact person of the 2027 delegation" */
  reason: NonEmptyText(500)
});
export type RetentionKeep = z.infer<typeof RetentionKeep>;

export const RetentionKept = z.object({ kept: z.number().int(), decidedAt: z.string(), reviewAgainAfter: z.string() }).meta({ id: 'RetentionKept' });
export type RetentionKept = z.infer<typeof RetentionKept>;

export const RetentionErase = z.strictObject({ personIds: PersonIds });
export type RetentionErase = z.infer<typeof RetentionErase>;

export const RetentionErased = z
  .object({
    erased: z.array(Id),
    /** people the erasure refused, each with why (e.g. the contact person of a partnership party) */
    refused: z.array(z.object({ personId: Id, message: z.string() }))
  })
  .meta({ id: 'RetentionErased' });
export type RetentionErased = z.infer<typeof RetentionErased>;
