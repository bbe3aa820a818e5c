/**
 * The three-way merge of a co-edited record (work-plan item, work-plan
 * header, evaluation section, evaluation assessment). Pure: no database.
 *
 * A writer sends only the fields it changed, plus the version it started
 * from (`If-Match`). `threeWayMerge(spec, base, theirs, yours)` compares,
 * for each field the writer sent:
 * - yours equals theirs             → nothing to write;
 * - theirs equals base              → take yours (only the writer changed it);
 * - yours equals base               → keep theirs (only the others changed it);
 * - a text field (`spec.text`)      → merged paragraph by paragraph (blank
 *   lines separate paragraphs) with node-diff3; clean → the merged text,
 *   else a conflict;
 * - an id-set field (`spec.sets`)   → theirs + added by you − removed by you;
 * - anything else both changed differently → a conflict.
 *
 * `base` is the snapshot at the writer's version, `theirs` the stored one,
 * `yours` the fields sent. The outcome says what to write (`values`: only the
 * fields whose stored value changes), the conflicts (empty when the merge is
 * clean), and `mergedFields`: the fields others changed since the base that
 * this write kept (answered as `notes.mergedFields`).
 *
 * Reuse: describe the record's editable fields once, e.g.
 *   const spec: FieldSpec = { fields: ['body'], text: ['body'] };
 * and call `threeWayMerge(spec, baseSnapshot, currentSnapshot, patch)`; or let
 * history.ts `prepareWrite` load the base and throw the 428/412/409 problems.
 * With base === theirs (the writer is up to date) it simply returns the
 * fields that differ from what is stored.
 */
import { diff3Merge } from 'node-diff3';
import type { FieldConflict } from '../schemas/coediting.js';

/** The editable fields of a kind of record, and which of them merge specially. */
export interface FieldSpec {
  /** every editable field (the snapshot's keys) */
  readonly fields: readonly string[];
  /** long text merged paragraph by paragraph (null counts as empty) */
  readonly text?: readonly string[];
  /** arrays of ids merged as sets */
  readonly sets?: readonly string[];
}

export type Snapshot = Record<string, unknown>;

export interface MergeOutcome {
  /** the fields to store, with their new values (only those that change) */
  values: Snapshot;
  /** fields both sides changed differently; non-empty means nothing may be written */
  conflicts: FieldConflict[];
  /** fields others changed since the base that the result keeps */
  mergedFields: string[];
}

type Kind = 'text' | 'set' | 'value';

function kindOf(spec: FieldSpec, field: string): Kind {
  if (spec.text?.includes(field)) return 'text';
  if (spec.sets?.includes(field)) return 'set';
  return 'value';
}

function asSet(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Stable JSON: object keys sorted, so equal records compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  ) ?? 'undefined';
}

/** Equal as the field's kind understands it: texts with null as '', sets regardless of order. */
export function sameValue(spec: FieldSpec, field: string, a: unknown, b: unknown): boolean {
  switch (kindOf(spec, field)) {
    case 'text':
      return ((a as string | null | undefined) ?? '') === ((b as string | null | undefined) ?? '');
    case 'set': {
      const left = asSet(a).map(canonical).sort();
      const right = asSet(b).map(canonical).sort();
      return left.length === right.length && left.every((x, i) => x === right[i]);
    }
    default:
      return canonical(a ?? null) === canonical(b ?? null);
  }
}

/** Paragraphs and the blank-line runs between them, kept as their own tokens so the text joins back exactly. */
export function paragraphTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text.split(/(\n[ \t]*\n(?:[ \t]*\n)*)/).filter((token) => token !== '');
}

/**
 * Merge two edits of a text paragraph by paragraph. Returns the merged text,
 * or undefined when both changed the same (or touching) paragraphs differently.
 */
export function mergeParagraphs(base: string | null, theirs: string | null, yours: string | null): string | null | undefined {
  const regions = diff3Merge(paragraphTokens(yours), paragraphTokens(base), paragraphTokens(theirs), { excludeFalseConflicts: true });
  if (regions.some((region) => region.conflict)) return undefined;
  const merged = regions.flatMap((region) => region.ok ?? []).join('');
  if (merged === '') return yours === null || theirs === null ? null : '';
  return merged;
}

/** theirs + what you added − what you removed (order: theirs, then your additions in your order). */
export function mergeSet(base: unknown, theirs: unknown, yours: unknown): unknown[] {
  const key = canonical;
  const baseKeys = new Set(asSet(base).map(key));
  const yourKeys = new Set(asSet(yours).map(key));
  const removed = new Set([...baseKeys].filter((k) => !yourKeys.has(k)));
  const result: unknown[] = [];
  const seen = new Set<string>();
  for (const value of [...asSet(theirs), ...asSet(yours).filter((v) => !baseKeys.has(key(v)))]) {
    const k = key(value);
    if (removed.has(k) || seen.has(k)) continue;
    seen.add(k);
    result.push(value);
  }
  return result;
}

/** See the file header. `yours` holds only the fields the writer sent. */
export function threeWayMerge(spec: FieldSpec, base: Snapshot, theirs: Snapshot, yours: Snapshot): MergeOutcome {
  const values: Snapshot = {};
  const conflicts: FieldConflict[] = [];
  const same = (field: string, a: unknown, b: unknown) => sameValue(spec, field, a, b);

  for (const field of Object.keys(yours)) {
    const mine = yours[field];
    const before = base[field];
    const stored = theirs[field];
    if (same(field, mine, stored)) continue;
    if (same(field, before, stored)) {
      values[field] = mine;
      continue;
    }
    if (same(field, mine, before)) continue;
    const kind = kindOf(spec, field);
    if (kind === 'set') {
      const merged = mergeSet(before, stored, mine);
      if (!same(field, merged, stored)) values[field] = merged;
      continue;
    }
    if (kind === 'text') {
      const merged = mergeParagraphs((before as string | null) ?? null, (stored as string | null) ?? null, (mine as string | null) ?? null);
      if (merged !== undefined) {
        if (!same(field, merged, stored)) values[field] = merged;
        continue;
      }
    }
    conflicts.push({ field, base: before ?? null, theirs: stored ?? null, yours: mine ?? null });
  }

  const mergedFields = spec.fields.filter((field) => !same(field, base[field], theirs[field]) && !conflicts.some((c) => c.field === field));
  return { values: conflicts.length ? {} : values, conflicts, mergedFields: conflicts.length ? [] : mergedFields };
}

/** The fields whose values differ between two snapshots, in spec order. */
export function changedFields(spec: FieldSpec, before: Snapshot, after: Snapshot): string[] {
  return spec.fields.filter((field) => !sameValue(spec, field, before[field], after[field]));
}
