/**
 * After a stale save (412: someone saved the activity since the form was
 * opened), nothing the person typed is lost. Field by field, with the
 * version the edit started from (`base`), the one stored now (`theirs`) and
 * the form (`yours`):
 * - changed by them only: their value comes into the form (`taken`);
 * - changed by you only, or by both to the same value: yours stays;
 * - changed by both, differently: a conflict to settle (yours stays in the
 *   form until then).
 * The form then saves over their version.
 */
import type { ActivityValues } from './activity-values.js';

export type ActivityField = keyof ActivityValues;

export interface FieldConflict {
  field: ActivityField;
  base: unknown;
  theirs: unknown;
  yours: unknown;
}

export interface StaleOutcome {
  values: ActivityValues;
  /** fields they changed whose new value came into the form */
  taken: ActivityField[];
  /** fields both changed, differently */
  conflicts: FieldConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeStale(base: ActivityValues, theirs: ActivityValues, yours: ActivityValues): StaleOutcome {
  const values = { ...yours };
  const taken: ActivityField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(theirs) as ActivityField[]) {
    if (same(theirs[field], base[field])) continue;
    if (same(yours[field], base[field])) {
      (values as Record<string, unknown>)[field] = theirs[field];
      taken.push(field);
    } else if (!same(yours[field], theirs[field])) {
      conflicts.push({ field, base: base[field], theirs: theirs[field], yours: yours[field] });
    }
  }
  return { values, taken, conflicts };
}

/** The form after the conflicts were settled: `chosen` holds the fields where yours (or a combination) wins; the others take theirs. */
export function settle(values: ActivityValues, conflicts: FieldConflict[], chosen: Record<string, unknown>): ActivityValues {
  const settled = { ...values } as Record<string, unknown>;
  for (const c of conflicts) settled[c.field] = c.field in chosen ? (chosen[c.field] ?? (typeof c.theirs === 'string' ? '' : c.theirs)) : c.theirs;
  return settled as unknown as ActivityValues;
}
