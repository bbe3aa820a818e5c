/**
 * JSON columns: how a value goes into its text column and comes back out.
 *
 * The table types (schema.ts) give every JSON column the type `Json<T>`:
 * its text is a `JsonText<T>`, a string branded with the value it holds,
 * so a plain string cannot be written there and the text cannot be used as
 * the value. Only a codec makes or reads one: `write` stringifies, `read`
 * parses and checks the value against the column's zod schema, and a value
 * that does not fit throws `StoredValueUnreadable` (naming the column) where
 * it is read instead of travelling on as a wrong type. Repositories decode
 * their rows (`decodeRow`), so services only ever see the values.
 */
import type { ColumnType } from 'kysely';
import { z } from 'zod';
import { EvaluationFigures } from '../api/cycle/schemas/evaluations.js';
import { CooperationForm } from '../api/crm/schemas/partnerships.js';
import { CallStatusFilter } from '../api/funding/schemas/saved-searches.js';
import { WorkPlanRevision } from '../api/cycle/schemas/work-plans.js';

declare const holds: unique symbol;

/** The stored text of a JSON column that holds a T. */
export type JsonText<T> = string & { readonly [holds]: T };

/** A JSON column holding a T (optional on insert when the column has a default). */
export type Json<T> = ColumnType<JsonText<T>, JsonText<T> | undefined, JsonText<T>>;

/** A row (or the values of an insert or update) with the text of its JSON columns replaced by their values. */
export type Decoded<R> = {
  [K in keyof R]: R[K] extends JsonText<infer T> | null | undefined ? T | Exclude<R[K], JsonText<unknown>> : R[K];
};

/** A stored JSON value that is not JSON, or not the shape its column holds: the data is damaged, not the request. */
export class StoredValueUnreadable extends Error {
  constructor(
    readonly column: string,
    reason: string
  ) {
    super(`The stored value of ${column} cannot be read: ${reason}`);
    this.name = 'StoredValueUnreadable';
  }
}

export interface JsonCodec<T> {
  readonly column: string;
  write(value: T): JsonText<T>;
  read(text: JsonText<T>): T;
}

/** The codec of one column (`column` is `table.column`, for the error), checked by `schema` on every read. */
export function jsonCodec<T>(column: string, schema: z.ZodType<T>): JsonCodec<T> {
  return {
    column,
    write: (value) => JSON.stringify(value) as JsonText<T>,
    read(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new StoredValueUnreadable(column, 'it is not JSON.');
      }
      const result = schema.safeParse(value);
      if (!result.success) throw new StoredValueUnreadable(column, z.prettifyError(result.error).replace(/\n/g, ' '));
      return result.data;
    }
  };
}

/** The text of a JSON column holding `value`, for fixtures and tests that write rows by hand (repositories use the column's codec). */
export function jsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}

/** Read a JSON column that may be null. */
export function readNullable<T>(codec: JsonCodec<T>, text: JsonText<T> | null): T | null {
  return text === null ? null : codec.read(text);
}

/** The codecs of a table's JSON columns, by column name. */
/**
 * Read a column whose damaged value the caller replaces by its default
 * (reminder offsets): null when absent or unreadable. Use it only where a
 * default is the documented answer to damage; everywhere else read throws.
 */
export function readOrNull<T>(codec: JsonCodec<T>, text: JsonText<T> | null | undefined): T | null {
  if (text === null || text === undefined) return null;
  try {
    return codec.read(text);
  } catch (error) {
    if (error instanceof StoredValueUnreadable) return null;
    throw error;
  }
}

type Codecs = Readonly<Record<string, { write(value: never): string; read(text: never): unknown }>>;

/** Decode the JSON columns of a row that `codecs` names; other columns stay as they are. */
export function decodeRow<R extends object>(codecs: Codecs, row: R): Decoded<R> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [name, codec] of Object.entries(codecs)) {
    const text = out[name];
    if (typeof text === 'string') out[name] = (codec as JsonCodec<unknown>).read(text as JsonText<unknown>);
  }
  return out as Decoded<R>;
}

/** decodeRow for each row of a page (or of any object with `items`). */
export function decodeItems<R extends object>(codecs: Codecs, page: { items: R[]; nextCursor: string | null }): { items: Decoded<R>[]; nextCursor: string | null } {
  return { items: page.items.map((row) => decodeRow(codecs, row)), nextCursor: page.nextCursor };
}

/** Encode the JSON columns of an insert or update that `codecs` names (absent and null values stay as they are). */
export function encodeRow<V extends object>(codecs: Codecs, values: Decoded<V>): V {
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const [name, codec] of Object.entries(codecs)) {
    const value = out[name];
    if (value !== undefined && value !== null) out[name] = (codec as JsonCodec<unknown>).write(value);
  }
  return out as V;
}

// ── the JSON columns, one codec each ─────────────────────────────────────

const Texts = z.array(z.string());
const Ids = z.array(z.string());

/** A call's deadline as a deadline change keeps it (call_deadline_changes.before/after). */
export const DeadlineSnapshot = z.object({ position: z.number().int(), label: z.string().nullable(), at: z.string(), timeZone: z.string() });
export type DeadlineSnapshot = z.infer<typeof DeadlineSnapshot>;

/** What a portal import did (call_imports.counts). */
export const ImportCounts = z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), invalid: z.number().int(), skipped: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

/** A saved search's criteria as stored: the request's fields without its length limits (an erasure may lengthen a keyword). */
export const StoredCriteria = z.strictObject({
  q: z.string().optional(),
  programmeId: z.string().optional(),
  domainId: z.string().optional(),
  keyword: z.string().optional(),
  status: CallStatusFilter.optional(),
  deadlineFrom: z.string().optional(),
  deadlineTo: z.string().optional()
});
export type StoredCriteria = z.infer<typeof StoredCriteria>;

/** A criterion's scale (scoring_criteria.levels), lowest points first. */
export const ScoringLevels = z.array(z.object({ points: z.number(), description: z.string() }));
export type ScoringLevels = z.infer<typeof ScoringLevels>;

/** A partner's network memberships (partnership_parties.networks). */
export const NetworkMemberships = z.array(z.object({ name: z.string(), since: z.number().int().nullable() }));
export type NetworkMemberships = z.infer<typeof NetworkMemberships>;

/** The editable fields of a co-edited record after a write (coedit_revisions.snapshot). */
export const CoeditSnapshot: z.ZodType<Record<string, unknown>> = z.record(z.string(), z.json());
export type CoeditSnapshot = Record<string, unknown>;

/** A work plan as adopted (work_plan_revisions.snapshot): its detail without the lists of revisions and amendments. */
const FrozenWorkPlan = WorkPlanRevision.shape.workPlan;
export type FrozenWorkPlan = z.infer<typeof FrozenWorkPlan>;

export const regionJson = { nuts_codes: jsonCodec('regions.nuts_codes', Texts), languages: jsonCodec('regions.languages', Texts) } as const;
export const personJson = {
  emails: jsonCodec('people.emails', Texts),
  phones: jsonCodec('people.phones', Texts),
  languages: jsonCodec('people.languages', Texts)
} as const;
export const partnershipJson = { forms: jsonCodec('partnerships.forms', z.array(CooperationForm)) } as const;
export const partyJson = { networks: jsonCodec('partnership_parties.networks', NetworkMemberships) } as const;
export const callJson = { keywords: jsonCodec('calls.keywords', Texts) } as const;
export const deadlineChangeJson = {
  before: jsonCodec('call_deadline_changes.before', z.array(DeadlineSnapshot)),
  after: jsonCodec('call_deadline_changes.after', z.array(DeadlineSnapshot))
} as const;
export const callImportJson = { counts: jsonCodec('call_imports.counts', ImportCounts) } as const;
export const savedSearchJson = { criteria: jsonCodec('saved_searches.criteria', StoredCriteria) } as const;
export const reminderSettingsJson = { offsets: jsonCodec('reminder_settings.offsets', z.array(z.number().int())) } as const;
export const criterionJson = { levels: jsonCodec('scoring_criteria.levels', ScoringLevels) } as const;
export const workPlanItemJson = { activity_ids: jsonCodec('work_plan_items.activity_ids', Ids), proposal_ids: jsonCodec('work_plan_items.proposal_ids', Ids) } as const;
export const planRevisionJson = { snapshot: jsonCodec<FrozenWorkPlan>('work_plan_revisions.snapshot', FrozenWorkPlan) } as const;
/** Why an approval was withdrawn: the values its kind is worded with (cycle_approvals.withdrawn_reason_params). */
export const approvalJson = { withdrawn_reason_params: jsonCodec('cycle_approvals.withdrawn_reason_params', z.record(z.string(), z.union([z.string(), z.number()]))) } as const;
export const evaluationJson = { figures: jsonCodec<EvaluationFigures>('evaluations.figures', EvaluationFigures) } as const;
export const coeditRevisionJson = { fields: jsonCodec('coedit_revisions.fields', Texts), snapshot: jsonCodec('coedit_revisions.snapshot', CoeditSnapshot) } as const;
/** Audit snapshots hold any JSON value: the record as it was shown before and after the write. */
export const auditJson = { before: jsonCodec<unknown>('audit_events.before', z.json()), after: jsonCodec<unknown>('audit_events.after', z.json()) } as const;

/** The offsets as stored; null without settings, and for a damaged value (the defaults apply: api/deadlines/services/reminders.ts). */
export function storedOffsets<R extends { offsets: Parameters<typeof readOrNull<number[]>>[1] }>(row: R): Omit<R, 'offsets'> & { offsets: number[] | null } {
  return { ...row, offsets: readOrNull(reminderSettingsJson.offsets, row.offsets) };
}
