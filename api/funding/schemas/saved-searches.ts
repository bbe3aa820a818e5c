/**
 * Saved searches: a named set of criteria over calls, kept per user. The
 * reminder run sends a digest of the new calls matching each one.
 */
import { z } from 'zod';
import { CalendarDate, Id, Limit, NonEmptyText, says } from '../../platform/schemas/common.js';

export const CallStatusFilter = z.enum(['forthcoming', 'open', 'closed'], says('problems_funding_field_callStatus'));

/**
 * Every criterion is optional; a call matches when it meets all of those
 * given. They mean what the same query fields of GET /api/calls mean (`q`
 * the words searched for, each the start of a word of the call's text,
 * accents folded; a programme with its sub-programmes; `keyword` one of the call's keywords,
 * any case; a deadline on one of the days from `deadlineFrom` to
 * `deadlineTo`, both included, read as Brussels days).
 */
export const SavedSearchCriteria = z
  .strictObject({
    q: NonEmptyText(200).optional(),
    programmeId: Id.optional(),
    domainId: Id.optional(),
    keyword: z.string().trim().min(1, says('problems_funding_field_keywordOrNothing')).max(60).optional(),
    status: CallStatusFilter.optional(),
    deadlineFrom: CalendarDate.optional(),
    deadlineTo: CalendarDate.optional()
  })
  .refine((c) => !c.deadlineFrom || !c.deadlineTo || c.deadlineFrom <= c.deadlineTo, {
    path: ['deadlineTo'],
    ...says('problems_funding_field_deadlineRange')
  })
  .meta({ id: 'SavedSearchCriteria' });
export type SavedSearchCriteria = z.infer<typeof SavedSearchCriteria>;

export const SavedSearchCreate = z.strictObject({
  name: NonEmptyText(120),
  criteria: SavedSearchCriteria.default({})
});
export type SavedSearchCreate = z.infer<typeof SavedSearchCreate>;

/** Only the fields sent change; `criteria` is replaced as a whole. */
export const SavedSearchPatch = z.strictObject({ name: NonEmptyText(120), criteria: SavedSearchCriteria }).partial();
export type SavedSearchPatch = z.infer<typeof SavedSearchPatch>;

export const SavedSearch = z
  .object({
    id: Id,
    name: z.string(),
    criteria: SavedSearchCriteria,
    /** when the last digest of new calls was made; null before the first */
    lastDigestAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchListQuery = z.strictObject({
  limit: Limit,
  cursor: z.string().max(500).optional()
});
export type SavedSearchListQuery = z.infer<typeof SavedSearchListQuery>;

export const SavedSearchPage = z.object({ items: z.array(SavedSearch), nextCursor: z.string().nullable() });
