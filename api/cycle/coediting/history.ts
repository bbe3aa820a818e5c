/**
 * The history of co-edited records (coedit_revisions): one snapshot of the
 * editable fields per accepted write, which is at once the base of
 * three-way merges, the per-record history and the source of restores.
 *
 * How a service writes a co-edited record (inside its transaction):
 *   const plan = await prepareWrite(trx, { spec, entityType, entityId, version: row.version,
 *                                          current: snapshotOf(row), currentRecord: toApi(row),
 *                                          expected, yours: patch });
 *     // 428 without If-Match, 412 when If-Match is newer than stored,
 *     // 409 MergeConflict with {baseVersion, current, conflicts} on overlap
 *   if (!Object.keys(plan.values).length) → nothing changed: answer the record as it is
 *   update the row with plan.values, version + 1 (where version = row.version)
 *   await recordRevision(trx, { documentType, documentId, entityType, entityId }, {
 *     version: row.version + 1, action: plan.action, fields: Object.keys(plan.values),
 *     snapshot: { ...current, ...plan.values }, mergedFrom: plan.mergedFrom, actorId: caller.userId, at })
 *   answer notes.mergedFields = plan.mergedFields
 * A creation records version 1 with action 'create' (fields: every non-empty one).
 * `prepareRemoval` does the same checks for a delete (409 when fields changed since the base);
 * `restoreValues` reads the values of an earlier version for a restore (a write with
 * If-Match of the current version, recorded with action 'restore').
 * `historyOf` lists the versions as HistoryEntry[] (before/after per field).
 */
import type { Kysely } from 'kysely';
import { findRevision, insertRevision, revisionsOf } from '../../../db/cycle/coedit-revisions.js';
import type { Database } from '../../../db/schema.js';
import { MergeConflict, PreconditionFailed, PreconditionRequired, ValidationFailed, VersionNotYet, words } from '../../platform/index.js';
import type { HistoryEntry } from '../schemas/coediting.js';
import { changedFields, type FieldSpec, type Snapshot, sameValue, threeWayMerge } from './merge.js';

export type CoeditDocumentType = 'work_plan' | 'evaluation';
export type CoeditEntityType = 'work_plan' | 'work_plan_item' | 'evaluation_section' | 'evaluation_assessment';
export type CoeditAction = HistoryEntry['action'];

export interface CoeditTarget {
  documentType: CoeditDocumentType;
  documentId: string;
  entityType: CoeditEntityType;
  entityId: string;
}

export interface RevisionInput {
  version: number;
  action: CoeditAction;
  /** the field names this write changed */
  fields: string[];
  /** the editable fields after the write */
  snapshot: Snapshot;
  /** the writer's base version when the write was merged with later ones */
  mergedFrom?: number | null;
  actorId: string | null;
  at: string;
}

/** Store one version of a record. Call in the write's transaction, once per accepted write. */
export function recordRevision(db: Kysely<Database>, target: CoeditTarget, input: RevisionInput): Promise<void> {
  return insertRevision(db, {
    document_type: target.documentType,
    document_id: target.documentId,
    entity_type: target.entityType,
    entity_id: target.entityId,
    version: input.version,
    action: input.action,
    fields: input.fields,
    snapshot: input.snapshot,
    merged_from: input.mergedFrom ?? null,
    actor_id: input.actorId,
    at: input.at
  });
}

/** The editable fields of a record at `version`, or undefined when there is no such version. */
export async function snapshotAt(db: Kysely<Database>, entityType: CoeditEntityType, entityId: string, version: number): Promise<Snapshot | undefined> {
  const row = await findRevision(db, entityType, entityId, version);
  return row?.snapshot;
}

export interface WriteRequest {
  spec: FieldSpec;
  entityType: CoeditEntityType;
  entityId: string;
  /** the stored version */
  version: number;
  /** the stored editable fields (same keys as the snapshots) */
  current: Snapshot;
  /** the record as the API answers it, for the 409 and 412 bodies */
  currentRecord: unknown;
  /** the If-Match version; null when the client sent none */
  expected: number | null;
  /** the fields the writer sent */
  yours: Snapshot;
}

export interface WritePlan {
  /** the fields to store (only those that change) */
  values: Snapshot;
  /** others' fields kept by a merge (empty when the writer was up to date) */
  mergedFields: string[];
  /** 'update' when the writer was up to date, 'merge' otherwise */
  action: 'update' | 'merge';
  /** the writer's base version when merged */
  mergedFrom: number | null;
}

/** The base snapshot of a write, after the 428 and 412 checks. */
async function baseOf(db: Kysely<Database>, request: Omit<WriteRequest, 'yours' | 'spec'>): Promise<{ base: Snapshot; expected: number }> {
  const { expected, version, current } = request;
  if (expected === null) throw new PreconditionRequired();
  if (expected > version) throw new VersionNotYet(request.currentRecord, expected, version);
  if (expected === version) return { base: current, expected };
  const base = await snapshotAt(db, request.entityType, request.entityId, expected);
  // a version from before the history began (or not of this record): nothing to merge against
  if (!base) throw new PreconditionFailed(request.currentRecord);
  return { base, expected };
}

/** See the file header: what a write stores, or the problem it answers. */
export async function prepareWrite(db: Kysely<Database>, request: WriteRequest): Promise<WritePlan> {
  const { base, expected } = await baseOf(db, request);
  const outcome = threeWayMerge(request.spec, base, request.current, request.yours);
  if (outcome.conflicts.length) throw new MergeConflict(expected, request.currentRecord, outcome.conflicts);
  const merged = expected !== request.version;
  return { values: outcome.values, mergedFields: outcome.mergedFields, action: merged ? 'merge' : 'update', mergedFrom: merged ? expected : null };
}

/**
 * The checks of a removal: 428 without If-Match, 412 for a version newer
 * than stored, 409 when editable fields changed since the writer's base
 * (the remover has not seen them; `yours` is null for each).
 */
export async function prepareRemoval(db: Kysely<Database>, request: Omit<WriteRequest, 'yours'>): Promise<{ mergedFrom: number | null }> {
  const { base, expected } = await baseOf(db, request);
  const changed = changedFields(request.spec, base, request.current);
  if (changed.length) throw new MergeConflict(expected, request.currentRecord, changed.map((field) => ({ field, base: base[field] ?? null, theirs: request.current[field] ?? null, yours: null })));
  return { mergedFrom: expected === request.version ? null : expected };
}

/**
 * The values of `version` to write back (all editable fields, or `fields`),
 * only those that differ from now. 400 for an unknown version or field.
 */
export async function restoreValues(
  db: Kysely<Database>,
  spec: FieldSpec,
  entityType: CoeditEntityType,
  entityId: string,
  current: Snapshot,
  version: number,
  fields?: string[]
): Promise<Snapshot> {
  const unknown = (fields ?? []).map((field, i) => ({ field, i })).filter(({ field }) => !spec.fields.includes(field));
  if (unknown.length) throw new ValidationFailed(unknown.map(({ i }) => ({ path: `fields.${i}`, ...words('problems_cycle_field_notEditableField', { fields: spec.fields.join(', ') }) })));
  const then = await snapshotAt(db, entityType, entityId, version);
  if (!then) throw new ValidationFailed([{ path: 'version', ...words('problems_cycle_field_noSuchVersion') }]);
  const values: Snapshot = {};
  for (const field of fields ?? spec.fields) {
    if (field in then && !sameValue(spec, field, then[field], current[field])) values[field] = then[field];
  }
  return values;
}

/**
 * Every version of a record, newest first, each with the fields that
 * changed from the version before (before: null for a creation).
 */
export async function historyOf(db: Kysely<Database>, entityType: CoeditEntityType, entityId: string): Promise<HistoryEntry[]> {
  const rows = await revisionsOf(db, entityType, entityId);
  let previous: Snapshot | null = null;
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const snapshot: Snapshot = row.snapshot;
    const keys = [...new Set([...Object.keys(previous ?? {}), ...Object.keys(snapshot)])];
    const changes = keys
      .filter((field) => JSON.stringify(previous?.[field] ?? null) !== JSON.stringify(snapshot[field] ?? null))
      .map((field) => ({ field, before: previous?.[field] ?? null, after: snapshot[field] ?? null }));
    entries.push({
      version: row.version,
      action: row.action as CoeditAction,
      at: row.at,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      mergedFrom: row.merged_from,
      changes
    });
    previous = snapshot;
  }
  return entries.reverse();
}
