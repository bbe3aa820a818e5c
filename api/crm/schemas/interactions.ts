/** Interactions: a note, call, email or meeting on the timeline of an organisation or person. */
import { z } from 'zod';
import { Id, Instant, Limit, NonEmptyText, pageOf, type ProblemKey } from '../../platform/schemas/common.js';

export const InteractionKind = z.enum(['note', 'call', 'email', 'meeting']);
export type InteractionKind = z.infer<typeof InteractionKind>;

const fields = {
  kind: InteractionKind,
  occurredAt: Instant,
  summary: NonEmptyText(5000),
  organisationId: Id.nullable(),
  personId: Id.nullable(),
  partnershipId: Id.nullable()
};

export const ANCHOR_MISSING = 'problems_crm_field_interactionAnchor' satisfies ProblemKey;

export const InteractionCreate = z
  .strictObject({
    ...fields,
    organisationId: fields.organisationId.default(null),
    personId: fields.personId.default(null),
    partnershipId: fields.partnershipId.default(null)
  })
  .superRefine((value, ctx) => {
    if (value.organisationId === null && value.personId === null) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: ANCHOR_MISSING, input: value });
  });
export type InteractionCreate = z.infer<typeof InteractionCreate>;

/** Only the fields sent change; the result must still name an organisation or a person. */
export const InteractionPatch = z.strictObject(fields).partial();
export type InteractionPatch = z.infer<typeof InteractionPatch>;

export const Interaction = z
  .object({
    id: Id,
    kind: InteractionKind,
    /** UTC, e.g. 2026-11-23T08:30:00.000Z */
    occurredAt: z.string(),
    summary: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    partnershipId: z.string().nullable(),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof Interaction>;

export const InteractionListQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional(),
  organisationId: Id.optional(),
  personId: Id.optional(),
  partnershipId: Id.optional(),
  sort: z.enum(['-occurredAt', 'occurredAt']).default('-occurredAt')
});
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;

export const InteractionPage = pageOf(Interaction);
