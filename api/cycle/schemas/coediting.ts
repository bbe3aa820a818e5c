/**
 * Shapes shared by the co-edited documents of the annual cycle (the work
 * plan and the evaluation): document status, approvals by party, the 409
 * body of a same-field conflict, per-record history, restore, presence and
 * the live events sent over Server-Sent Events.
 *
 * Writes to a co-edited record send `If-Match` with the version the writer
 * started from (428 without it). A write whose base is older than the
 * current version is merged field by field against that base (three-way);
 * changed fields that overlap answer 409 with `conflicts`.
 */
import { z } from 'zod';
import { Id } from '../../platform/schemas/common.js';

/** draft → proposed → adopted (once every party has approved) */
export const DocumentStatus = z.enum(['draft', 'proposed', 'adopted']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const Person = z.object({ id: Id, name: z.string() });

/** A party of the partnership and where its approval stands. */
export const Approval = z.object({
  partyId: Id,
  organisationId: Id,
  organisationName: z.string(),
  regionName: z.string(),
  approved: z.boolean(),
  approvedBy: Person.nullable(),
  approvedAt: z.string().nullable(),
  /** the latest withdrawal since the last approval, saying why (e.g. "Item “…” changed by …") */
  withdrawn: z
    .object({
      at: z.string(),
      by: Person.nullable(),
      /** why, in the reader's language (a reason stored as free text before reasons had kinds: as it was written) */
      reason: z.string(),
      /** why, stable for programs: `by_party`, `introduction_changed`, `item_added`, `item_changed`, `item_moved`, `item_removed`, `item_restored`, `section_changed`, `assessment_changed`; null for a reason stored as free text */
      reasonCode: z.string().nullable(),
      /** the values the reason names (title, name, section, version, item) */
      reasonParams: z.record(z.string(), z.union([z.string(), z.number()]))
    })
    .nullable()
});
export type Approval = z.infer<typeof Approval>;

/** A party of the partnership a document is of. */
export const DocumentParty = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  regionName: z.string(),
  /** the region's languages, e.g. ["de"] */
  languages: z.array(z.string())
});

/** What each co-edited document of the annual cycle (a work plan, an evaluation) says about itself; each extends it. */
export const CycleDocument = z.object({
  id: Id,
  partnershipId: Id,
  partnershipTitle: z.string(),
  year: z.number().int(),
  status: DocumentStatus,
  parties: z.array(DocumentParty),
  /** the partnership's languages, in party order, without repeats (e.g. ["de", "nl"]) */
  languages: z.array(z.string()),
  approvals: z.array(Approval),
  proposedAt: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  /** the caller may edit (a writer of the partnership, and the document is not adopted) */
  canEdit: z.boolean(),
  /** the parties the caller may approve for */
  canApproveFor: z.array(Id),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string()
});

export const ApproveBody = z.strictObject({
  /** the party approved for; defaults to the caller's organisation's party */
  partyId: Id.optional()
});
export type ApproveBody = z.infer<typeof ApproveBody>;

/** Withdrawing an approval names the party in the query (a DELETE carries no body). */
export const WithdrawApprovalQuery = ApproveBody;

/** One field two writers changed differently since the writer's base version. */
export const FieldConflict = z.object({ field: z.string(), base: z.unknown(), theirs: z.unknown(), yours: z.unknown() });
export type FieldConflict = z.infer<typeof FieldConflict>;

/** The 409 body of a co-edited write: a problem+json with the current record and each conflict. */
export const MergeConflictProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(409),
    detail: z.string(),
    baseVersion: z.number().int(),
    current: z.unknown(),
    conflicts: z.array(FieldConflict)
  })
  .meta({ id: 'MergeConflict' });
export type MergeConflictProblem = z.infer<typeof MergeConflictProblem>;

/** What a co-edited write did besides storing the record. */
export const WriteNotes = z.object({
  /** fields others had changed since the writer's base, kept by the merge */
  mergedFields: z.array(z.string()),
  /** parties whose approval this write withdrew */
  approvalsWithdrawn: z.array(z.string())
});
export type WriteNotes = z.infer<typeof WriteNotes>;

export const HistoryAction = z.enum(['create', 'update', 'merge', 'restore', 'move', 'delete']);

export const HistoryEntry = z.object({
  version: z.number().int(),
  action: HistoryAction,
  at: z.string(),
  actor: Person.nullable(),
  /** for a merge: the version the writer started from */
  mergedFrom: z.number().int().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const History = z.object({ entityType: z.string(), entityId: Id, items: z.array(HistoryEntry) }).meta({ id: 'History' });
export type History = z.infer<typeof History>;

/** Bring back the values a record had at `version` (all editable fields, or the ones named). */
export const RestoreBody = z.strictObject({
  version: z.number().int().min(1),
  fields: z.array(z.string().max(60)).min(1).max(30).optional()
});
export type RestoreBody = z.infer<typeof RestoreBody>;

export const Viewer = z.object({
  userId: Id,
  name: z.string(),
  organisationName: z.string().nullable(),
  /** the id of the item or section this viewer is editing, if any */
  editing: z.string().nullable()
});
export type Viewer = z.infer<typeof Viewer>;

export const Presence = z.object({ viewers: z.array(Viewer) });
export type Presence = z.infer<typeof Presence>;

export const PresenceBody = z.strictObject({ editing: z.string().max(64).nullable() });
export type PresenceBody = z.infer<typeof PresenceBody>;

/**
 * Events on `/api/workplans/{id}/events` and `/api/evaluations/{id}/events`
 * (SSE `event:` names; `data:` is JSON):
 * - `hello`: `{ presence }` first, on connecting;
 * - `presence`: `Presence`;
 * - `item`, `section`, `assessment`: `{ action, record, actor, mergedFields }`;
 * - `item-removed`: `{ id, actor }`;
 * - `document`: the work plan or evaluation header (status, version, approvals).
 * A comment line is sent every 15 s to keep proxies from closing the stream.
 */
export const LiveChange = z.object({
  action: HistoryAction,
  record: z.unknown(),
  actor: Person.nullable(),
  mergedFields: z.array(z.string())
});
export type LiveChange = z.infer<typeof LiveChange>;
